// The ontology: which kinds of entity the graph holds, and which relation types may link which kinds.
// The seed check, the loader, the GraphQL enum EntityKind and seed/README.md all follow this module.

export const ENTITY_KINDS = [
  'SOURCE',
  'PRACTICE',
  'CHALLENGE',
  'SOLUTION',
  'TOOL',
  'ROLE',
  'OPEN_ISSUE',
  'STAGE',
  'ACTIVITY',
  'CATEGORY',
  'PRINCIPLE',
  'COMPONENT',
  'DEFINITION',
  'GOAL',
  'ROBUSTNESS_ASPECT',
  'METHOD',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * What sort of thing a TOOL is: the curator's classification (seed/README.md §7), not a paper's word.
 * PRODUCT: software a team can adopt (a product, library, platform or service); TECHNIQUE: a pattern
 * or technique; TECHNOLOGY_CLASS: a class of technology (data lakes); GUIDANCE: a whitepaper or
 * best-practice document; RESEARCH_PROTOTYPE: a research system; FRAMEWORK: a conceptual framework.
 * The tool catalogues list more than software (seed/README.md §10): MODEL: a trained model (an LLM, a
 * foundation model); BENCHMARK: a benchmark or evaluation suite; DATASET: a data set; LINK_LIST: a list
 * of links (an awesome list, a collection of tutorials or courses).
 */
export const TOOL_TYPES = [
  'PRODUCT',
  'TECHNIQUE',
  'TECHNOLOGY_CLASS',
  'GUIDANCE',
  'RESEARCH_PROTOTYPE',
  'FRAMEWORK',
  'MODEL',
  'BENCHMARK',
  'DATASET',
  'LINK_LIST',
] as const;
export type ToolType = (typeof TOOL_TYPES)[number];

/** Every id is `<prefix>:<slug>`; the prefix says the kind, so an id alone tells what it names. */
export const ID_PREFIX: Record<EntityKind, string> = {
  SOURCE: 'source',
  PRACTICE: 'practice',
  CHALLENGE: 'challenge',
  SOLUTION: 'solution',
  TOOL: 'tool',
  ROLE: 'role',
  OPEN_ISSUE: 'open-issue',
  STAGE: 'stage',
  ACTIVITY: 'activity',
  CATEGORY: 'category',
  PRINCIPLE: 'principle',
  COMPONENT: 'component',
  DEFINITION: 'definition',
  GOAL: 'goal',
  ROBUSTNESS_ASPECT: 'aspect',
  METHOD: 'method',
};

/** Neo4j label of each kind (every entity also carries the label `Entity`). */
export const LABEL = {
  SOURCE: 'Source',
  PRACTICE: 'Practice',
  CHALLENGE: 'Challenge',
  SOLUTION: 'Solution',
  TOOL: 'Tool',
  ROLE: 'Role',
  OPEN_ISSUE: 'OpenIssue',
  STAGE: 'Stage',
  ACTIVITY: 'Activity',
  CATEGORY: 'Category',
  PRINCIPLE: 'Principle',
  COMPONENT: 'Component',
  DEFINITION: 'Definition',
  GOAL: 'Goal',
  ROBUSTNESS_ASPECT: 'RobustnessAspect',
  METHOD: 'Method',
} as const satisfies Record<EntityKind, string>;

const ALL_BUT_SOURCE = ENTITY_KINDS.filter((k) => k !== 'SOURCE');

export interface RelationRule {
  /** What the relation states, read as `from <verb> to`. */
  readonly meaning: string;
  readonly from: readonly EntityKind[];
  readonly to: readonly EntityKind[];
  /** Levels the relation may carry; absent when the relation has none. */
  readonly levels?: readonly string[];
}

export const RELATION_RULES = {
  ADDRESSES: {
    meaning: 'helps with a challenge or serves a goal (as the source states it)',
    from: ['PRACTICE', 'CATEGORY', 'DEFINITION', 'PRINCIPLE', 'COMPONENT', 'METHOD'],
    to: ['CHALLENGE', 'GOAL'],
  },
  RESOLVES: {
    meaning: 'is a solution the source reports for a challenge',
    from: ['SOLUTION'],
    to: ['CHALLENGE'],
  },
  SUPPORTS: {
    meaning: 'is a tool that supports a practice, component, principle or robustness aspect',
    from: ['TOOL'],
    to: ['PRACTICE', 'COMPONENT', 'PRINCIPLE', 'ROBUSTNESS_ASPECT', 'SOLUTION'],
    levels: ['FULL', 'PARTIAL', 'EXAMPLE'],
  },
  IMPLEMENTS: {
    meaning: 'puts a principle into practice',
    from: ['COMPONENT', 'PRACTICE'],
    to: ['PRINCIPLE'],
  },
  PERFORMS: {
    meaning: 'is a role that carries out a practice or activity, or works with a component',
    from: ['ROLE'],
    to: ['PRACTICE', 'ACTIVITY', 'COMPONENT'],
  },
  TAKES_PART_IN: {
    meaning: 'is a role that takes part in a lifecycle stage or activity',
    from: ['ROLE'],
    to: ['STAGE', 'ACTIVITY'],
    levels: ['PRIMARY', 'SUPPORTING'],
  },
  COLLABORATES_WITH: {
    meaning: 'is a role that works together with another role',
    from: ['ROLE'],
    to: ['ROLE'],
  },
  OVERLAPS_WITH: {
    meaning: 'is a role whose responsibilities overlap with another role',
    from: ['ROLE'],
    to: ['ROLE'],
  },
  SUBSTITUTES_FOR: {
    meaning: 'is a role that can stand in for another role',
    from: ['ROLE'],
    to: ['ROLE'],
  },
  CONCERNS: {
    meaning: 'is an open issue about an area of the graph',
    from: ['OPEN_ISSUE'],
    to: ALL_BUT_SOURCE,
  },
  IN_STAGE: {
    meaning: 'belongs to, or takes place in, a lifecycle stage',
    from: ['PRACTICE', 'ACTIVITY', 'TOOL', 'COMPONENT', 'METHOD', 'ROBUSTNESS_ASPECT', 'CHALLENGE', 'SOLUTION'],
    to: ['STAGE'],
  },
  IN_CATEGORY: {
    meaning: 'is grouped under a category',
    from: ALL_BUT_SOURCE,
    to: ['CATEGORY'],
  },
  PART_OF: {
    meaning: 'is a part of a larger whole of the same family',
    from: ['ACTIVITY', 'STAGE', 'COMPONENT', 'PRACTICE', 'ROBUSTNESS_ASPECT', 'DEFINITION', 'TOOL'],
    to: ['STAGE', 'ACTIVITY', 'COMPONENT', 'PRACTICE', 'ROBUSTNESS_ASPECT', 'DEFINITION', 'TOOL'],
  },
  FOLLOWED_BY: {
    meaning: 'is followed by another stage or activity in the workflow',
    from: ['STAGE', 'ACTIVITY'],
    to: ['STAGE', 'ACTIVITY'],
  },
  FEEDS_BACK_TO: {
    meaning: 'sends feedback to an earlier stage or activity',
    from: ['STAGE', 'ACTIVITY', 'COMPONENT'],
    to: ['STAGE', 'ACTIVITY', 'COMPONENT'],
  },
  CHECKED_BY: {
    meaning: 'is checked or gated by another stage or activity',
    from: ['STAGE', 'ACTIVITY'],
    to: ['STAGE', 'ACTIVITY'],
  },
  IMPROVES: {
    meaning: 'strengthens a robustness aspect',
    from: ['METHOD', 'PRACTICE', 'TOOL'],
    to: ['ROBUSTNESS_ASPECT'],
  },
  USES: {
    meaning: 'is a workflow step, component or role that works with a technical component or tool (runs on it, reads from it, writes to it or sets it up)',
    from: ['ACTIVITY', 'COMPONENT', 'ROLE'],
    to: ['COMPONENT', 'TOOL'],
  },
  COMPLICATES: {
    meaning: 'is a tool the source names as adding to a challenge (its cost, expertise or overhead makes the challenge harder), not as helping with it',
    from: ['TOOL'],
    to: ['CHALLENGE'],
  },
  COMPRISES: {
    meaning: 'is a definition or paradigm whose account names the target as one of its parts (a principle it applies, a group it sorts its tools into)',
    from: ['DEFINITION'],
    to: ['PRINCIPLE', 'CATEGORY'],
  },
  BUILDS_ON: {
    meaning: 'is a definition or paradigm that extends or draws on another one',
    from: ['DEFINITION'],
    to: ['DEFINITION'],
  },
  INVOLVES: {
    meaning: 'is a challenge that bears on a role: a shortage of it, a gap in its training, or the people who must be won over',
    from: ['CHALLENGE'],
    to: ['ROLE'],
  },
  DETECTS: {
    meaning: 'is a method that signals when the threat a robustness aspect names occurs (e.g. a drift detector), without strengthening the model itself',
    from: ['METHOD'],
    to: ['ROBUSTNESS_ASPECT'],
  },
  ESTIMATES: {
    meaning: 'is a method that measures or estimates the state of a robustness aspect (e.g. accuracy without labels, the amount of shift)',
    from: ['METHOD'],
    to: ['ROBUSTNESS_ASPECT'],
  },
  MONITORS: {
    meaning: 'is an activity, practice, component or principle that watches a robustness aspect in production',
    from: ['ACTIVITY', 'PRACTICE', 'COMPONENT', 'PRINCIPLE'],
    to: ['ROBUSTNESS_ASPECT'],
  },
  TRIGGERS: {
    meaning: 'is a stage, activity or component whose findings start another activity (a feedback trigger)',
    from: ['STAGE', 'ACTIVITY', 'COMPONENT'],
    to: ['ACTIVITY'],
  },
  ARISES_IN: {
    meaning: 'is a challenge, or a family of challenges, met when putting a practice, practice category or lifecycle stage into place',
    from: ['CHALLENGE', 'CATEGORY'],
    to: ['PRACTICE', 'CATEGORY', 'STAGE'],
  },
  COVERS: {
    meaning: "is a tool catalogue's section whose tools serve this practice or component (the curator's mapping)",
    from: ['CATEGORY'],
    to: ['PRACTICE', 'COMPONENT'],
  },
  CORRESPONDS_TO: {
    meaning: 'names the same notion as another entity of a different kind or framing (a crosswalk)',
    from: ALL_BUT_SOURCE,
    to: ALL_BUT_SOURCE,
  },
  NARROWER_THAN: {
    meaning: 'names a narrower notion than another entity, or a part or special case of it, where PART_OF does not fit (another source, kind or framing, or a specialisation)',
    from: ALL_BUT_SOURCE,
    to: ALL_BUT_SOURCE,
  },
  PARTLY_OVERLAPS: {
    meaning: 'shares part of its scope with another entity, neither being the same notion nor containing the other (symmetric; stored once)',
    from: ALL_BUT_SOURCE,
    to: ALL_BUT_SOURCE,
  },
  RELATED_TO: {
    meaning: 'is linked by the source to another entity in a way no other type captures (see note)',
    from: ALL_BUT_SOURCE,
    to: ALL_BUT_SOURCE,
  },
} as const satisfies Record<string, RelationRule>;

export type RelationType = keyof typeof RELATION_RULES;
export const RELATION_TYPES = Object.keys(RELATION_RULES) as RelationType[];

export function kindOfId(id: string): EntityKind | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return ENTITY_KINDS.find((k) => ID_PREFIX[k] === prefix);
}

/** Stable id of a relation: it follows from its type and endpoints, so it never needs minting. */
export function relationId(type: string, from: string, to: string): string {
  return `${from}-[${type}]->${to}`;
}
