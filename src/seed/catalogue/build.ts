// The pure part of `npm run catalogue:import`: from a validated catalogue, the curator's tables (section
// mappings, review matches, the per-tool curation), the id registry and the entities of the sources that
// load before it, the seed files of seed/<catalogue>/ as text (sorted, so the same input gives the same
// bytes) and what changed; or the problems, and nothing to write.
import type { EntityKind, ToolType } from '../../domain/ontology.js';
import { relationId } from '../../domain/ontology.js';
import type { SeedProblem } from '../errors.js';
import type { Citation, EntityRecord, RelationRecord } from '../schema.js';
import { checkCuration, type CurationCounts } from './check-curation.js';
import type { ToolCurationFile } from './curation.js';
import { assignIds, cmp, groupRows, joinSameProject, identityInferred, slugOf, sortKeys, type Assignment, type ReviewTool } from './ids.js';
import type { CatalogueFile, IdRegistryFile, ReviewMatchesFile, SectionMappingsFile } from './input.js';
import { checkCatalogue, linkKey } from './input.js';
import { mergesMarkdown, type TypeDisagreement } from './merges-md.js';
import { sourceRecord } from './source-record.js';

/**
 * The catalogues the import knows, by repository, in load order: the source id, the seed folder, and
 * the prefix of its attribute keys, category ids and (for all but the first) ledger keys, so that two
 * catalogues never clash on one merged entity or one ledger key.
 */
export const CATALOGUES: Readonly<Record<string, CatalogueTarget>> = {
  'https://github.com/EthicalML/awesome-production-machine-learning': { sourceId: 'source:awesome-production-ml', folder: 'awesome-production-ml', prefix: 'apml', ledgerPrefix: '' },
  'https://github.com/tensorchord/Awesome-LLMOps': { sourceId: 'source:awesome-llmops', folder: 'awesome-llmops', prefix: 'llmops', ledgerPrefix: 'Awesome LLMOps: ' },
};

export interface CatalogueTarget {
  readonly sourceId: string;
  readonly folder: string;
  readonly prefix: string;
  readonly ledgerPrefix: string;
}

export const MAPPINGS_FILE = 'section-mappings.json';
export const MATCHES_FILE = 'review-matches.json';
export const REGISTRY_FILE = 'ids.json';

/** Put before every section-level COVERS note: the road a whole section opens is the weaker one. */
export const COVERS_NOTE_PREFIX = 'Section-level fallback, weaker than a per-tool mapping: ';

export interface ImportInput {
  /** Paths as they should appear in messages. */
  readonly files: { readonly catalogue: string; readonly mappings: string; readonly matches: string; readonly curation: string };
  readonly catalogue: CatalogueFile;
  readonly mappings: SectionMappingsFile;
  readonly matches: ReviewMatchesFile;
  readonly curation: ToolCurationFile;
  readonly registry: IdRegistryFile;
  /** Every entity of the sources that load before this catalogue: id -> kind, and their tools. */
  readonly reviewKinds: ReadonlyMap<string, EntityKind>;
  readonly reviewTools: readonly ReviewTool[];
}

export interface ImportOutput {
  readonly folder: string;
  /** File name in the folder -> its text. */
  readonly files: Record<string, string>;
  readonly assignment: Assignment;
  /** Tools another source holds whose type there differs from the curator's type here (the other's is kept). */
  readonly typeDisagreements: TypeDisagreement[];
  readonly counts: { tools: number; rows: number; sections: number; mapped: number; unmapped: number; covers: number } & CurationCounts;
}

