// The SDL's references to an entity by id, resolved through the entity loader (`reference` in
// src/resolvers/entity.ts), and what a reference answers from its id alone, without a round
// trip (src/resolvers/id-only.ts). The analysis look-ahead (src/loaders/analysis-lookahead.ts)
// follows the same rule; test/unit/schema-tables.test.ts holds the table against the SDL.

/** `Type.field` of every reference field. */
export const REFERENCE_FIELDS: ReadonlySet<string> = new Set(['Relation.from', 'Relation.to', 'Citation.source', 'SourceDescription.source']);

/** Fields of a referenced entity known from its id (an id names its kind). */
export const FROM_THE_ID: ReadonlySet<string> = new Set(['id', 'kind', '__typename']);
