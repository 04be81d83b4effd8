// zod schemas of the seed files under seed/. The loader, the check and the API's model types
// all derive from these, so a seed file that passes here is one the whole system understands.
import { z } from 'zod';
import type { Citation as DomainCitation } from '../domain/citation.js';
import { CONFIDENCES, DESCRIPTION_BASES } from '../domain/citation.js';
import { ENTITY_KINDS, RELATION_TYPES, TOOL_TYPES } from '../domain/ontology.js';

export { TOOL_TYPES };

export const SOURCE_IDS = ['source:eken2024', 'source:kreuzberger2022', 'source:bayram2024'] as const;

const slug = '[a-z0-9][a-z0-9-]*';
export const EntityId = z
  .string()
  .regex(new RegExp(`^[a-z-]+:${slug}$`), 'an id is "<kind prefix>:<lowercase-hyphenated-slug>", e.g. "practice:continuous-monitoring"');

/** A short, human-written text: no leading/trailing blanks, no control characters. */
const Text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s === s.trim(), 'must not start or end with white space')
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

export const Confidence = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof Confidence>;

export const Citation = z.strictObject({
  /** Id of the Source entity (seed/sources.json). */
  source: EntityId,
  /** Where the paper says it, as the paper numbers things: "§4.2 p.20 l.993–1004", "Fig. 4 p.18", "Table 3". */
  locator: Text(200),
  /** The digest row this comes from (working notes in ../shared/sources), for the ledger. */
  digestId: Text(200),
  /** STATED: the paper says it. INFERRED: a reconstruction (figure layout, grouping); never promoted. */
  confidence: Confidence,
  /** Optional short remark on the evidence, e.g. why a row is INFERRED. */
  note: Text(400).optional(),
});
export type Citation = z.infer<typeof Citation>;

const AttributeValue = z.union([z.string().max(400), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)]);

/**
 * What a TOOL is, in the curator's classification (not a paper's statement; the paper's own word for
 * it stays in the attributes, e.g. `ekenToolType`). seed/README.md §7 gives the rule for each type.
 */
export const ToolType = z.enum(TOOL_TYPES);
export type ToolType = z.infer<typeof ToolType>;

/** SOURCE: a summary says what the paper says. CURATOR: a general gloss of a name the paper only lists. */
export const SummaryBasis = z.enum(DESCRIPTION_BASES);
export type SummaryBasis = z.infer<typeof SummaryBasis>;

const EntityFields = {
  id: EntityId,
  kind: z.enum(ENTITY_KINDS),
  name: Text(200),
  /**
   * This file's description of the entity, in its source's terms: one or two sentences, written afresh
   * (never copied from a digest or a paper). Every file's description of an entity is kept (dataset.ts).
   */
  summary: Text(1200).optional(),
  /** What `summary` rests on (default SOURCE); only with a summary. */
  summaryBasis: SummaryBasis.optional(),
  /**
   * For an entity that several sources' files describe: the curator's one-liner that states only what
   * every one of those sources says. Given in one of the files; it becomes the entity's primary summary.
   */
  sharedSummary: Text(1200).optional(),
  /** TOOL only, and required there: the curator's classification (TOOL_TYPES). */
  toolType: ToolType.optional(),
  /** Other names a user might type: the paper's exact label, abbreviations, other sources' names. */
  aliases: z.array(Text(200)).max(30).default([]),
  /** Extra facts the source gives (a challenge family, a tool's type, a study count), flat scalars only. */
  attributes: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), AttributeValue).default({}),
  citations: z.array(Citation).min(1, 'every entity needs at least one citation'),
};

/** Field rules that depend on the kind: a TOOL has a toolType, nothing else has one. */
function kindRules(e: { kind: string; toolType?: unknown; summary?: unknown; summaryBasis?: unknown }, ctx: z.RefinementCtx): void {
  if (e.kind === 'TOOL' && e.toolType === undefined) {
    ctx.addIssue({ code: 'custom', path: ['toolType'], message: `a TOOL needs a toolType (one of ${TOOL_TYPES.join(', ')})` });
  }
  if (e.kind !== 'TOOL' && e.toolType !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['toolType'], message: `only a TOOL has a toolType, not a ${e.kind}` });
  }
  if (e.summaryBasis !== undefined && e.summary === undefined) {
    ctx.addIssue({ code: 'custom', path: ['summaryBasis'], message: 'a summaryBasis needs a summary' });
  }
}

export const EntityRecord = z.strictObject(EntityFields).superRefine(kindRules);
export type EntityRecord = z.infer<typeof EntityRecord>;

