// npm run catalogue:import, without a database: the import is deterministic and idempotent, a newer
// copy reports tools added, removed and renamed without ever giving a removed tool's id to another,
// every refusal names the file, the JSON path and the value and writes nothing, and the committed
// folder is what the import makes of the catalogue. Needs ../shared/catalogues (test/support/catalogues.ts).
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingCurationOf, reportLines, runCatalogueImport, runCatalogueImports } from '../src/seed/catalogue/run.js';
import { formatProblem } from '../src/seed/errors.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { APML_FILE, completeCuration, dropAliasesOfAbsentTools, FIXTURE_DIR, hasCatalogue, LLMOPS_FILE } from './support/catalogues.js';
import { SEED_DIR } from './support/neo4j.js';

const FOLDER = 'awesome-production-ml';
const OUTPUTS = ['sources.json', 'catalogue.entities.json', 'catalogue.relations.json', 'catalogue.ledger.json', 'ids.json', 'MERGES.md'];
type Catalogue = { sections: { name: string; line: number; tools: number }[]; tools: { name: string; url: string; githubRepo?: string | null; section: string; line: number }[] } & Record<string, unknown>;

let real: Catalogue;
let tmp: string;

const CURATION = 'tool-curation.json';
/** Whether the curators' per-tool file of this catalogue is committed (until then the import is tested on stand-ins). */
const curated = existsSync(path.join(SEED_DIR, FOLDER, CURATION));

/**
 * Writes a curation covering every row of `c` into the copy: the committed entries, and a stand-in
 * typing for any row they do not cover (so the import's other checks can be tested before the
 * curators' file is complete).
 */
async function curate(seed: string, c: Catalogue): Promise<void> {
  const file = path.join(seed, FOLDER, CURATION);
  const committed = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : undefined;
  const complete = completeCuration(c.tools, committed);
  // The committed file, when it already covers exactly these rows, stays as it is (its bytes are compared).
  if (committed && JSON.stringify(Object.keys(complete.tools).sort()) === JSON.stringify(Object.keys(committed.tools).sort())) return;
  await writeFile(file, JSON.stringify(complete));
}

/** A copy of seed/ in a temp dir; `fresh` drops what the import writes (keeps the curator's tables). */
async function seedCopy(fresh: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-cat-'));
  await cp(SEED_DIR, path.join(dir, 'seed'), { recursive: true });
  if (fresh) for (const f of OUTPUTS) await rm(path.join(dir, 'seed', FOLDER, f), { force: true });
  await curate(path.join(dir, 'seed'), real);
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

  it.runIf(curated)('gives the committed folder byte for byte, from scratch, and a second run writes nothing', async () => {
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

  it.runIf(curated && existsSync(path.join(SEED_DIR, 'awesome-llmops', CURATION)) && existsSync(LLMOPS_FILE))(
    'gives both committed catalogue folders byte for byte, from scratch, in one run',
    async () => {
      const seed = await seedCopy(true);
      for (const f of OUTPUTS) await rm(path.join(seed, 'awesome-llmops', f), { force: true });
      const results = await runCatalogueImports([APML_FILE, LLMOPS_FILE], seed, tmp);
      expect(results.flatMap((r) => r.problems).map(formatProblem)).toEqual([]);
      for (const r of results) console.log(reportLines(r).slice(0, 2).join('\n'));
      expect(await folderBytes(seed)).toEqual(await folderBytes(SEED_DIR));
      const llmops = async (s: string) => Object.fromEntries(await Promise.all((await readdir(path.join(s, 'awesome-llmops'))).sort().map(async (f) => [f, await readFile(path.join(s, 'awesome-llmops', f), 'utf8')])));
      expect(await llmops(seed)).toEqual(await llmops(SEED_DIR));
    },
  );

  it('reports a newer copy\'s tools added, removed and renamed, and never gives a removed id again', async () => {
    const seed = await seedCopy(false);
    const newer = structuredClone(real);
    const removed = newer.tools.find((t) => t.name === 'AIDE')!;
    newer.tools = newer.tools.filter((t) => t !== removed);
    newer.tools.find((t) => t.name === 'AutoGluon')!.name = 'AutoGluon Tabular';
    newer.tools.push({ name: 'Brand New Tool', url: 'https://github.com/example-org/brand-new-tool', githubRepo: 'example-org/brand-new-tool', section: 'AutoML', line: 103 });
    await curate(seed, newer);
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
    await curate(seed, later);
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
      expect(r.citations.every((c) => c.confidence === 'INFERRED' && (c.source === 'source:awesome-production-ml' || c.source === 'source:awesome-llmops')), r.id).toBe(true);
      expect(r.note, r.id).toBeTruthy();
    }
    expect(covers.map((r) => r.id)).toContain('category:apml-feature-store-[COVERS]->practice:feature-stores');
  });
});

