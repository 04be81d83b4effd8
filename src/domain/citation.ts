// Where a fact comes from, and how sure the curators are of it: the read side's vocabulary.
// The seed files' zod schema (src/seed/schema.ts) validates exactly this shape; a compile-time check
// there keeps the two equal, so the read side never imports the seed writer to learn a type.

export const CONFIDENCES = ['STATED', 'INFERRED'] as const;
/** STATED: the paper says it. INFERRED: a curator's reconstruction (figure layout, grouping, crosswalk). */
export type Confidence = (typeof CONFIDENCES)[number];

export interface Citation {
  /** Id of the Source entity. */
  readonly source: string;
  /** Where the paper says it, as the paper numbers things: "§4.2 p.20", "Fig. 4 p.18", "Table 3". */
  readonly locator: string;
  /** The digest row it comes from: one statement of the paper, however many edges it became. */
  readonly digestId: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** Confidence of a whole entity or relation: STATED when any citation states it. */
export function overallConfidence(citations: readonly Citation[]): Confidence {
  return citations.some((c) => c.confidence === 'STATED') ? 'STATED' : 'INFERRED';
}

/** SOURCE: a description that says what the paper says. CURATOR: a general gloss of a name the paper only lists. */
export const DESCRIPTION_BASES = ['SOURCE', 'CURATOR'] as const;
export type DescriptionBasis = (typeof DESCRIPTION_BASES)[number];

/** One source's own description of an entity (an entity several sources name keeps each). */
export interface SourceDescription {
  readonly source: string;
  readonly text: string;
  readonly basis: DescriptionBasis;
}
