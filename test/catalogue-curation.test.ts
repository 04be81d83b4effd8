// Tools typed and mapped one by one, over HTTP on the run's real Neo4j: the figures of the committed seed
// (tools by type, mapped per tool vs only per section, the products recommendStack names for
// observability: printed for seed/README.md §10), the names people type, the scope notes, parts rolled
// up in coverage, and recommendStack never resting on a catalogue section; then the same on a seed whose
// two catalogues are imported from the fixtures of test/fixtures/catalogues (per-tool SUPPORTS).
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { runCatalogueImports } from '../src/seed/catalogue/run.js';
import { loadSeedDataset, type Dataset } from '../src/seed/index.js';
import { TOOL_TYPES } from '../src/domain/ontology.js';
import { dropAliasesOfAbsentTools, FIXTURE_DIR } from './support/catalogues.js';
import { gql, SEED_DIR, startTestService } from './support/neo4j.js';

type Cell = { tool: { id: string }; practice: { id: string }; derivation: string; level: string; paths: { entities: { id: string }[] }[] };
type Stack = { tools: { id: string; name: string; toolType: string }[]; steps: { tool: { id: string }; cells: Cell[] }[]; coverageRatio: number | null };

const STACK = `query($c: [ID!]!) { recommendStack(challengeIds: $c, maxTools: 10) {
  tools { id name toolType } coverageRatio
  steps { tool { id } cells { tool { id } practice { id } derivation level paths { entities { id } } } } } }`;

/** Catalogue tools (cited by a CATALOGUE source): mapped tool by tool (a SUPPORTS citing a catalogue), only through a mapped section, or neither. */
function mappingFigures(ds: Dataset) {
  const catalogues = new Set(ds.entities.filter((e) => e.kind === 'SOURCE' && e.attributes.sourceType === 'CATALOGUE').map((e) => e.id));
  const tools = ds.entities.filter((e) => e.kind === 'TOOL' && e.citations.some((c) => catalogues.has(c.source)));
  const perTool = new Set(ds.relations.filter((r) => r.type === 'SUPPORTS' && r.citations.some((c) => catalogues.has(c.source))).map((r) => r.from));
  const mappedSections = new Set(ds.relations.filter((r) => r.type === 'COVERS').map((r) => r.from));
  const inMapped = new Set(ds.relations.filter((r) => r.type === 'IN_CATEGORY' && mappedSections.has(r.to)).map((r) => r.from));
  const byType: Record<string, number> = {};
  for (const t of tools) byType[t.toolType!] = (byType[t.toolType!] ?? 0) + 1;
  return {
    catalogueTools: tools.length,
    byType,
    mappedPerTool: tools.filter((t) => perTool.has(t.id)).length,
    onlyPerSection: tools.filter((t) => !perTool.has(t.id) && inMapped.has(t.id)).length,
    unmapped: tools.filter((t) => !perTool.has(t.id) && !inMapped.has(t.id)).length,
  };
}

function expectNoSectionRoad(stack: Stack) {
  for (const s of stack.steps) for (const c of s.cells) expect(['VIA_CATALOGUE_SECTION', 'VIA_PART'], `${c.tool.id} ${c.practice.id}`).not.toContain(c.derivation);
}

