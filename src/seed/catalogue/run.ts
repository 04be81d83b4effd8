// The file side of `npm run catalogue:import`: reads the catalogue, the curator's tables, the id
// registry and the reviews' entities; runs the pure import (build.ts); writes seed/<catalogue>/ only
// when nothing was refused, and only the files whose bytes change.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityKind } from '../../domain/ontology.js';
import type { SeedProblem } from '../errors.js';
import { SOURCE_FOLDERS } from '../files.js';
import { EntitiesFile, SourcesFile } from '../schema.js';
import { buildCatalogueImport, CATALOGUES, MAPPINGS_FILE, MATCHES_FILE, REGISTRY_FILE, type ImportOutput } from './build.js';
import type { ReviewTool } from './ids.js';
import { CatalogueFile, IdRegistryFile, parseJson, ReviewMatchesFile, SectionMappingsFile } from './input.js';

export interface RunResult {
  readonly problems: SeedProblem[];
  readonly output?: ImportOutput;
  /** Files written (relative to root); empty when the folder already held these bytes. */
  readonly written: string[];
}

const rel = (root: string, p: string) => path.relative(root, p) || p;

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

export async function runCatalogueImport(catalogueFile: string, seedDir: string, root = process.cwd()): Promise<RunResult> {
  const problems: SeedProblem[] = [];
  const catText = await readText(catalogueFile);
  if (catText === undefined) return { problems: [{ file: rel(root, catalogueFile), path: '', message: 'cannot be read' }], written: [] };
  const cat = parseJson(rel(root, catalogueFile), catText, CatalogueFile);
  if (!cat.data) return { problems: cat.problems, written: [] };
  const target = CATALOGUES[cat.data.repository];
  const folder = path.join(seedDir, target?.folder ?? '.unknown-catalogue');

  const optional = async <T>(name: string, schema: Parameters<typeof parseJson>[2], empty: T): Promise<T | undefined> => {
    const file = path.join(folder, name);
    const text = await readText(file);
    if (text === undefined) return empty;
    const r = parseJson(rel(root, file), text, schema);
    problems.push(...r.problems);
    return r.data as T | undefined;
  };
  const mappings = await optional(MAPPINGS_FILE, SectionMappingsFile, undefined as SectionMappingsFile | undefined);
  if (target && mappings === undefined && !problems.some((p) => p.file.endsWith(MAPPINGS_FILE))) {
    problems.push({ file: rel(root, path.join(folder, MAPPINGS_FILE)), path: '', message: 'is missing: the curator\'s table of section -> practices and components is needed' });
  }
  const matches = await optional<ReviewMatchesFile>(MATCHES_FILE, ReviewMatchesFile, { match: [], noMatch: [] });
  const registry = await optional<IdRegistryFile>(REGISTRY_FILE, IdRegistryFile, { tools: {}, sections: {} });

  // The reviews' entities: every other folder's entities and the top sources.json.
  const reviewKinds = new Map<string, EntityKind>();
  const reviewTools: ReviewTool[] = [];
  const sources = parseJson(rel(root, path.join(seedDir, 'sources.json')), (await readText(path.join(seedDir, 'sources.json'))) ?? '', SourcesFile);
  problems.push(...sources.problems);
  for (const s of sources.data?.sources ?? []) reviewKinds.set(s.id, 'SOURCE');
  for (const f of SOURCE_FOLDERS.filter((x) => x !== target?.folder)) {
    const dir = path.join(seedDir, f);
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
      if (!name.endsWith('.entities.json')) continue;
      const r = parseJson(rel(root, path.join(dir, name)), (await readText(path.join(dir, name))) ?? '', EntitiesFile);
      problems.push(...r.problems);
      for (const e of r.data?.entities ?? []) {
        reviewKinds.set(e.id, e.kind);
        if (e.kind === 'TOOL' && !reviewTools.some((t) => t.id === e.id)) reviewTools.push({ id: e.id, name: e.name, aliases: e.aliases, toolType: e.toolType ?? 'PRODUCT' });
      }
    }
  }
  if (problems.length > 0 || !mappings || !matches || !registry) return { problems, written: [] };

  const built = buildCatalogueImport({
    files: { catalogue: rel(root, catalogueFile), mappings: rel(root, path.join(folder, MAPPINGS_FILE)), matches: rel(root, path.join(folder, MATCHES_FILE)) },
    catalogue: cat.data,
    mappings,
    matches,
    registry,
    reviewKinds,
    reviewTools,
  });
  if (!built.output) return { problems: built.problems, written: [] };

  const written: string[] = [];
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(built.output.files)) {
    const file = path.join(folder, name);
    if ((await readText(file)) === text) continue;
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
    written.push(rel(root, file));
  }
  return { problems: [], output: built.output, written };
}

/** The lines the import prints: counts, merges, and what changed since the registry's version. */
export function reportLines(r: RunResult): string[] {
  const o = r.output!;
  const a = o.assignment;
  return [
    `catalogue imported into seed/${o.folder}/: ${o.counts.tools} tools (${o.counts.rows} rows), ${o.counts.sections} sections (${o.counts.mapped} mapped to practices or components by ${o.counts.covers} COVERS, ${o.counts.unmapped} unmapped)`,
    `merged with a review's tool (${a.merges.length}):`,
    ...a.merges.map((m) => `  ${m.id}: "${m.catalogueName}" = "${m.reviewName}" (${m.how.startsWith('the curator') ? 'the curator' : m.how})`),
    ...(a.ambiguous.length > 0 ? ['not merged (ambiguous):', ...a.ambiguous.map((x) => `  ${x}`)] : []),
    `added (${a.added.length}):`,
    ...a.added.map((x) => `  + ${x.id} "${x.name}"`),
    `removed (${a.removed.length}; their ids stay reserved in ids.json):`,
    ...a.removed.map((x) => `  - ${x.id} "${x.name}" (${x.link})`),
    `renamed (${a.renamed.length}):`,
    ...a.renamed.map((x) => `  ~ ${x.id} "${x.from}" -> "${x.to}" (${x.link})`),
    r.written.length > 0 ? `wrote ${r.written.join(', ')}` : 'nothing to write: the folder already holds this import',
  ];
}