export const RelationRecord = z.strictObject({
  type: z.enum(RELATION_TYPES as [string, ...string[]]),
  from: EntityId,
  to: EntityId,
  /** A level where the relation type has one (e.g. SUPPORTS: FULL/PARTIAL/EXAMPLE; TAKES_PART_IN: PRIMARY/SUPPORTING). */
  level: z.string().regex(/^[A-Z_]+$/).optional(),
  /** Short remark on what the link means, required in spirit for RELATED_TO. */
  note: Text(400).optional(),
  citations: z.array(Citation).min(1, 'every relation needs at least one citation'),
});
export type RelationRecord = z.infer<typeof RelationRecord>;

/** How much of a paper the digest's author could read: the whole text, part of it, or only the abstract. */
export const READINGS = ['FULL_TEXT', 'PARTIAL', 'ABSTRACT_ONLY'] as const;

/**
 * A paper's facts (seed/sources.json for the reviews, seed/<study>/sources.json for each study), as its
 * digest's header gives them; nothing from memory. `url` is where a reader finds the paper: the arXiv
 * abstract page where it has an arXiv id, else its DOI's resolver or its proceedings page, as the digest
 * spells it; a paper whose digest gives no address has none.
 */
export const PaperSourceAttributes = z.strictObject({
  /** REVIEW: a literature review; STUDY: an empirical study or a position paper. */
  sourceType: z.enum(['REVIEW', 'STUDY']),
  authors: z.array(z.string()).min(1),
  year: z.number().int(),
  venue: z.string(),
  arxiv: z.string().regex(/^\d{4}\.\d{4,5}$/).optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI, "10.<registrant>/<suffix>"').optional(),
  /** Absent only where the digest gives no address for the paper (nothing is looked up from memory). */
  url: z.url({ protocol: /^https$/, error: 'an https URL' }).optional(),
  /** The PDF whose page numbers the locators give (p.N): citations then link to `pdfUrl#page=N`. */
  pdfUrl: z.url({ protocol: /^https$/, error: 'an https URL' }).optional(),
  /** What was read: FULL_TEXT, PARTIAL (some pages) or ABSTRACT_ONLY; an answer resting on less than the full text says so. */
  reading: z.enum(READINGS),
  /** The same in words: "full text", "PDF pages 1, 2, 4 and 8 of 10"... */
  coverage: z.string(),
});

/**
 * A tool catalogue's facts (seed/<catalogue>/sources.json, written by `npm run catalogue:import`): the
 * repository and the commit of the file read, its licence and how it asks to be cited.
 */
export const CatalogueSourceAttributes = z.strictObject({
  sourceType: z.literal('CATALOGUE'),
  /** The year of the commit read (a catalogue has versions, not a publication year). */
  year: z.number().int(),
  venue: z.string(),
  repository: z.string().regex(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/, 'a GitHub repository URL'),
  file: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-hex commit'),
  commitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  licence: z.string().min(1),
  citeAs: z.string().min(1),
  coverage: z.string(),
});

/** seed/sources.json (the reviews), seed/<study>/sources.json (a study) and seed/<catalogue>/sources.json (a tool catalogue). */
export const SourceRecord = z.strictObject({
  ...EntityFields,
  kind: z.literal('SOURCE'),
  attributes: z.union([PaperSourceAttributes, CatalogueSourceAttributes]),
}).superRefine(kindRules);
export type SourceRecord = z.infer<typeof SourceRecord>;
export const SourcesFile = z.strictObject({ sources: z.array(SourceRecord).min(1) });

/** seed/<source>/entities.json */
export const EntitiesFile = z.strictObject({
  /** The source this file curates; every citation inside may still name any source. */
  source: EntityId,
  entities: z.array(EntityRecord),
});

/** seed/<source>/relations.json and seed/crosswalk.json */
export const RelationsFile = z.strictObject({
  source: EntityId.optional(),
  relations: z.array(RelationRecord),
});

/** seed/<source>/ledger.json: every digest item id -> what carries it, or why it was left out. */
export const LedgerEntry = z.union([
  z.strictObject({ carriedBy: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ omitted: Text(400) }),
]);
export const LedgerFile = z.strictObject({
  source: EntityId,
  items: z.record(z.string().min(1), LedgerEntry),
});

/** The read side's Citation (src/domain/citation.ts) is exactly what this schema accepts. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const citationShapesAgree: Same<Readonly<Citation>, DomainCitation> = true;
void citationShapesAgree;

/**
 * seed/search-aliases.json: names people type for entities the seed holds (W&B, wandb, k8s), kept apart
 * from the generated catalogue folders so they survive a re-import. The curator's additions, never a
 * source's claim: each entry says why in its note.
 */
export const SearchAliasesFile = z.strictObject({
  about: z.string().optional(),
  aliases: z
    .array(z.strictObject({ id: EntityId, aliases: z.array(z.string().trim().min(1).max(100)).min(1).max(10), note: Text(400) }))
    .min(1),
});
export type SearchAliasesFile = z.infer<typeof SearchAliasesFile>;