describe('the committed seed over HTTP', () => {
  let svc: RunningService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('prints and checks the figures: tools by type, catalogue tools mapped per tool vs only per section, the stack for observability', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const allTools = ds.entities.filter((e) => e.kind === 'TOOL');
    const byType = Object.fromEntries(TOOL_TYPES.map((t) => [t, allTools.filter((e) => e.toolType === t).length]));
    const f = mappingFigures(ds);
    console.log(`[figures] tools by type (all ${allTools.length}): ${JSON.stringify(byType)}`);
    console.log(`[figures] catalogue tools ${f.catalogueTools} by type: ${JSON.stringify(f.byType)}`);
    console.log(`[figures] catalogue tools mapped per tool ${f.mappedPerTool}, only per section ${f.onlyPerSection}, neither ${f.unmapped}`);
    expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBe(allTools.length);
    expect(f.mappedPerTool + f.onlyPerSection + f.unmapped).toBe(f.catalogueTools);

    const res = await gql<{ recommendStack: Stack }>(svc.url, STACK, { c: ['challenge:observability'] });
    expect(res.body.errors).toBeUndefined();
    const stack = res.body.data!.recommendStack;
    console.log(`[figures] recommendStack(challenge:observability) names ${stack.tools.map((t) => `${t.name} (${t.id}, ${t.toolType})`).join('; ')}; coverageRatio ${stack.coverageRatio}`);
    expect(stack.tools.length).toBeGreaterThan(0);
    expect(stack.tools.every((t) => t.toolType === 'PRODUCT')).toBe(true);
    expectNoSectionRoad(stack);
  });

  it('rolls a tool\'s parts up into its coverage, marked VIA_PART with the part on the path', async () => {
    const res = await gql<{ coverage: { cells: Cell[] } }>(
      svc.url,
      '{ coverage(toolIds: ["tool:kubeflow"]) { cells { tool { id } practice { id } derivation level paths { entities { id } } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const viaPart = res.body.data!.coverage.cells.filter((c) => c.derivation === 'VIA_PART');
    console.log(`[figures] tool:kubeflow cells through a part: ${viaPart.map((c) => c.practice.id).join(', ')}`);
    expect(viaPart.length).toBeGreaterThan(0);
    for (const c of viaPart) {
      expect(c.level).toBe('DERIVED_VIA_PART');
      expect(c.paths.some((p) => p.entities.some((e) => e.id === 'tool:kubeflow-pipelines' || e.id === 'tool:kubeflow-kserving'))).toBe(true);
    }
  });

  for (const [typed, id] of [['wandb', 'tool:weights-biases'], ['W&B', 'tool:weights-biases'], ['HF', 'tool:hugging-face'], ['k8s', 'tool:kubernetes']]) {
    it(`finds ${id} when "${typed}" is typed`, async () => {
      const res = await gql<{ search: { entity: { id: string } }[] }>(svc.url, 'query($t: String!) { search(text: $t, first: 3) { entity { id } } }', { t: typed });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.search[0]!.entity.id).toBe(id);
    });
  }

  it('says, beside a search about LLMs, RAG or vector stores, that the reviews predate them; nothing for a review\'s topic', async () => {
    const q = 'query($t: String!) { search(text: $t, first: 3) { entity { id } } scopeNotes(text: $t) { topic matched message } }';
    const res = await gql<{ scopeNotes: { topic: string; matched: string[]; message: string }[] }>(svc.url, q, { t: 'RAG on a vector database' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.scopeNotes.map((n) => n.topic)).toEqual(['retrieval-augmented generation', 'vector stores']);
    expect(res.body.data!.scopeNotes[0]!.message).toMatch(/predate retrieval-augmented generation/);
    const none = await gql<{ scopeNotes: unknown[] }>(svc.url, q, { t: 'model registry' });
    expect(none.body.data!.scopeNotes).toEqual([]);
    const blank = await gql(svc.url, '{ scopeNotes(text: "  ") { topic } }');
    expect(blank.status).toBeLessThan(500);
    expect(blank.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'text' } });
  });
});

