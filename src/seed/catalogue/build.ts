// The pure part of `npm run catalogue:import`: from a validated catalogue, the curator's tables, the
// id registry and the reviews' entities, the seed files of seed/<catalogue>/ as text (sorted, so the
// same input gives the same bytes) and what changed; or the problems, and nothing to write.
import type { EntityKind } from '../../domain/ontology.js';
import { relationId } from '../../domain/ontology.js';
import type { SeedProblem } from '../errors.js';
import type { Citation, EntityRecord, RelationRecord, SourceRecord } from '../schema.js';
import { assignIds, cmp, groupRows, slugOf, sortKeys, type Assignment, type ReviewTool } from './ids.js';
import type { CatalogueFile, IdRegistryFile, ReviewMatchesFile, SectionMappingsFile } from './input.js';
import { checkCatalogue } from './input.js';

/** The catalogues the import knows: the source id and the seed folder of each (by repository). */
export const CATALOGUES: Readonly<Record<string, { sourceId: string; folder: string }>> = {
  'https://github.com/EthicalML/awesome-production-machine-learning': { sourceId: 'source:awesome-production-ml', folder: 'awesome-production-ml' },
};

export const MAPPINGS_FILE = 'section-mappings.json';
export const MATCHES_FILE = 'review-matches.json';
export const REGISTRY_FILE = 'ids.json';

export interface ImportInput {
  /** Paths as they should appear in messages. */
  readonly files: { readonly catalogue: string; readonly mappings: string; readonly matches: string };
  readonly catalogue: CatalogueFile;
  readonly mappings: SectionMappingsFile;
  readonly matches: ReviewMatchesFile;
  readonly registry: IdRegistryFile;
  /** Every entity of the other seed folders: id -> kind, and their tools. */
  readonly reviewKinds: ReadonlyMap<string, EntityKind>;
  readonly reviewTools: readonly ReviewTool[];
}

export interface ImportOutput {
  readonly folder: string;
  /** File name in the folder -> its text. */
  readonly files: Record<string, string>;
  readonly assignment: Assignment;
  readonly counts: { tools: number; rows: number; sections: number; mapped: number; unmapped: number; covers: number };
}