export function buildCatalogueImport(input: ImportInput): { output?: ImportOutput; problems: SeedProblem[] } {
  const { catalogue: c, files } = input;
  const problems = checkCatalogue(files.catalogue, c);
  const target = CATALOGUES[c.repository];
  if (!target) problems.push({ file: files.catalogue, path: 'repository', message: `no seed folder is configured for this catalogue (${Object.keys(CATALOGUES).join(', ')})`, value: c.repository });
  const sectionNames = new Set(c.sections.map((s) => s.name));
  const isTarget = (id: string) => {
    const kind = input.reviewKinds.get(id);
    return kind === 'PRACTICE' || kind === 'COMPONENT' ? undefined : kind ? `is a ${kind}; it must be a PRACTICE or COMPONENT` : 'names no practice or component of the seed';
  };
  for (const [name, m] of Object.entries(input.mappings.sections)) {
    const at = `sections[${JSON.stringify(name)}]`;
    if (!sectionNames.has(name)) problems.push({ file: files.mappings, path: at, message: 'is not a section of the catalogue', value: name });
    if ('covers' in m) {
      m.covers.forEach((x, i) => {
        const wrong = isTarget(x.id);
        if (wrong) problems.push({ file: files.mappings, path: `${at}.covers[${i}].id`, message: wrong, value: x.id });
      });
    }
  }
  c.sections.forEach((s, i) => {
    if (!(s.name in input.mappings.sections)) {
      problems.push({ file: files.catalogue, path: `sections[${i}]`, message: `has no entry in ${files.mappings}: map it, or say why it stays unmapped`, value: s.name });
    }
  });
  for (const [list, entries] of [['match', input.matches.match], ['noMatch', input.matches.noMatch]] as const) {
    entries.forEach((x, i) => {
      if (input.reviewKinds.get(x.id) !== 'TOOL') problems.push({ file: files.matches, path: `${list}[${i}].id`, message: 'names no tool of the reviews', value: x.id });
    });
  }
  const listed = groupRows(c.tools);
  const curationCheck = checkCuration(files.curation, input.curation, listed, isTarget);
  const sameAs = new Map(Object.entries(input.curation.tools).flatMap(([key, t]) => (t.sameAs ? [[key, t.sameAs] as const] : [])));
  const groups = joinSameProject(listed, sameAs);
  problems.push(...curationCheck.problems);
  if (problems.length > 0 || !target) return { problems };

  const short = c.commit.slice(0, 7);
  const { sourceId, prefix, ledgerPrefix } = target;
  const locator = (section: string, line: number) => `${c.file} §${section} l.${line} @${short}`;
  const cite = (section: string, line: number, digestId: string, confidence: Citation['confidence'], note?: string): Citation => ({
    source: sourceId,
    locator: locator(section, line),
    digestId,
    confidence,
    ...(note ? { note } : {}),
  });

  // Sections: one CATEGORY each, ids kept by name in the registry.
  const sectionIds: IdRegistryFile['sections'] = {};
  const sectionIdOf = new Map<string, string>();
  const byName = new Map(Object.entries(input.registry.sections).map(([id, e]) => [e.name, id]));
  for (const s of c.sections) {
    let id = byName.get(s.name) ?? `category:${prefix}-${slugOf(s.name)}`;
    for (let i = 2; !byName.has(s.name) && (input.reviewKinds.has(id) || id in input.registry.sections || id in sectionIds); i++) id = `category:${prefix}-${slugOf(s.name)}-${i}`;
    sectionIds[id] = { name: s.name };
    sectionIdOf.set(s.name, id);
  }
  for (const [id, e] of Object.entries(input.registry.sections)) {
    if (!(id in sectionIds)) sectionIds[id] = { name: e.name, removedAt: e.removedAt ?? short };
  }

  const takenIds = new Set([...input.reviewKinds.keys(), ...Object.keys(sectionIds)]);
  const assignment = assignIds(groups, input.reviewTools, takenIds, input.matches, input.registry.tools, short);
  const reviewById = new Map(input.reviewTools.map((t) => [t.id, t]));
  const mergeOf = new Map(assignment.merges.map((m) => [`${m.id}\u0000${m.link}`, m]));

  const entities: EntityRecord[] = [];
  const relations: RelationRecord[] = [];
  const ledger: Record<string, { carriedBy: string[] }> = { [`${ledgerPrefix}catalogue`]: { carriedBy: [sourceId] } };
  const sectionKey = (name: string) => `${ledgerPrefix}§${name}`;
  const rowKey = (section: string, name: string) => `${ledgerPrefix}${section}/${name}`;
  let mapped = 0;
  let covers = 0;
  for (const s of c.sections) {
    const id = sectionIdOf.get(s.name)!;
    const m = input.mappings.sections[s.name]!;
    entities.push({
      id,
      kind: 'CATEGORY',
      name: s.name,
      aliases: [...(m.aliases ?? [])],
      attributes: { [`${prefix}Line`]: s.line, [`${prefix}ToolCount`]: s.tools },
      citations: [cite(s.name, s.line, sectionKey(s.name), 'STATED')],
    });
    const carried = [id];
    if ('covers' in m) {
      mapped++;
      for (const x of m.covers) {
        relations.push({ type: 'COVERS', from: id, to: x.id, note: `${COVERS_NOTE_PREFIX}${x.note}`, citations: [cite(s.name, s.line, sectionKey(s.name), 'INFERRED')] });
        carried.push(relationId('COVERS', id, x.id));
        covers++;
      }
    }
    ledger[sectionKey(s.name)] = { carriedBy: carried };
  }
  const typeDisagreements: TypeDisagreement[] = [];
  for (const g of groups) {
    const id = assignment.idOf.get(g)!;
    const first = g.rows[0]!;
    const curated = input.curation.tools[g.link]!;
    const spellings = [...new Set(g.rows.map((r) => r.name))].filter((n) => n !== g.name);
    // Another source's tool keeps its type (one type per entity); a disagreement is reported, not settled here.
    const earlier = reviewById.get(id);
    const type = (earlier?.toolType ?? curated.type) as ToolType;
    if (earlier && earlier.toolType !== curated.type) typeDisagreements.push({ id, name: earlier.name, kept: earlier.toolType, curated: curated.type });
    const merge = mergeOf.get(`${id}\u0000${g.link}`);
    // A merge the sources do not both state (an alias, the curator's table) makes every catalogue
    // statement about the merged tool the curator's inference too.
    const identityNote =
      merge && identityInferred(merge.how)
        ? `Identity inferred: the catalogue lists "${g.name}" (${g.link}); that it is "${merge.reviewName}" (${id}) rests on ${merge.how === 'alias' ? 'an alias of that tool (a curator\'s search alias or another source\'s label)' : 'the curator\'s review-matches.json'}, not on a shared name or repository`
        : undefined;
    const confidence = identityNote ? 'INFERRED' : 'STATED';
    entities.push({
      id,
      kind: 'TOOL',
      name: g.name,
      toolType: type,
      aliases: spellings,
      attributes: {
        [`${prefix}Url`]: first.url,
        ...(first.githubRepo ? { [`${prefix}GithubRepo`]: first.githubRepo } : {}),
        toolTypeBasis: 'CURATOR',
        ...(type === curated.type ? { [`${prefix}CuratorTypeNote`]: curated.typeNote } : {}),
      },
      citations: g.rows.map((r) => cite(r.section, r.line, rowKey(r.section, r.name), confidence, identityNote)),
    });
    const supports = (curated.type === 'PRODUCT' ? curated.maps ?? [] : []).map((x) => {
      relations.push({
        type: 'SUPPORTS',
        from: id,
        to: x.id,
        level: 'EXAMPLE',
        note: x.note,
        citations: g.rows.map((r) => cite(r.section, r.line, rowKey(r.section, r.name), 'INFERRED', 'The curator\'s per-tool mapping, from the catalogue\'s description of this row (tool-curation.json)')),
      });
      return relationId('SUPPORTS', id, x.id);
    });
    for (const r of g.rows) {
      const category = sectionIdOf.get(r.section)!;
      relations.push({ type: 'IN_CATEGORY', from: id, to: category, citations: [cite(r.section, r.line, rowKey(r.section, r.name), confidence, identityNote)] });
      ledger[rowKey(r.section, r.name)] = { carriedBy: [id, relationId('IN_CATEGORY', id, category), ...supports] };
    }
  }
  entities.sort((a, b) => cmp(a.id, b.id));
  relations.sort((a, b) => cmp(relationId(a.type, a.from, a.to), relationId(b.type, b.from, b.to)));

  const registry: IdRegistryFile = {
    about: 'Every id the catalogue import has given, by link (GitHub owner/name lowercased, else the URL) and name. Ids of removed tools stay here, marked removedAt, so they are never given again. Written by npm run catalogue:import; do not edit by hand.',
    tools: assignment.registry,
    sections: sortKeys(sectionIds),
  };
  typeDisagreements.sort((a, b) => cmp(a.id, b.id));
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const out: Record<string, string> = {
    'sources.json': json({ sources: [sourceRecord(c, sourceId, groups.length, `${ledgerPrefix}catalogue`)] }),
    'catalogue.entities.json': json({ source: sourceId, entities }),
    'catalogue.relations.json': json({ source: sourceId, relations }),
    'catalogue.ledger.json': json({ source: sourceId, items: sortKeys(ledger) }),
    [REGISTRY_FILE]: json(registry),
    'MERGES.md': mergesMarkdown(c, short, assignment, groups, input.matches, typeDisagreements),
  };
  return {
    problems: [],
    output: {
      folder: target.folder,
      files: out,
      assignment,
      typeDisagreements,
      counts: { tools: groups.length, rows: c.tools.length, sections: c.sections.length, mapped, unmapped: c.sections.length - mapped, covers, ...curationCheck.counts },
    },
  };
}

export { linkKey };
