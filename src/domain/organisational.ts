// Practice categories whose practices are about how people and teams work, not about software: a
// tool stack cannot cover them. The categories are the sources' own (Eken et al.'s practice
// categories); picking which of them are organisational is the curators' judgement, documented in
// README.md (recommendStack) and seed/README.md.
export const ORGANISATIONAL_CATEGORIES: readonly string[] = ['category:team-structure'];
