// The file side of `npm run catalogue:import`: reads the catalogue, the curator's tables, the id
// registry and the entities of the sources that load before it; runs the pure import (build.ts);
// writes seed/<catalogue>/ only when nothing was refused, and only the files whose bytes change.
// Several catalogues are imported together, in load order, all or nothing: a later one reads what the
// earlier one is about to write, so a tool both list is one entity.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityKind } from '../../domain/ontology.js';
import type { SeedProblem } from '../errors.js';
import { SOURCE_FOLDERS } from '../files.js';
import { EntitiesFile, SourcesFile } from '../schema.js';
import { buildCatalogueImport, CATALOGUES, MAPPINGS_FILE, MATCHES_FILE, REGISTRY_FILE, type ImportOutput } from './build.js';
import { missingCurations } from './check-curation.js';
import { CURATION_FILE, ToolCurationFile, type MissingCuration } from './curation.js';
import { groupRows, type ReviewTool } from './ids.js';
import { CatalogueFile, IdRegistryFile, parseJson, ReviewMatchesFile, SectionMappingsFile } from './input.js';

export interface RunResult {
  readonly problems: SeedProblem[];
  readonly output?: ImportOutput;
  /** Files written (relative to root); empty when the folder already held these bytes. */
  readonly written: string[];
}

interface Prepared {
  readonly problems: SeedProblem[];
  readonly output?: ImportOutput;
  readonly folder?: string;
}

const rel = (root: string, p: string) => path.relative(root, p) || p;

/** Files about to be written in this run (absolute path -> text), read before the disk. */
type Overlay = ReadonlyMap<string, string>;

async function readText(file: string, overlay: Overlay = new Map()): Promise<string | undefined> {
  return overlay.get(file) ?? readFile(file, 'utf8').catch(() => undefined);
}

async function listDir(dir: string, overlay: Overlay): Promise<string[]> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  for (const f of overlay.keys()) if (path.dirname(f) === dir) names.add(path.basename(f));
  return [...names].sort();
}

/** The tools of the sources that load before `folder`, one per id: names, aliases, repositories, type. */
async function earlierTools(seedDir: string, folder: string | undefined, root: string, overlay: Overlay, problems: SeedProblem[]) {
  const kinds = new Map<string, EntityKind>();
  const tools = new Map<string, { id: string; name: string; aliases: string[]; toolType: string; repos: string[] }>();
  const sources = parseJson(rel(root, path.join(seedDir, 'sources.json')), (await readText(path.join(seedDir, 'sources.json'))) ?? '', SourcesFile);
  problems.push(...sources.problems);
  for (const s of sources.data?.sources ?? []) kinds.set(s.id, 'SOURCE');
  const order = SOURCE_FOLDERS as readonly string[];
  const before = folder && order.includes(folder) ? order.slice(0, order.indexOf(folder)) : order;
  for (const f of before) {
    const dir = path.join(seedDir, f);
    for (const name of await listDir(dir, overlay)) {
      if (!name.endsWith('.entities.json')) continue;
      const r = parseJson(rel(root, path.join(dir, name)), (await readText(path.join(dir, name), overlay)) ?? '', EntitiesFile);
      problems.push(...r.problems);
      for (const e of r.data?.entities ?? []) {
        kinds.set(e.id, e.kind);
        if (e.kind !== 'TOOL') continue;
        const t = tools.get(e.id) ?? { id: e.id, name: e.name, aliases: [], toolType: e.toolType ?? 'PRODUCT', repos: [] };
        for (const a of [e.name, ...e.aliases]) if (a !== t.name && !t.aliases.includes(a)) t.aliases.push(a);
        for (const [k, v] of Object.entries(e.attributes)) if (k.endsWith('GithubRepo') && typeof v === 'string') t.repos.push(v.toLowerCase());
        tools.set(e.id, t);
      }
    }
  }
  return { kinds, tools: [...tools.values()] as ReviewTool[] };
}

