// Finds and parses the seed files: which files exist, in which order they load, and what each holds.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { EntitiesFile, LedgerFile, RelationsFile, SearchAliasesFile, SourcesFile } from './schema.js';
import { CURATION_FILE, ToolCurationFile } from './catalogue/curation.js';
import { jsonPath, valueAt, type SeedProblem } from './errors.js';

/**
 * Source folders in load order: the first file to declare an entity gives its name and summary. The
 * reviews come first, then the studies, then the tool catalogues' folders (written by `npm run
 * catalogue:import`), so an entity a paper and a catalogue share keeps the paper's name.
 */
export const SOURCE_FOLDERS = [
  'eken2024',
  'kreuzberger2022',
  'bayram2024',
  'shankar2022',
  'amershi2019',
  'sculley2015',
  'awesome-production-ml',
  'awesome-llmops',
] as const;

export interface SeedFiles {
  /** seed/sources.json first, then each source folder's own sources.json (a catalogue's), in folder order. */
  readonly sources: readonly Parsed<typeof SourcesFile>[];
  readonly entities: readonly Parsed<typeof EntitiesFile>[];
  readonly relations: readonly Parsed<typeof RelationsFile>[];
  readonly ledgers: readonly Parsed<typeof LedgerFile>[];
  /** Each catalogue folder's tool-curation.json, where there is one (the curator's input to the import). */
  readonly curations: readonly (Parsed<typeof ToolCurationFile> & { readonly folder: string })[];
  /** seed/search-aliases.json: the curator's search aliases of entities the seed holds (absent: none). */
  readonly searchAliases?: Parsed<typeof SearchAliasesFile>;
}

/** The curator's names people type, for entities of any folder (seed/README.md §7). */
export const SEARCH_ALIASES_FILE = 'search-aliases.json';

export interface Parsed<S extends z.ZodType> {
  readonly file: string;
  readonly data: z.infer<S>;
}

/** A seed file larger than this is refused unread: the whole seed is a few MB. */
export const MAX_SEED_FILE_BYTES = 32 * 1024 * 1024;

export interface ReadResult {
  readonly files?: SeedFiles;
  readonly problems: SeedProblem[];
}

/** Lists the seed files of `seedDir` in load order, as paths relative to `root`. */
export async function listSeedFiles(seedDir: string): Promise<{ sources: string[]; data: string[] }> {
  const data: string[] = [];
  const sources = [path.join(seedDir, 'sources.json')];
  for (const folder of SOURCE_FOLDERS) {
    const dir = path.join(seedDir, folder);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (/\.(entities|relations|ledger)\.json$/.test(name)) data.push(path.join(dir, name));
      else if (name === 'sources.json') sources.push(path.join(dir, name));
    }
  }
  const top = await readdir(seedDir);
  for (const name of top.sort()) {
    if (/\.(entities|relations|ledger)\.json$/.test(name)) data.push(path.join(seedDir, name));
  }
  return { sources, data };
}

/** Reads and validates every seed file; collects all problems instead of stopping at the first. */
export async function readSeedFiles(seedDir: string, root = process.cwd(), maxFileBytes = MAX_SEED_FILE_BYTES): Promise<ReadResult> {
  const problems: SeedProblem[] = [];
  const { sources: sourcePaths, data } = await listSeedFiles(seedDir);
  const sources: Parsed<typeof SourcesFile>[] = [];
  for (const file of sourcePaths) push(sources, await parseFile(file, SourcesFile, root, problems, maxFileBytes));
  const entities: Parsed<typeof EntitiesFile>[] = [];
  const relations: Parsed<typeof RelationsFile>[] = [];
  const ledgers: Parsed<typeof LedgerFile>[] = [];
  for (const file of data) {
    if (file.endsWith('.entities.json')) push(entities, await parseFile(file, EntitiesFile, root, problems, maxFileBytes));
    else if (file.endsWith('.relations.json')) push(relations, await parseFile(file, RelationsFile, root, problems, maxFileBytes));
    else push(ledgers, await parseFile(file, LedgerFile, root, problems, maxFileBytes));
  }
  const curations: (Parsed<typeof ToolCurationFile> & { folder: string })[] = [];
  for (const folder of SOURCE_FOLDERS) {
    const file = path.join(seedDir, folder, CURATION_FILE);
    if (!(await stat(file).catch(() => undefined))) continue;
    const parsed = await parseFile(file, ToolCurationFile, root, problems, maxFileBytes);
    if (parsed) curations.push({ ...parsed, folder });
  }
  const aliasesFile = path.join(seedDir, SEARCH_ALIASES_FILE);
  const searchAliases = (await stat(aliasesFile).catch(() => undefined)) ? await parseFile(aliasesFile, SearchAliasesFile, root, problems, maxFileBytes) : undefined;
  if (problems.length > 0) return { problems };
  return { files: { sources, entities, relations, ledgers, curations, ...(searchAliases ? { searchAliases } : {}) }, problems };
}

function push<T>(list: T[], item: T | undefined): void {
  if (item) list.push(item);
}

async function parseFile<S extends z.ZodType>(
  absolute: string,
  schema: S,
  root: string,
  problems: SeedProblem[],
  maxFileBytes: number,
): Promise<Parsed<S> | undefined> {
  const file = path.relative(root, absolute) || absolute;
  let bytes: Buffer;
  try {
    const size = (await stat(absolute)).size;
    if (size > maxFileBytes) {
      problems.push({ file, path: '', message: `is ${size} bytes, over the limit of ${maxFileBytes} bytes for one seed file` });
      return undefined;
    }
    bytes = await readFile(absolute);
  } catch (e) {
    problems.push({ file, path: '', message: `cannot be read: ${(e as Error).message}` });
    return undefined;
  }
  let text: string;
  try {
    // fatal: a file that is not valid UTF-8 is refused instead of being read with replacement characters.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push({ file, path: '', message: 'is not valid UTF-8 text' });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    problems.push({ file, path: '', message: `is not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, path: jsonPath(issue.path), message: issue.message, value: valueAt(json, issue.path) });
    }
    return undefined;
  }
  return { file, data: result.data };
}

