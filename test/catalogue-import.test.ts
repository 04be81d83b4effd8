// npm run catalogue:import, without a database: the import is deterministic and idempotent, a newer
// copy reports tools added, removed and renamed without ever giving a removed tool's id to another,
// every refusal names the file, the JSON path and the value and writes nothing, and the committed
// folder is what the import makes of the catalogue. Needs ../shared/catalogues (test/support/catalogues.ts).
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportLines, runCatalogueImport } from '../src/seed/catalogue/run.js';
import { formatProblem } from '../src/seed/errors.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { APML_FILE, hasCatalogue } from './support/catalogues.js';
import { SEED_DIR } from './support/neo4j.js';

const FOLDER = 'awesome-production-ml';
const OUTPUTS = ['sources.json', 'catalogue.entities.json', 'catalogue.relations.json', 'catalogue.ledger.json', 'ids.json', 'MERGES.md'];
type Catalogue = { sections: { name: string; line: number; tools: number }[]; tools: { name: string; url: string; githubRepo?: string | null; section: string; line: number }[] } & Record<string, unknown>;

let real: Catalogue;
let tmp: string;

/** A copy of seed/ in a temp dir; `fresh` drops what the import writes (keeps the curator's tables). */
async function seedCopy(fresh: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-cat-'));
  await cp(SEED_DIR, path.join(dir, 'seed'), { recursive: true });
  if (fresh) for (const f of OUTPUTS) await rm(path.join(dir, 'seed', FOLDER, f), { force: true });
  return path.join(dir, 'seed');
}

async function folderBytes(seedDir: string): Promise<Record<string, string>> {
  const dir = path.join(seedDir, FOLDER);
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = await readFile(path.join(dir, f), 'utf8');
  return out;
}

async function writeCatalogue(c: unknown, name = 'catalogue.json'): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, typeof c === 'string' ? c : JSON.stringify(c, null, 1));
  return file;
}

describe.runIf(hasCatalogue('catalogue-import.test'))('the catalogue import', () => {
  beforeAll(async () => {
    real = JSON.parse(await readFile(APML_FILE, 'utf8')) as Catalogue;
    tmp = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-catfile-'));
  });

  it('gives the committed folder byte for byte, from scratch, and a second run writes nothing', async () => {
    const seed = await seedCopy(true);
    const first = await runCatalogueImport(APML_FILE, seed, tmp);
    expect(first.problems).toEqual([]);
    expect(first.written.length).toBe(OUTPUTS.length);
    const bytes = await folderBytes(seed);
    expect(bytes).toEqual(await folderBytes(SEED_DIR));
    const second = await runCatalogueImport(APML_FILE, seed, tmp);
    expect(second.written).toEqual([]);
    expect(await folderBytes(seed)).toEqual(bytes);
    expect(second.output!.assignment.added).toEqual([]);
  });

  it('reports a newer copy\'s tools added, removed and renamed, and never gives a removed id again', async () => {
    const seed = await seedCopy(false);
    const newer = structuredClone(real);
    const removed = newer.tools.find((t) => t.name === 'AIDE')!;
    newer.tools = newer.tools.filter((t) => t !== removed);
    newer.tools.find((t) => t.name === 'AutoGluon')!.name = 'AutoGluon Tabular';
    newer.tools.push({ name: 'Brand New Tool', url: 'https://github.com/example-org/brand-new-tool', githubRepo: 'example-org/brand-new-tool', section: 'AutoML', line: 103 });
    const r = await runCatalogueImport(await writeCatalogue(newer, 'newer.json'), seed, tmp);
    expect(r.problems).toEqual([]);
    const a = r.output!.assignment;
    expect(a.added).toEqual([{ id: 'tool:brand-new-tool', name: 'Brand New Tool' }]);
    expect(a.removed).toEqual([{ id: 'tool:aide', name: 'AIDE', link: 'wecoai/aideml' }]);
    expect(a.renamed).toEqual([{ id: 'tool:autogluon', from: 'AutoGluon', to: 'AutoGluon Tabular', link: 'autogluon/autogluon' }]);
    const printed = reportLines(r).join('\n');
    expect(printed).toContain('+ tool:brand-new-tool "Brand New Tool"');
    expect(printed).toContain('- tool:aide "AIDE" (wecoai/aideml)');
    expect(printed).toContain('~ tool:autogluon "AutoGluon" -> "AutoGluon Tabular"');
    const registry = JSON.parse(await readFile(path.join(seed, FOLDER, 'ids.json'), 'utf8'));
    expect(registry.tools['tool:aide']).toMatchObject({ name: 'AIDE', removedAt: expect.any(String) });
    const ds = await loadSeedDataset(seed, tmp);
    expect(ds.entities.some((e) => e.id === 'tool:aide')).toBe(false);
    expect(ds.entities.find((e) => e.id === 'tool:autogluon')!.name).toBe('AutoGluon Tabular');

    // Another tool called AIDE, at another link, later: a new id, not the removed tool's.
    const later = structuredClone(newer);
    later.tools.push({ name: 'AIDE', url: 'https://github.com/other-org/aide', githubRepo: 'other-org/aide', section: 'Privacy and Safety', line: 700 });
    later.sections.find((s) => s.name === 'Privacy and Safety')!.tools += 1;
    const r2 = await runCatalogueImport(await writeCatalogue(later, 'later.json'), seed, tmp);
    expect(r2.problems).toEqual([]);
    expect(r2.output!.assignment.added).toEqual([{ id: 'tool:aide-other-org', name: 'AIDE' }]);
    expect(r2.output!.assignment.removed).toEqual([]);
  });

  const refusals: [string, (c: Catalogue) => unknown, RegExp][] = [
    ['invalid JSON', (c) => JSON.stringify(c).slice(0, 500), /catalogue\.json: is not valid JSON/],
    ['a missing field', (c) => ({ ...c, commit: undefined }), /catalogue\.json: commit: .*expected string/],
    ['a wrong field', (c) => (c.tools[3]!.line = 'x' as unknown as number, c), /catalogue\.json: tools\[3\]\.line: .*\(got "x"\)/],
    ['a duplicate name in a section', (c) => (c.tools[1]!.name = c.tools[0]!.name, c), /catalogue\.json: tools\[1\]\.name: duplicates the name of tools\[0\] in section "AutoML" \(got "AIDE"\)/],
    ['an empty section', (c) => (c.sections.push({ name: 'Nothing Here', line: 999, tools: 0 }), c), /catalogue\.json: sections\[24\]: is an empty section .*\(got "Nothing Here"\)/],
    ['a tool whose section is not listed', (c) => (c.tools[5]!.section = 'Nowhere', c), /catalogue\.json: tools\[5\]\.section: is not one of the catalogue's sections \(got "Nowhere"\)/],
  ];
  for (const [what, change, message] of refusals) {
    it(`refuses ${what}, naming file, path and value, and writes nothing`, async () => {
      const seed = await seedCopy(false);
      const before = await folderBytes(seed);
      const r = await runCatalogueImport(await writeCatalogue(change(structuredClone(real))), seed, tmp);
      expect(r.problems.map(formatProblem).join('\n')).toMatch(message);
      expect(r.written).toEqual([]);
      expect(await folderBytes(seed)).toEqual(before);
    });
  }

  it('refuses a mapping table that names a section the catalogue does not have, and writes nothing', async () => {
    const seed = await seedCopy(false);
    const file = path.join(seed, FOLDER, 'section-mappings.json');
    const table = JSON.parse(await readFile(file, 'utf8'));
    table.sections['Quantum Widgets'] = { unmapped: 'A section that does not exist in the catalogue.' };
    await writeFile(file, JSON.stringify(table));
    const before = await folderBytes(seed);
    const r = await runCatalogueImport(APML_FILE, seed, tmp);
    expect(r.problems.map(formatProblem).join('\n')).toMatch(/section-mappings\.json: sections\["Quantum Widgets"\]: is not a section of the catalogue \(got "Quantum Widgets"\)/);
    expect(await folderBytes(seed)).toEqual(before);
  });

  it('carries every catalogue row in the ledger', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const keys = new Set(ds.ledger.map((l) => l.key));
    expect(real.tools.filter((t) => !keys.has(`${t.section}/${t.name}`))).toEqual([]);
    expect(real.sections.filter((s) => !keys.has(`§${s.name}`))).toEqual([]);
  });
});