export function buildCatalogueImport(input: ImportInput): { output?: ImportOutput; problems: SeedProblem[] } {
  const { catalogue: c, files } = input;
  const problems = checkCatalogue(files.catalogue, c);
  const target = CATALOGUES[c.repository];
  if (!target) problems.push({ file: files.catalogue, path: 'repository', message: `no seed folder is configured for this catalogue (${Object.keys(CATALOGUES).join(', ')})`, value: c.repository });
  const sectionNames = new Set(c.sections.map((s) => s.name));
  for (const [name, m] of Object.entries(input.mappings.sections)) {
    const at = `sections[${JSON.stringify(name)}]`;
    if (!sectionNames.has(name)) problems.push({ file: files.mappings, path: at, message: 'is not a section of the catalogue', value: name });
    if ('covers' in m) {
      m.covers.forEach((x, i) => {
        const kind = input.reviewKinds.get(x.id);
        if (kind !== 'PRACTICE' && kind !== 'COMPONENT') {
          problems.push({ file: files.mappings, path: `${at}.covers[${i}].id`, message: kind ? `is a ${kind}; COVERS ends at a PRACTICE or COMPONENT` : 'names no practice or component of the seed', value: x.id });
        }
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
  if (problems.length > 0 || !target) return { problems };

  const short = c.commit.slice(0, 7);
  const sourceId = target.sourceId;
  const locator = (section: string, line: number) => `${c.file} §${section} l.${line} @${short}`;
  const cite = (section: string, line: number, digestId: string, confidence: Citation['confidence']): Citation => ({
    source: sourceId,
    locator: locator(section, line),
    digestId,
    confidence,
  });

  // Sections: one CATEGORY each, ids kept by name in the registry.
  const sectionIds: IdRegistryFile['sections'] = {};
  const sectionIdOf = new Map<string, string>();
  const byName = new Map(Object.entries(input.registry.sections).map(([id, e]) => [e.name, id]));
  for (const s of c.sections) {
    let id = byName.get(s.name) ?? `category:apml-${slugOf(s.name)}`;
    for (let i = 2; !byName.has(s.name) && (input.reviewKinds.has(id) || id in input.registry.sections || id in sectionIds); i++) id = `category:apml-${slugOf(s.name)}-${i}`;
    sectionIds[id] = { name: s.name };
    sectionIdOf.set(s.name, id);
  }
  for (const [id, e] of Object.entries(input.registry.sections)) {
    if (!(id in sectionIds)) sectionIds[id] = { name: e.name, removedAt: e.removedAt ?? short };
  }

  const groups = groupRows(c.tools);
  const takenIds = new Set([...input.reviewKinds.keys(), ...Object.keys(sectionIds)]);
  const assignment = assignIds(groups, input.reviewTools, takenIds, input.matches, input.registry.tools, short);
  const reviewById = new Map(input.reviewTools.map((t) => [t.id, t]));

  const entities: EntityRecord[] = [];
  const relations: RelationRecord[] = [];
  const ledger: Record<string, { carriedBy: string[] }> = { catalogue: { carriedBy: [sourceId] } };
  const sectionKey = (name: string) => `§${name}`;
  let mapped = 0;
  let covers = 0;
  for (const s of c.sections) {
    const id = sectionIdOf.get(s.name)!;
    entities.push({ id, kind: 'CATEGORY', name: s.name, aliases: [], attributes: { apmlLine: s.line, apmlToolCount: s.tools }, citations: [cite(s.name, s.line, sectionKey(s.name), 'STATED')] });
    const carried = [id];
    const m = input.mappings.sections[s.name]!;
    if ('covers' in m) {
      mapped++;
      for (const x of m.covers) {
        relations.push({ type: 'COVERS', from: id, to: x.id, note: x.note, citations: [cite(s.name, s.line, sectionKey(s.name), 'INFERRED')] });
        carried.push(relationId('COVERS', id, x.id));
        covers++;
      }
    }
    ledger[sectionKey(s.name)] = { carriedBy: carried };
  }
  for (const g of groups) {
    const id = assignment.idOf.get(g)!;
    const first = g.rows[0]!;
    const spellings = [...new Set(g.rows.map((r) => r.name))].filter((n) => n !== g.name);
    entities.push({
      id,
      kind: 'TOOL',
      name: g.name,
      // A review's tool keeps the review's type (the curator's classification is one per entity).
      toolType: (reviewById.get(id)?.toolType as EntityRecord['toolType']) ?? 'PRODUCT',
      aliases: spellings,
      attributes: { apmlUrl: first.url, ...(first.githubRepo ? { apmlGithubRepo: first.githubRepo } : {}) },
      citations: g.rows.map((r) => cite(r.section, r.line, `${r.section}/${r.name}`, 'STATED')),
    });
    for (const r of g.rows) {
      const category = sectionIdOf.get(r.section)!;
      relations.push({ type: 'IN_CATEGORY', from: id, to: category, citations: [cite(r.section, r.line, `${r.section}/${r.name}`, 'STATED')] });
      ledger[`${r.section}/${r.name}`] = { carriedBy: [id, relationId('IN_CATEGORY', id, category)] };
    }
  }
  entities.sort((a, b) => cmp(a.id, b.id));
  relations.sort((a, b) => cmp(relationId(a.type, a.from, a.to), relationId(b.type, b.from, b.to)));

  const owner = c.repository.replace('https://github.com/', '');
  const source: SourceRecord = {
    id: sourceId,
    kind: 'SOURCE',
    name: c.catalogue,
    summary:
      `A public catalogue of tools, read at commit ${short} (${c.commitDate}): ${groups.length} tools in ${c.tools.length} rows under ${c.sections.length} sections of its ${c.file}. ` +
      'It states that a tool exists, its link and the section it is listed under; the graph carries those facts and none of its descriptions.',
    aliases: [owner],
    attributes: {
      sourceType: 'CATALOGUE',
      year: Number(c.commitDate.slice(0, 4)),
      venue: `GitHub repository ${owner}`,
      repository: c.repository,
      file: c.file,
      commit: c.commit,
      commitDate: c.commitDate,
      licence: c.license,
      citeAs: c.citation,
      coverage: `every tool row of ${c.file} at commit ${short}: name, link, section and line; the descriptions are not carried`,
    },
    citations: [{ source: sourceId, locator: `${c.file} @${short}`, digestId: 'catalogue', confidence: 'STATED' }],
  };
  const registry: IdRegistryFile = {
    about: 'Every id the catalogue import has given, by link (GitHub owner/name lowercased, else the URL) and name. Ids of removed tools stay here, marked removedAt, so they are never given again. Written by npm run catalogue:import; do not edit by hand.',
    tools: assignment.registry,
    sections: sortKeys(sectionIds),
  };
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const out: Record<string, string> = {
    'sources.json': json({ sources: [source] }),
    'catalogue.entities.json': json({ source: sourceId, entities }),
    'catalogue.relations.json': json({ source: sourceId, relations }),
    'catalogue.ledger.json': json({ source: sourceId, items: sortKeys(ledger) }),
    [REGISTRY_FILE]: json(registry),
    'MERGES.md': mergesMarkdown(c, short, assignment, groups, input.matches),
  };
  return {
    problems: [],
    output: {
      folder: target.folder,
      files: out,
      assignment,
      counts: { tools: groups.length, rows: c.tools.length, sections: c.sections.length, mapped, unmapped: c.sections.length - mapped, covers },
    },
  };
}

function mergesMarkdown(c: CatalogueFile, short: string, a: Assignment, groups: readonly { link: string; name: string }[], matches: ReviewMatchesFile): string {
  const tools = groups.length;
  const namesOfLink = new Map<string, string[]>();
  for (const g of groups) namesOfLink.set(g.link, [...(namesOfLink.get(g.link) ?? []), g.name]);
  const shared = [...namesOfLink.entries()].filter(([, names]) => names.length > 1);
  const lines = [
    '# Catalogue tools merged with the reviews\' tools',
    '',
    `Written by \`npm run catalogue:import\` from ${c.catalogue} at commit ${short} (${c.commitDate}); do not edit by hand.`,
    `Of its ${tools} tools, ${a.merges.length} are tools a review already names: one entity each, citing both sources, with the`,
    'review\'s id, name and toolType (the catalogue\'s name becomes an alias). A merge is found, in this order, by the',
    'curator\'s table `review-matches.json`, by the id registry `ids.json` (an earlier import), or by a name that agrees',
    '(letters and digits, case ignored) with exactly one review tool\'s name or alias, and only when no other catalogue link',
    'agrees with that tool.',
    '',
    '| id | review name | catalogue name | link | matched by |',
    '|---|---|---|---|---|',
    ...a.merges.map((m) => `| \`${m.id}\` | ${m.reviewName} | ${m.catalogueName} | ${m.link} | ${m.how.replace(/\|/g, '/')} |`),
    '',
    '## Not merged',
    '',
    ...matches.noMatch.map((x) => `- ${x.link} is not \`${x.id}\` (the curator, \`${'review-matches.json'}\`): ${x.note}`),
    ...a.ambiguous.map((x) => `- ${x}`),
    ...(matches.noMatch.length + a.ambiguous.length === 0 ? ['- none'] : []),
    '',
    '## One link, several names',
    '',
    'Rows that give the same link under different names stay separate tools (the catalogue states a name and a link for each;',
    'it does not say they are one tool). A curator may merge them with a decision of their own.',
    '',
    ...(shared.length > 0 ? shared.map(([link, names]) => `- ${link}: ${names.join(', ')}`) : ['- none']),
    '',
  ];
  return `${lines.join('\n')}`;
}