describe('two catalogues, typed and mapped tool by tool (fixtures of test/fixtures/catalogues)', () => {
  const LLMOPS = 'awesome-llmops';
  const fixture = (name: string) => path.join(FIXTURE_DIR, name);
  let seed: string;
  let work: string;

  /** A copy of seed/ whose two catalogue folders hold only the fixtures' curator tables. */
  async function fixtureSeed(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-cat2-'));
    await cp(SEED_DIR, path.join(dir, 'seed'), { recursive: true });
    const s = path.join(dir, 'seed');
    for (const f of OUTPUTS) await rm(path.join(s, FOLDER, f), { force: true });
    await rm(path.join(s, LLMOPS), { recursive: true, force: true });
    await cp(fixture('apml.section-mappings.json'), path.join(s, FOLDER, 'section-mappings.json'));
    await cp(fixture('apml.tool-curation.json'), path.join(s, FOLDER, CURATION));
    await mkdir(path.join(s, LLMOPS), { recursive: true });
    await cp(fixture('llmops.section-mappings.json'), path.join(s, LLMOPS, 'section-mappings.json'));
    await cp(fixture('llmops.tool-curation.json'), path.join(s, LLMOPS, CURATION));
    return s;
  }
  const importBoth = (s: string) => runCatalogueImports([fixture('llmops.json'), fixture('apml.json')], s, work);

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-cat2w-'));
    seed = await fixtureSeed();
    const results = await importBoth(seed);
    expect(results.flatMap((r) => r.problems).map(formatProblem)).toEqual([]);
    await dropAliasesOfAbsentTools(seed);
    for (const r of results) console.log(reportLines(r).join('\n'));
  });

  it('imports both in load order (the first catalogue first, whatever the order given), and a second run writes nothing', async () => {
    const again = await importBoth(seed);
    expect(again.map((r) => r.output!.folder)).toEqual([FOLDER, LLMOPS]);
    expect(again.flatMap((r) => r.written)).toEqual([]);
  });

  it('makes one entity per tool across the catalogues and the reviews: same repository (any case), same name, listed twice', async () => {
    const ds = await loadSeedDataset(seed, work);
    const evidently = ds.entities.filter((e) => e.name === 'Evidently');
    expect(evidently.map((e) => e.id)).toEqual(['tool:evidently']);
    expect(new Set(evidently[0]!.citations.map((c) => c.source))).toEqual(new Set(['source:awesome-production-ml', 'source:awesome-llmops']));
    const sections = ds.relations.filter((r) => r.type === 'IN_CATEGORY' && r.from === 'tool:evidently').map((r) => r.to).sort();
    expect(sections).toEqual(['category:apml-evaluation-and-monitoring', 'category:llmops-llmops', 'category:llmops-security-observability']);
    // "W and B" at wandb/wandb is the other catalogue's Weights & Biases: the repository decides, not the name.
    const wb = ds.entities.find((e) => e.id === 'tool:weights-biases')!;
    expect(wb.aliases).toEqual(expect.arrayContaining(['W and B', 'W&B', 'wandb']));
    expect(ds.entities.filter((e) => e.kind === 'TOOL' && e.name === 'W and B')).toEqual([]);
    // MLflow: the papers' entity (two reviews and a study name it), cited by both catalogues too.
    const mlflow = ds.entities.find((e) => e.id === 'tool:mlflow')!;
    expect(new Set(mlflow.citations.map((c) => c.source))).toEqual(
      new Set(['source:eken2024', 'source:kreuzberger2022', 'source:shankar2022', 'source:awesome-production-ml', 'source:awesome-llmops']),
    );
  });

  it('types every tool from the curation, marked as the curator\'s, and keeps an earlier source\'s type, reporting the disagreement', async () => {
    const ds = await loadSeedDataset(seed, work);
    const byName = (n: string) => ds.entities.find((e) => e.kind === 'TOOL' && e.name === n)!;
    expect(byName('Alpaca')).toMatchObject({ toolType: 'MODEL', attributes: { toolTypeBasis: 'CURATOR', llmopsCuratorTypeNote: expect.stringMatching(/trained language model/) } });
    expect(byName('Fixture Bench')).toMatchObject({ toolType: 'BENCHMARK', attributes: { toolTypeBasis: 'CURATOR' } });
    expect(byName('Milvus').toolType).toBe('PRODUCT');
    const mlflow = ds.entities.find((e) => e.id === 'tool:mlflow')!;
    expect(mlflow.toolType).toBe('PRODUCT');
    expect(mlflow.attributes.llmopsCuratorTypeNote).toBeUndefined();
    const again = await importBoth(seed);
    expect(again[1]!.output!.typeDisagreements).toEqual([{ id: 'tool:mlflow', name: 'MLflow', kept: 'PRODUCT', curated: 'FRAMEWORK' }]);
    expect(reportLines(again[1]!).join('\n')).toContain('! tool:mlflow "MLflow": kept PRODUCT, curated FRAMEWORK');
    expect(await readFile(path.join(seed, LLMOPS, 'MERGES.md'), 'utf8')).toContain('`tool:mlflow` (MLflow): kept PRODUCT, this catalogue\'s curation says FRAMEWORK');
    const counts = again[0]!.output!.counts;
    console.log(`fixture, ${FOLDER}: tools by type ${JSON.stringify(counts.byType)}, mapped per tool ${counts.mappedPerTool}, SUPPORTS ${counts.supports}`);
    expect(counts.byType).toEqual({ PRODUCT: 6, BENCHMARK: 1 });
    expect(counts.mappedPerTool).toBe(4);
  });

  it('maps each product tool by tool (SUPPORTS, INFERRED, EXAMPLE, the note, citing the rows), and marks the section road as the fallback', async () => {
    const ds = await loadSeedDataset(seed, work);
    const s = ds.relations.find((r) => r.id === 'tool:evidently-[SUPPORTS]->practice:continuous-model-performance-monitoring')!;
    expect(s).toMatchObject({ level: 'EXAMPLE', note: expect.stringMatching(/drift/) });
    expect(s.citations.every((c) => c.confidence === 'INFERRED')).toBe(true);
    expect(s.citations.map((c) => c.locator).sort()).toEqual(['README.md §Evaluation and Monitoring l.31 @aaaaaaa', 'README.md §LLMOps l.26 @bbbbbbb', 'README.md §Security / Observability l.16 @bbbbbbb']);
    expect(ds.relations.some((r) => r.type === 'SUPPORTS' && r.from === 'tool:milvus')).toBe(false);
    const covers = ds.relations.filter((r) => r.type === 'COVERS');
    expect(covers.length).toBe(4);
    for (const r of covers) expect(r.note, r.id).toMatch(/^Section-level fallback, weaker than a per-tool mapping: /);
    expect(ds.entities.find((e) => e.id === 'category:llmops-search-vector-search')!.aliases).toContain('vector database');
  });

  it('shows an identity resting on an alias or the curator\'s table as INFERRED, with its note (KServe = KServing of Kubeflow)', async () => {
    const ds = await loadSeedDataset(seed, work);
    const kserving = ds.entities.find((e) => e.id === 'tool:kubeflow-kserving')!;
    const fromCatalogue = kserving.citations.filter((c) => c.source === 'source:awesome-production-ml');
    expect(fromCatalogue.length).toBe(1);
    expect(fromCatalogue[0]).toMatchObject({ confidence: 'INFERRED', note: expect.stringMatching(/^Identity inferred: the catalogue lists "KServe"/) });
    const inCategory = ds.relations.find((r) => r.id === 'tool:kubeflow-kserving-[IN_CATEGORY]->category:apml-deployment-and-serving')!;
    expect(inCategory.citations.map((c) => c.confidence)).toEqual(['INFERRED']);
    expect(ds.entities.find((e) => e.id === 'tool:seldon')!.citations.find((c) => c.source === 'source:awesome-production-ml')!.confidence).toBe('INFERRED');
    // A merge on the same name stays STATED.
    expect(ds.entities.find((e) => e.id === 'tool:mlflow')!.citations.filter((c) => c.source.startsWith('source:awesome-')).map((c) => c.confidence)).toEqual(['STATED', 'STATED']);
  });

  it('refuses a catalogue row without a curation entry, naming the row, writes nothing, and --skeleton lists it', async () => {
    const s = await fixtureSeed();
    const file = path.join(s, LLMOPS, CURATION);
    const cur = JSON.parse(await readFile(file, 'utf8'));
    delete cur.tools['milvus-io/milvus'];
    await writeFile(file, JSON.stringify(cur));
    const r = await importBoth(s);
    expect(r.flatMap((x) => x.problems).map(formatProblem).join('\n')).toMatch(
      /awesome-llmops\/tool-curation\.json: tools\["milvus-io\/milvus"\]: is missing: the catalogue row "Milvus" \(§Search \/ Vector search l\.36\) has no curation entry/,
    );
    expect(r.flatMap((x) => x.written)).toEqual([]);
    expect(existsSync(path.join(s, LLMOPS, 'catalogue.entities.json'))).toBe(false);
    const sk = await missingCurationOf(fixture('llmops.json'), s, work);
    expect(sk.missing).toEqual([{ key: 'milvus-io/milvus', name: 'Milvus', rows: [{ section: 'Search / Vector search', line: 36 }] }]);
  });

  const badCurations: [string, (c: { tools: Record<string, { type?: string; maps?: { id: string; note?: string }[] }> }) => void, RegExp][] = [
    ['a type that is not a tool type', (c) => (c.tools['milvus-io/milvus']!.type = 'WIDGET'), /tools\.milvus-io\/milvus\.type: is not a tool type \(one of PRODUCT, .*LINK_LIST\)/],
    ['a map without a note', (c) => delete c.tools['evidentlyai/evidently']!.maps![0]!.note, /tools\.evidentlyai\/evidently\.maps\[0\]\.note: /],
    ['a map id that is no practice or component of the seed', (c) => (c.tools['evidentlyai/evidently']!.maps![0]!.id = 'practice:no-such-practice'), /maps\[0\]\.id: names no practice or component of the seed/],
    ['a map to a challenge', (c) => (c.tools['evidentlyai/evidently']!.maps![0]!.id = 'challenge:observability'), /a map id is a practice: or component: id/],
  ];
  for (const [what, change, message] of badCurations) {
    it(`refuses ${what}, in the import and in seed:check`, async () => {
      const s = await fixtureSeed();
      await importBoth(s);
      const file = path.join(s, LLMOPS, CURATION);
      const cur = JSON.parse(await readFile(file, 'utf8'));
      change(cur);
      await writeFile(file, JSON.stringify(cur));
      const r = await importBoth(s);
      expect(r.flatMap((x) => x.problems).map(formatProblem).join('\n')).toMatch(message);
      await expect(loadSeedDataset(s, work)).rejects.toThrow(message);
    });
  }

  it('seed:check refuses a catalogue tool the curation does not type, or a folder imported without its curation', async () => {
    const s = await fixtureSeed();
    await importBoth(s);
    const file = path.join(s, LLMOPS, CURATION);
    const cur = JSON.parse(await readFile(file, 'utf8'));
    delete cur.tools['tatsu-lab/stanford_alpaca'];
    await writeFile(file, JSON.stringify(cur));
    await expect(loadSeedDataset(s, work)).rejects.toThrow(/catalogue\.entities\.json: entities\[\d+\]: is a catalogue tool the curator has not typed: .*tatsu-lab\/stanford_alpaca/);
    // The committed folder of the other catalogue, imported before its curation existed, is refused once one does.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-cat3-'));
    await cp(SEED_DIR, path.join(dir, 'seed'), { recursive: true });
    const old = path.join(dir, 'seed');
    const bytes = JSON.parse(await readFile(path.join(old, FOLDER, 'catalogue.entities.json'), 'utf8')) as { entities: { kind: string; name: string; attributes: Record<string, string> }[] };
    for (const e of bytes.entities) delete e.attributes.toolTypeBasis;
    const rows = bytes.entities.filter((e) => e.kind === 'TOOL').map((e) => ({ name: e.name, url: e.attributes.apmlUrl!, githubRepo: e.attributes.apmlGithubRepo }));
    if (!curated) await writeFile(path.join(old, FOLDER, CURATION), JSON.stringify(completeCuration(rows, undefined)));
    await writeFile(path.join(old, FOLDER, 'catalogue.entities.json'), JSON.stringify(bytes));
    await expect(loadSeedDataset(old, work)).rejects.toThrow(/was imported without its curation: run npm run catalogue:import/);
  });
});