describe('the catalogue in the seed (committed files; no ../shared needed)', () => {
  it('merges the tools the reviews name into one entity citing both sources', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    expect(new Set(ds.entities.map((e) => e.id)).size).toBe(ds.entities.length);
    for (const id of ['tool:mlflow', 'tool:kubeflow', 'tool:feast', 'tool:hopsworks', 'tool:seldon', 'tool:apache-airflow']) {
      const e = ds.entities.find((x) => x.id === id)!;
      const sources = new Set(e.citations.map((c) => c.source));
      expect(sources.has('source:awesome-production-ml'), id).toBe(true);
      expect([...sources].some((s) => s !== 'source:awesome-production-ml'), id).toBe(true);
      expect(e.attributes.apmlUrl, id).toMatch(/^https:\/\//);
    }
    // The review's name and summary stay; the catalogue's name is an alias.
    const feast = ds.entities.find((x) => x.id === 'tool:feast')!;
    expect(feast.name).toBe('Feast');
    expect(feast.aliases).toContain('FEAST');
    expect(feast.summary).not.toBeNull();
    expect(ds.entities.filter((e) => e.name === 'MLflow' || e.aliases.includes('MLflow')).map((e) => e.id)).toEqual(['tool:mlflow']);
  });

  it('files each tool under its section and maps sections to practices and components with INFERRED COVERS', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const tools = ds.entities.filter((e) => e.kind === 'TOOL' && e.citations.some((c) => c.source === 'source:awesome-production-ml'));
    expect(tools.length).toBeGreaterThan(500);
    const inCategory = new Set(ds.relations.filter((r) => r.type === 'IN_CATEGORY' && r.to.startsWith('category:apml-')).map((r) => r.from));
    expect(tools.filter((t) => !inCategory.has(t.id))).toEqual([]);
    const covers = ds.relations.filter((r) => r.type === 'COVERS');
    expect(covers.length).toBeGreaterThan(10);
    for (const r of covers) {
      expect(r.citations.every((c) => c.confidence === 'INFERRED' && c.source === 'source:awesome-production-ml'), r.id).toBe(true);
      expect(r.note, r.id).toBeTruthy();
    }
    expect(covers.map((r) => r.id)).toContain('category:apml-feature-store-[COVERS]->practice:feature-stores');
  });
});
