// The seed's schemas and the whole-dataset check, without a database: the real seed passes, and
// each kind of broken file is refused with a message that names the file and the JSON path.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedDataset, SeedValidationError, formatProblem } from '../src/seed/index.js';
import { SEED_DIR } from './support/neo4j.js';
import { CITE, minimalFiles, writeSeedDir } from './support/seed-fixtures.js';

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadSeedDataset(dir, dir);
  } catch (e) {
    if (e instanceof SeedValidationError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('the real seed', () => {
  it('passes the check, with every entity and relation cited', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    expect(ds.entities.length).toBeGreaterThan(300);
    expect(ds.relations.length).toBeGreaterThan(500);
    for (const item of [...ds.entities, ...ds.relations]) expect(item.citations.length).toBeGreaterThan(0);
    expect(new Set(ds.entities.map((e) => e.id)).size).toBe(ds.entities.length);
    expect(ds.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds the three reviews, the three studies and the two tool catalogues, and cites each of them', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const sources = ds.entities.filter((e) => e.kind === 'SOURCE').map((e) => e.id).sort();
    expect(sources).toEqual([
      'source:amershi2019',
      'source:awesome-llmops',
      'source:awesome-production-ml',
      'source:bayram2024',
      'source:eken2024',
      'source:kreuzberger2022',
      'source:sculley2015',
      'source:shankar2022',
    ]);
    for (const s of sources) {
      expect(ds.entities.some((e) => e.kind !== 'SOURCE' && e.citations.some((c) => c.source === s))).toBe(true);
    }
  });

  it('merges an entity two sources describe into one that cites both', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const shared = ds.entities.filter((e) => new Set(e.citations.map((c) => c.source)).size > 1);
    expect(shared.length).toBeGreaterThan(0);
  });
});

describe('huge seed files', () => {
  it('are refused unread, naming the file and the limit', async () => {
    const files = minimalFiles();
    const big = JSON.stringify({ ...(files.entities as object), padding: 'x'.repeat(300_000) });
    const dir = await writeSeedDir(files, { entities: big });
    let problems: string[] = [];
    try {
      await loadSeedDataset(dir, dir, 200_000);
    } catch (e) {
      problems = (e as SeedValidationError).problems.map(formatProblem);
    }
    expect(problems.join('\n')).toMatch(/test\.entities\.json: is \d+ bytes, over the limit of 200000 bytes/);
  });
});

describe('broken seed files are refused, naming file and path', () => {
  const cases: [string, (f: ReturnType<typeof minimalFiles>) => void, Partial<Record<'entities' | 'relations' | 'ledger', string | Buffer>>, RegExp][] = [
    ['invalid JSON', () => {}, { entities: '{"source": "source:eken2024", "entities": [' }, /eken2024\/test\.entities\.json: is not valid JSON/],
    ['truncated file', () => {}, { relations: JSON.stringify(minimalFiles().relations).slice(0, 80) }, /test\.relations\.json: is not valid JSON/],
    ['wrong encoding', () => {}, { entities: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, /test\.entities\.json: is not valid UTF-8/],
    ['UTF-16 file', () => {}, { relations: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(minimalFiles().relations), 'utf16le')]) }, /test\.relations\.json: is not valid UTF-8/],
    ['empty file', () => {}, { ledger: '' }, /test\.ledger\.json: is not valid JSON/],
    ['wrong type', (f) => ((f.entities as any).entities[0].name = 42), {}, /test\.entities\.json: entities\[0\]\.name: .*\(got 42\)/],
    ['unknown kind', (f) => ((f.entities as any).entities[0].kind = 'WIDGET'), {}, /entities\[0\]\.kind/],
    ['dangling reference', (f) => ((f.relations as any).relations[0].to = 'challenge:nowhere'), {}, /test\.relations\.json: relations\[0\]\.to: names no entity of the seed \(got "challenge:nowhere"\)/],
    ['duplicate id', (f) => (f.entities as any).entities.push({ ...(f.entities as any).entities[0] }), {}, /entities\[3\]\.id: duplicate id in this file/],
    ['missing citation', (f) => ((f.entities as any).entities[1].citations = []), {}, /entities\[1\]\.citations: every entity needs at least one citation/],
    ['citation of an unknown source', (f) => ((f.relations as any).relations[0].citations = [{ ...CITE, source: 'source:nobody2020' }]), {}, /relations\[0\]\.citations\[0\]\.source: names no source/],
    ['unknown relation type', (f) => ((f.relations as any).relations[0].type = 'LOVES'), {}, /relations\[0\]\.type/],
    ['relation between kinds that may not be linked', (f) => ((f.relations as any).relations[1].to = 'challenge:test-observability'), {}, /relations\[1\]\.to: SUPPORTS may not end at a CHALLENGE/],
    ['level the type does not have', (f) => ((f.relations as any).relations[0].level = 'FULL'), {}, /relations\[0\]\.level: ADDRESSES has no levels/],
    ['id prefix that contradicts the kind', (f) => ((f.entities as any).entities[2].id = 'practice:test-tool'), {}, /entities\[2\]\.id: the id's prefix does not match kind TOOL/],
    ['ledger naming a missing id', (f) => ((f.ledger as any).items['test.row'].carriedBy = ['practice:ghost']), {}, /test\.ledger\.json: items\["test\.row"\]\.carriedBy\[0\]: names no entity or relation/],
    ['unknown field', (f) => ((f.entities as any).entities[0].colour = 'red'), {}, /entities\[0\]: Unrecognized key/],
    ['RELATED_TO without a note', (f) => ((f.relations as any).relations[0].type = 'RELATED_TO'), {}, /test\.relations\.json: relations\[0\]\.note: a RELATED_TO needs a note .*\(got "practice:test-monitoring-\[RELATED_TO\]->challenge:test-observability"\)/],
    ['RELATED_TO over 3 % of the relations', (f) => Object.assign((f.relations as any).relations[0], { type: 'RELATED_TO', note: 'Linked somehow.' }), {}, /test\.relations\.json: relations\[0\]: RELATED_TO is 50\.0 % of the relations \(1 of 2\), over the limit of 3 %/],
    ['crosswalk link without a note', (f) => ((f.relations as any).relations[0].type = 'CORRESPONDS_TO'), {}, /test\.relations\.json: relations\[0\]\.note: a CORRESPONDS_TO link is a crosswalk judgement/],
    ['overlap link without a note', (f) => ((f.relations as any).relations[0].type = 'PARTLY_OVERLAPS'), {}, /relations\[0\]\.note: a PARTLY_OVERLAPS link is a crosswalk judgement/],
    ['narrower-than link without a note', (f) => ((f.relations as any).relations[0].type = 'NARROWER_THAN'), {}, /relations\[0\]\.note: a NARROWER_THAN link is a crosswalk judgement/],
  ];

  it('accepts the unbroken fixture', async () => {
    expect(await problemsOf(await writeSeedDir(minimalFiles()))).toEqual([]);
  });

  it.each(cases)('%s', async (_name, breakIt, raw, expected) => {
    const files = minimalFiles();
    breakIt(files);
    const problems = await problemsOf(await writeSeedDir(files, raw));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected);
  });

  // The crosswalk file sits beside the source folders: the fixture writes it there itself.
  const crosswalkCases: [string, Record<string, unknown>, RegExp][] = [
    [
      'crosswalk link cited as STATED',
      { type: 'CORRESPONDS_TO', from: 'practice:test-monitoring', to: 'challenge:test-observability', note: 'Same notion.', citations: [CITE] },
      /crosswalk\.relations\.json: relations\[0\]\.citations\[0\]\.confidence: crosswalk\.relations\.json holds only the curator's links, which are INFERRED.*\(got "STATED"\)/,
    ],
    [
      'crosswalk link of another type without a note',
      { type: 'ADDRESSES', from: 'practice:test-monitoring', to: 'challenge:test-observability', citations: [{ ...CITE, confidence: 'INFERRED' }] },
      /crosswalk\.relations\.json: relations\[0\]\.note: every link of the crosswalk needs a note/,
    ],
  ];

  it.each(crosswalkCases)('%s', async (_name, relation, expected) => {
    const dir = await writeSeedDir(minimalFiles());
    await writeFile(path.join(dir, 'crosswalk.relations.json'), JSON.stringify({ relations: [relation] }, null, 2));
    const problems = await problemsOf(dir);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('accepts a crosswalk link that is INFERRED and has a note', async () => {
    const dir = await writeSeedDir(minimalFiles());
    const link = { type: 'PARTLY_OVERLAPS', from: 'practice:test-monitoring', to: 'challenge:test-observability', note: 'Shares the watching of models.', citations: [{ ...CITE, confidence: 'INFERRED' }] };
    await writeFile(path.join(dir, 'crosswalk.relations.json'), JSON.stringify({ relations: [link] }, null, 2));
    expect(await problemsOf(dir)).toEqual([]);
  });
});

describe('entities: typed tools and each source file\'s description', () => {
  const KCITE = { source: 'source:kreuzberger2022', locator: '§4.2', digestId: 'test.k-row', confidence: 'STATED' } as const;
  const BCITE = { source: 'source:bayram2024', locator: 'Acronym list', digestId: 'test.b-row', confidence: 'INFERRED' } as const;

  /** The minimal fixture plus one more entities file in another source's folder. */
  async function withSecondFile(files: ReturnType<typeof minimalFiles>, folder: string, source: string, entities: unknown[]): Promise<string> {
    const dir = await writeSeedDir(files);
    await mkdir(path.join(dir, folder), { recursive: true });
    await writeFile(path.join(dir, folder, 'test.entities.json'), JSON.stringify({ source, entities }, null, 2));
    return dir;
  }
  const kreuzbergerMonitoring = { id: 'practice:test-monitoring', kind: 'PRACTICE', name: 'Test monitoring (K)', summary: 'Kreuzberger watches things too.', citations: [KCITE] };
  const shared = (f: ReturnType<typeof minimalFiles>) => ((f.entities as any).entities[0].sharedSummary = 'Both watch things.');

  const cases: [string, (f: ReturnType<typeof minimalFiles>) => void, RegExp][] = [
    ['TOOL without a toolType', (f) => delete (f.entities as any).entities[2].toolType, /test\.entities\.json: entities\[2\]\.toolType: a TOOL needs a toolType \(one of PRODUCT, TECHNIQUE/],
    ['toolType on another kind', (f) => ((f.entities as any).entities[0].toolType = 'PRODUCT'), /test\.entities\.json: entities\[0\]\.toolType: only a TOOL has a toolType, not a PRACTICE \(got "PRODUCT"\)/],
    ['toolType outside the list', (f) => ((f.entities as any).entities[2].toolType = 'SERVICE'), /test\.entities\.json: entities\[2\]\.toolType: .*\(got "SERVICE"\)/],
    ['summaryBasis without a summary', (f) => ((f.entities as any).entities[1].summaryBasis = 'CURATOR'), /entities\[1\]\.summaryBasis: a summaryBasis needs a summary/],
    ['sharedSummary on an entity only one file describes', shared, /test\.entities\.json: entities\[0\]\.sharedSummary: only an entity that several files describe has a sharedSummary/],
  ];

  it.each(cases)('%s is refused', async (_name, breakIt, expected) => {
    const files = minimalFiles();
    breakIt(files);
    expect((await problemsOf(await writeSeedDir(files))).join('\n')).toMatch(expected);
  });

  it('keeps every file\'s description of a merged entity, in load order, under its sharedSummary', async () => {
    const files = minimalFiles();
    shared(files);
    const dir = await withSecondFile(files, 'kreuzberger2022', 'source:kreuzberger2022', [kreuzbergerMonitoring]);
    expect(await problemsOf(dir)).toEqual([]);
    const e = (await loadSeedDataset(dir, dir)).entities.find((x) => x.id === 'practice:test-monitoring')!;
    expect(e.summary).toBe('Both watch things.');
    expect(e.descriptions).toEqual([
      { source: 'source:eken2024', text: 'Watch things.', basis: 'SOURCE' },
      { source: 'source:kreuzberger2022', text: 'Kreuzberger watches things too.', basis: 'SOURCE' },
    ]);
  });

  it('refuses a merged entity without a sharedSummary, naming the first file', async () => {
    const dir = await withSecondFile(minimalFiles(), 'kreuzberger2022', 'source:kreuzberger2022', [kreuzbergerMonitoring]);
    expect((await problemsOf(dir)).join('\n')).toMatch(
      /eken2024\/test\.entities\.json: entities\[0\]\.sharedSummary: practice:test-monitoring is described in .*eken2024\/test\.entities\.json, .*kreuzberger2022\/test\.entities\.json: give one sharedSummary/,
    );
  });

  it('refuses a second sharedSummary', async () => {
    const files = minimalFiles();
    shared(files);
    const dir = await withSecondFile(files, 'kreuzberger2022', 'source:kreuzberger2022', [{ ...kreuzbergerMonitoring, sharedSummary: 'Again.' }]);
    expect((await problemsOf(dir)).join('\n')).toMatch(/kreuzberger2022\/test\.entities\.json: entities\[0\]\.sharedSummary: practice:test-monitoring already has a sharedSummary in .*eken2024/);
  });

  it('refuses a merged entity that a file describes without a summary', async () => {
    const files = minimalFiles();
    shared(files);
    const { summary: _none, ...bare } = kreuzbergerMonitoring;
    const dir = await withSecondFile(files, 'kreuzberger2022', 'source:kreuzberger2022', [bare]);
    expect((await problemsOf(dir)).join('\n')).toMatch(/kreuzberger2022\/test\.entities\.json: entities\[0\]\.summary: practice:test-monitoring is also described in .*eken2024\/test\.entities\.json: give this file's own description/);
  });

  it('refuses two files that type the same tool differently', async () => {
    const tool = { id: 'tool:test-tool', kind: 'TOOL', name: 'Test tool', toolType: 'TECHNIQUE', summary: 'K', citations: [KCITE] };
    const files = minimalFiles();
    Object.assign((files.entities as any).entities[2], { summary: 'E', sharedSummary: 'Both' });
    const dir = await withSecondFile(files, 'kreuzberger2022', 'source:kreuzberger2022', [tool]);
    expect((await problemsOf(dir)).join('\n')).toMatch(/kreuzberger2022\/test\.entities\.json: entities\[0\]\.toolType: differs from the toolType in .*eken2024\/test\.entities\.json \(PRODUCT\) \(got "TECHNIQUE"\)/);
  });

  it('refuses a Bayram method summary that is not marked CURATOR, and accepts it marked', async () => {
    const method = { id: 'method:test-method', kind: 'METHOD', name: 'Test method', summary: 'A general gloss.', citations: [BCITE] };
    const refused = await withSecondFile(minimalFiles(), 'bayram2024', 'source:bayram2024', [method]);
    expect((await problemsOf(refused)).join('\n')).toMatch(/bayram2024\/test\.entities\.json: entities\[0\]\.summaryBasis: must be "CURATOR": .*\(got "SOURCE \(default\)"\)/);
    const accepted = await withSecondFile(minimalFiles(), 'bayram2024', 'source:bayram2024', [{ ...method, summaryBasis: 'CURATOR' }]);
    expect(await problemsOf(accepted)).toEqual([]);
    const e = (await loadSeedDataset(accepted, accepted)).entities.find((x) => x.id === 'method:test-method')!;
    expect(e.descriptions).toEqual([{ source: 'source:bayram2024', text: 'A general gloss.', basis: 'CURATOR' }]);
  });

  it('types every tool of the real seed and keeps each source\'s description of every merged entity', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    expect(ds.entities.filter((e) => e.kind === 'TOOL' && e.toolType === null)).toEqual([]);
    expect(ds.entities.filter((e) => e.kind !== 'TOOL' && e.toolType !== null)).toEqual([]);
    // A tool catalogue lists a tool without describing it (src/seed/checks/entities.ts): only the reviews describe.
    const catalogues = new Set(ds.entities.filter((e) => e.kind === 'SOURCE' && e.attributes.sourceType === 'CATALOGUE').map((e) => e.id));
    for (const e of ds.entities) {
      const cited = new Set(e.citations.map((c) => c.source).filter((s) => !catalogues.has(s)));
      if (e.kind !== 'SOURCE' && cited.size > 1) expect(new Set(e.descriptions.map((d) => d.source)), e.id).toEqual(cited);
      if (e.kind !== 'SOURCE' && cited.size === 0) expect(e.descriptions, e.id).toEqual([]);
    }
  });
});