async function prepare(catalogueFile: string, seedDir: string, root: string, overlay: Overlay): Promise<Prepared> {
  const problems: SeedProblem[] = [];
  const catText = await readText(catalogueFile);
  if (catText === undefined) return { problems: [{ file: rel(root, catalogueFile), path: '', message: 'cannot be read' }] };
  const cat = parseJson(rel(root, catalogueFile), catText, CatalogueFile);
  if (!cat.data) return { problems: cat.problems };
  const target = CATALOGUES[cat.data.repository];
  const folder = path.join(seedDir, target?.folder ?? '.unknown-catalogue');

  const optional = async <T>(name: string, schema: Parameters<typeof parseJson>[2], empty: T, missing?: string): Promise<T | undefined> => {
    const file = path.join(folder, name);
    const text = await readText(file, overlay);
    if (text === undefined) {
      if (missing && target) problems.push({ file: rel(root, file), path: '', message: `is missing: ${missing}` });
      return empty;
    }
    const r = parseJson(rel(root, file), text, schema);
    problems.push(...r.problems);
    return r.data as T | undefined;
  };
  const mappings = await optional(MAPPINGS_FILE, SectionMappingsFile, undefined as SectionMappingsFile | undefined, 'the curator\'s table of section -> practices and components is needed');
  const matches = await optional<ReviewMatchesFile>(MATCHES_FILE, ReviewMatchesFile, { match: [], noMatch: [] });
  const curation = await optional(
    CURATION_FILE,
    ToolCurationFile,
    undefined as ToolCurationFile | undefined,
    'the per-tool curation (each tool\'s type, and a PRODUCT\'s practices and components) is needed; npm run catalogue:import -- --skeleton CATALOGUE prints its entries to fill in',
  );
  const registry = await optional<IdRegistryFile>(REGISTRY_FILE, IdRegistryFile, { tools: {}, sections: {} });
  const earlier = await earlierTools(seedDir, target?.folder, root, overlay, problems);
  if (problems.length > 0 || !mappings || !matches || !registry || !curation) return { problems };

  const built = buildCatalogueImport({
    files: {
      catalogue: rel(root, catalogueFile),
      mappings: rel(root, path.join(folder, MAPPINGS_FILE)),
      matches: rel(root, path.join(folder, MATCHES_FILE)),
      curation: rel(root, path.join(folder, CURATION_FILE)),
    },
    catalogue: cat.data,
    mappings,
    matches,
    curation,
    registry,
    reviewKinds: earlier.kinds,
    reviewTools: earlier.tools,
  });
  return built.output ? { problems: [], output: built.output, folder } : { problems: built.problems };
}

async function writeFolder(folder: string, files: Record<string, string>, root: string): Promise<string[]> {
  const written: string[] = [];
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(folder, name);
    if ((await readText(file)) === text) continue;
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
    written.push(rel(root, file));
  }
  return written;
}

/** Imports one catalogue file into seed/<its folder>/. */
export async function runCatalogueImport(catalogueFile: string, seedDir: string, root = process.cwd()): Promise<RunResult> {
  const [r] = await runCatalogueImports([catalogueFile], seedDir, root);
  return r!;
}

/**
 * Imports several catalogue files in the load order of their folders, all or nothing: a later one
 * matches its tools against what the earlier ones are about to write. One result per file, in that order.
 */
export async function runCatalogueImports(catalogueFiles: readonly string[], seedDir: string, root = process.cwd()): Promise<RunResult[]> {
  const order = Object.values(CATALOGUES).map((c) => c.folder);
  const withFolder = await Promise.all(
    catalogueFiles.map(async (file) => {
      const repo = ((await readText(file)) ?? '').match(/"repository"\s*:\s*"([^"]+)"/)?.[1] ?? '';
      const at = order.indexOf(CATALOGUES[repo]?.folder ?? '');
      return { file, at: at < 0 ? order.length : at };
    }),
  );
  withFolder.sort((a, b) => a.at - b.at);
  const overlay = new Map<string, string>();
  const prepared: Prepared[] = [];
  for (const { file } of withFolder) {
    const p = await prepare(file, seedDir, root, overlay);
    prepared.push(p);
    if (p.output) for (const [name, text] of Object.entries(p.output.files)) overlay.set(path.join(p.folder!, name), text);
  }
  if (prepared.some((p) => p.problems.length > 0)) return prepared.map((p) => ({ problems: p.problems, written: [] }));
  const results: RunResult[] = [];
  for (const p of prepared) results.push({ problems: [], output: p.output, written: await writeFolder(p.folder!, p.output!.files, root) });
  return results;
}