describe('two catalogues imported from the fixtures, over HTTP', () => {
  let svc: RunningService;
  let seed: string;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-curation-'));
    seed = path.join(dir, 'seed');
    await cp(SEED_DIR, seed, { recursive: true });
    await rm(path.join(seed, 'awesome-llmops'), { recursive: true, force: true });
    await mkdir(path.join(seed, 'awesome-llmops'));
    for (const f of ['sources.json', 'catalogue.entities.json', 'catalogue.relations.json', 'catalogue.ledger.json', 'ids.json', 'MERGES.md']) {
      await rm(path.join(seed, 'awesome-production-ml', f), { force: true });
    }
    for (const [prefix, folder] of [['apml', 'awesome-production-ml'], ['llmops', 'awesome-llmops']] as const) {
      await cp(path.join(FIXTURE_DIR, `${prefix}.section-mappings.json`), path.join(seed, folder, 'section-mappings.json'));
      await cp(path.join(FIXTURE_DIR, `${prefix}.tool-curation.json`), path.join(seed, folder, 'tool-curation.json'));
    }
    const results = await runCatalogueImports([path.join(FIXTURE_DIR, 'apml.json'), path.join(FIXTURE_DIR, 'llmops.json')], seed, dir);
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    await dropAliasesOfAbsentTools(seed);
    svc = await startTestService(seed);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('serves a tool\'s type as the curator\'s, with the note, and its per-tool SUPPORTS as INFERRED with the note', async () => {
    const res = await gql<{ entity: { toolType: string; attributes: Record<string, unknown>; links: { type: string; to: { id: string }; relation: { confidence: string; note: string; level: string } }[] } }>(
      svc.url,
      `{ entity(id: "tool:alpaca") { ... on Tool { toolType attributes } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.entity).toMatchObject({ toolType: 'MODEL', attributes: { toolTypeBasis: 'CURATOR', llmopsCuratorTypeNote: expect.any(String) } });
    const cov = await gql<{ coverage: { cells: (Cell & { confidence: string })[] } }>(
      svc.url,
      '{ coverage(toolIds: ["tool:evidently"]) { cells { tool { id } practice { id } derivation level confidence paths { entities { id } } } } }',
    );
    const cell = cov.body.data!.coverage.cells.find((c) => c.practice.id === 'practice:continuous-model-performance-monitoring')!;
    expect(cell).toMatchObject({ derivation: 'DIRECT', level: 'EXAMPLE', confidence: 'INFERRED' });
  });

  it('finds a vector search section by "vector database"', async () => {
    const res = await gql<{ search: { entity: { id: string } }[] }>(svc.url, '{ search(text: "vector database", first: 3) { entity { id } } }');
    expect(res.body.data!.search[0]!.entity.id).toBe('category:llmops-search-vector-search');
  });

  it('names, for observability, products mapped tool by tool, never one that only a section maps', async () => {
    // Among the tools the catalogue names, MLflow aside (a review's tool that covers much already).
    const q = STACK.replace('recommendStack(challengeIds: $c, maxTools: 10)', 'recommendStack(challengeIds: $c, maxTools: 10, toolSourceIds: ["source:awesome-production-ml"], excludeToolIds: ["tool:mlflow"])');
    const res = await gql<{ recommendStack: Stack }>(svc.url, q, { c: ['challenge:observability'] });
    expect(res.body.errors).toBeUndefined();
    const stack = res.body.data!.recommendStack;
    console.log(`[figures] fixture seed: recommendStack(challenge:observability, the catalogue's tools, MLflow aside) names ${stack.tools.map((t) => t.id).join(', ')}`);
    expect(stack.tools.map((t) => t.id)).toContain('tool:evidently');
    // Fixture Monitor, a product in a mapped section with no per-tool map, is covered only by the section
    // road: coverage shows that road as its own derivation; the stack never takes it.
    expect(stack.tools.map((t) => t.id)).not.toContain('tool:fixture-monitor');
    expectNoSectionRoad(stack);
    const cov = await gql<{ coverage: { cells: Cell[] } }>(svc.url, '{ coverage(toolIds: ["tool:fixture-monitor"]) { cells { tool { id } practice { id } derivation level paths { entities { id } } } } }');
    expect(cov.body.data!.coverage.cells).toMatchObject([{ practice: { id: 'practice:continuous-model-performance-monitoring' }, derivation: 'VIA_CATALOGUE_SECTION', level: 'DERIVED_VIA_CATALOGUE_SECTION' }]);
  });
});
