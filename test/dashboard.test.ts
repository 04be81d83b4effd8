// The dashboard example (examples/dashboard) against the seeded API: its fetch + render, and its CLI,
// give a page whose figures are the API's own answers, and whose markup holds no data unescaped.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../examples/dashboard/build.js';
import { fetchDashboard, GraphQLRequestError } from '../examples/dashboard/client.js';
import { escapeHtml } from '../examples/dashboard/render.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import type { RunningService } from '../src/server.js';
import { markupProblems, pageCounts, pageDerivations, pageTopPractices } from './support/dashboard-page.js';
import { gql } from './support/neo4j.js';
import { startTestService } from './support/neo4j.js';
import { CITE, minimalFiles, writeSeedDir } from './support/seed-fixtures.js';

const CHALLENGE = 'challenge:observability';
const TOP = 8;

interface ApiAnswer {
  stats: { entities: number; relations: number; byKind: { kind: string; count: number }[] };
  coverage: {
    tools: { id: string }[];
    practices: { id: string; name: string }[];
    cells: { direct: boolean; confidence: string; derivation: string }[];
    uncoveredPractices: { id: string }[];
  };
  practicesAddressing: { practice: { id: string; name: string }; score: number; citations: { locator: string; source: { name: string } }[] }[];
}

// Asked here in the test's own words, not through the dashboard's documents.
async function apiAnswer(url: string, challengeId: string, first: number): Promise<ApiAnswer> {
  const res = await gql<ApiAnswer>(
    url,
    `query ($c: ID!, $n: Int!) {
      stats { entities relations byKind { kind count } }
      coverage { tools { id } practices { id name } cells { direct confidence derivation } uncoveredPractices { id } }
      practicesAddressing(challengeId: $c, first: $n) { practice { id name } score citations { locator source { name } } }
    }`,
    { c: challengeId, n: first },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

function expectedCounts(a: ApiAnswer): Record<string, number> {
  const cells = a.coverage.cells;
  const kind = (k: string) => a.stats.byKind.find((b) => b.kind === k)!.count;
  return {
    entities: a.stats.entities,
    relations: a.stats.relations,
    tools: kind('TOOL'),
    'tools-with-cells': a.coverage.tools.length,
    practices: a.coverage.practices.length,
    'covered-practices': a.coverage.practices.length - a.coverage.uncoveredPractices.length,
    'uncovered-practices': a.coverage.uncoveredPractices.length,
    cells: cells.length,
    'direct-cells': cells.filter((c) => c.direct).length,
    'derived-cells': cells.filter((c) => !c.direct).length,
    'stated-cells': cells.filter((c) => c.confidence === 'STATED').length,
    'inferred-cells': cells.filter((c) => c.confidence !== 'STATED').length,
  };
}

function expectPageMatches(html: string, a: ApiAnswer) {
  expect(pageCounts(html)).toEqual(expectedCounts(a));
  const derivations = pageDerivations(html);
  for (const [derivation, count] of Object.entries(derivations)) {
    expect(count, derivation).toBe(a.coverage.cells.filter((c) => c.derivation === derivation).length);
  }
  expect(Object.values(derivations).reduce((x, y) => x + y, 0)).toBe(a.coverage.cells.length);
  expect(pageTopPractices(html)).toEqual(a.practicesAddressing.map((r) => ({ id: r.practice.id, score: r.score })));
  expect(markupProblems(html)).toEqual([]);
  for (const r of a.practicesAddressing) {
    expect(html).toContain(escapeHtml(r.practice.name));
    for (const c of r.citations) expect(html).toContain(`${escapeHtml(c.source.name)}, ${escapeHtml(c.locator)}`);
  }
}

describe('the dashboard on the seeded API', () => {
  let svc: RunningService;
  let outDir: string;
  beforeAll(async () => {
    svc = await startTestService();
    outDir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-dashboard-'));
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('writes a page whose counts, ranking and scores are the API answers', async () => {
    const out = path.join(outDir, 'index.html');
    const { file, html } = await buildDashboard({ apiUrl: svc.url, challengeId: CHALLENGE, top: TOP, out });
    expect(file).toBe(out);
    expect(await readFile(out, 'utf8')).toBe(html);
    const a = await apiAnswer(svc.url, CHALLENGE, TOP);
    expect(a.practicesAddressing.length).toBeGreaterThan(1);
    expect(a.coverage.cells.length).toBeGreaterThan(0);
    expectPageMatches(html, a);
  });

  it('refuses an unknown challenge with the API message', async () => {
    const err = await fetchDashboard(svc.url, { challengeId: 'challenge:no-such-thing' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the CLI takes API_URL from the environment and writes the page', async () => {
    const out = path.join(outDir, 'cli.html');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'examples/dashboard/build.ts', '--challenge', CHALLENGE, '--top', String(TOP), '--out', out],
      { cwd: PROJECT_ROOT, env: { ...process.env, API_URL: svc.url } },
    );
    expect(stdout).toContain(`from ${svc.url}`);
    expectPageMatches(await readFile(out, 'utf8'), await apiAnswer(svc.url, CHALLENGE, TOP));
  });
});

describe('the dashboard on data full of markup', () => {
  const HOSTILE = `<script>alert('x')</script> & "<b>bold</b>"`;
  let svc: RunningService;
  beforeAll(async () => {
    const files = minimalFiles();
    const { entities, relations } = files as { entities: { entities: Record<string, unknown>[] }; relations: { relations: Record<string, unknown>[] } };
    for (const e of entities.entities) e.name = `${String(e.name)} ${HOSTILE}`;
    entities.entities.push({ id: 'category:test-cat', kind: 'CATEGORY', name: `Category ${HOSTILE}`, citations: [CITE] });
    relations.relations.push({ type: 'IN_CATEGORY', from: 'practice:test-monitoring', to: 'category:test-cat', citations: [{ ...CITE, locator: `§1 <i>p.2</i> & more` }] });
    relations.relations[0]!.citations = [{ ...CITE, locator: `§4 <img src=x onerror=alert(1)>` }];
    svc = await startTestService(await writeSeedDir(files));
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('escapes every name and locator', async () => {
    const { html } = await buildDashboard({
      apiUrl: svc.url,
      challengeId: 'challenge:test-observability',
      out: path.join(await mkdtemp(path.join(os.tmpdir(), 'mlopskg-dashboard-')), 'index.html'),
    });
    const a = await apiAnswer(svc.url, 'challenge:test-observability', 10);
    expect(a.practicesAddressing.map((r) => r.practice.id)).toEqual(['practice:test-monitoring']);
    expectPageMatches(html, a);
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain(escapeHtml(`Category ${HOSTILE}`));
    expect(html).toContain(escapeHtml('§4 <img src=x onerror=alert(1)>'));
  });
});