/** The catalogue files of a folder (../shared/catalogues): every *.json but the descriptions. */
export async function catalogueFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith('.json') && !n.endsWith('.descriptions.json')).sort().map((n) => path.join(dir, n));
}

/** The rows of a catalogue that its folder's tool-curation.json does not cover yet (all when it is absent). */
export async function missingCurationOf(catalogueFile: string, seedDir: string, root = process.cwd()): Promise<{ problems: SeedProblem[]; missing: MissingCuration[] }> {
  const cat = parseJson(rel(root, catalogueFile), (await readText(catalogueFile)) ?? '', CatalogueFile);
  if (!cat.data) return { problems: cat.problems, missing: [] };
  const target = CATALOGUES[cat.data.repository];
  if (!target) return { problems: [{ file: rel(root, catalogueFile), path: 'repository', message: 'no seed folder is configured for this catalogue', value: cat.data.repository }], missing: [] };
  const file = path.join(seedDir, target.folder, CURATION_FILE);
  const text = await readText(file);
  const curation = text === undefined ? { data: { tools: {} } as ToolCurationFile, problems: [] } : parseJson(rel(root, file), text, ToolCurationFile);
  if (!curation.data) return { problems: curation.problems, missing: [] };
  return { problems: [], missing: missingCurations(curation.data, groupRows(cat.data.tools)) };
}

/** The lines the import prints: counts, merges, types, and what changed since the registry's version. */
export function reportLines(r: RunResult): string[] {
  const o = r.output!;
  const a = o.assignment;
  const byType = Object.entries(o.counts.byType).map(([t, n]) => `${t} ${n}`).join(', ');
  return [
    `catalogue imported into seed/${o.folder}/: ${o.counts.tools} tools (${o.counts.rows} rows), ${o.counts.sections} sections (${o.counts.mapped} mapped to practices or components by ${o.counts.covers} section-level COVERS, ${o.counts.unmapped} unmapped)`,
    `typed by the curator: ${byType}; ${o.counts.mappedPerTool} products mapped tool by tool (${o.counts.supports} SUPPORTS)`,
    `merged with an earlier source's tool (${a.merges.length}):`,
    ...a.merges.map((m) => `  ${m.id}: "${m.catalogueName}" = "${m.reviewName}" (${m.how.startsWith('the curator') ? 'the curator' : m.how})`),
    ...(a.ambiguous.length > 0 ? ['not merged (ambiguous):', ...a.ambiguous.map((x) => `  ${x}`)] : []),
    ...(o.typeDisagreements.length > 0
      ? [`types kept from the earlier source, where this curation differs (${o.typeDisagreements.length}):`, ...o.typeDisagreements.map((t) => `  ! ${t.id} "${t.name}": kept ${t.kept}, curated ${t.curated}`)]
      : []),
    `added (${a.added.length}):`,
    ...a.added.map((x) => `  + ${x.id} "${x.name}"`),
    `removed (${a.removed.length}; their ids stay reserved in ids.json):`,
    ...a.removed.map((x) => `  - ${x.id} "${x.name}" (${x.link})`),
    `renamed (${a.renamed.length}):`,
    ...a.renamed.map((x) => `  ~ ${x.id} "${x.from}" -> "${x.to}" (${x.link})`),
    r.written.length > 0 ? `wrote ${r.written.join(', ')}` : 'nothing to write: the folder already holds this import',
  ];
}
