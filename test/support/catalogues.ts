// Where the tool catalogues are (../shared/catalogues beside the repository, or CATALOGUE_DIR). Tests
// that read them skip with a note when the folder is absent, except under CI=true, where they fail.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths.js';

export const CATALOGUE_DIR = path.resolve(PROJECT_ROOT, process.env.CATALOGUE_DIR ?? path.join('..', 'shared', 'catalogues'));
export const APML_FILE = path.join(CATALOGUE_DIR, 'awesome-production-machine-learning.json');
const IN_CI = process.env.CI === 'true';

/** Whether the catalogue file is there; notes the skip once per test file, and fails under CI. */
export function hasCatalogue(testFile: string): boolean {
  if (existsSync(APML_FILE)) return true;
  if (IN_CI) throw new Error(`[${testFile}] the catalogue ${APML_FILE} is missing; CI needs it (set CATALOGUE_DIR)`);
  console.warn(`[${testFile}] skipping the catalogue tests: ${APML_FILE} is absent (set CATALOGUE_DIR to the folder of the catalogues)`);
  return false;
}

export const LLMOPS_FILE = path.join(CATALOGUE_DIR, 'awesome-llmops.json');
/** Small catalogues and curator tables of our own (both catalogues' shapes), for the tests of the import. */
export const FIXTURE_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'catalogues');

type Row = { name: string; url: string; githubRepo?: string | null };

/**
 * A curation of every row of a catalogue, for tests that import the real catalogue before the curators'
 * file is complete: the committed entries where there are some, else PRODUCT with no maps.
 */
export function completeCuration(rows: readonly Row[], committed: { tools: Record<string, unknown> } | undefined): { about: string; tools: Record<string, unknown> } {
  const tools: Record<string, unknown> = {};
  for (const r of rows) {
    const key = r.githubRepo ? r.githubRepo.toLowerCase() : r.url;
    tools[key] ??= committed?.tools[key] ?? { name: r.name, type: 'PRODUCT', typeNote: 'A stand-in typing for a test, not a curator judgement.' };
  }
  return { about: 'test stand-in', tools };
}

/**
 * A seed whose catalogue folders hold the fixtures instead of the real catalogues lacks the tools only
 * the real ones list (Great Expectations): the curator's search aliases of those (seed/search-aliases.json)
 * have nothing to attach to there, so they are dropped from that copy, and only from it.
 */
export async function dropAliasesOfAbsentTools(seedDir: string): Promise<void> {
  const { readFile, readdir, writeFile } = await import('node:fs/promises');
  const ids = new Set<string>();
  for (const entry of await readdir(seedDir, { recursive: true })) {
    if (!entry.endsWith('.entities.json') && !entry.endsWith('sources.json')) continue;
    const text = await readFile(path.join(seedDir, entry), 'utf8');
    for (const m of text.matchAll(/"id": "([^"]+)"/g)) ids.add(m[1]!);
  }
  const file = path.join(seedDir, 'search-aliases.json');
  const aliases = JSON.parse(await readFile(file, 'utf8')) as { aliases: { id: string }[] };
  aliases.aliases = aliases.aliases.filter((a) => ids.has(a.id));
  await writeFile(file, `${JSON.stringify(aliases, null, 2)}\n`);
}
