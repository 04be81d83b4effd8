// Per-kind lists: stable keyset pagination and the filters users expect, checked against the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset, type Dataset } from '../src/seed/index.js';
import { gql, SEED_DIR, startTestService } from './support/neo4j.js';

let svc: RunningService;
let ds: Dataset;

beforeAll(async () => {
  svc = await startTestService();
  ds = await loadSeedDataset(SEED_DIR);
});
afterAll(async () => {
  await svc?.stop();
});

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string; name: string }[];
}

async function page(field: string, args: string): Promise<Page> {
  const res = await gql<Record<string, Page>>(svc.url, `{ ${field}(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`);
  expect(res.body.errors).toBeUndefined();
  return res.body.data![field]!;
}

async function all(field: string, filter = '', size = 7): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const p: Page = await page(field, `first: ${size}${after ? `, after: ${JSON.stringify(after)}` : ''}${filter ? `, filter: ${filter}` : ''}`);
    total = p.totalCount;
    ids.push(...p.nodes.map((n) => n.id));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return { ids, total };
}

const idsOf = (pred: (e: Dataset['entities'][number]) => boolean) => ds.entities.filter(pred).map((e) => e.id).sort();

describe('pagination', () => {
  it('walks every tool exactly once, in name order, whatever the page size', async () => {
    const expected = ds.entities
      .filter((e) => e.kind === 'TOOL')
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id < b.id ? -1 : 1))
      .map((e) => e.id);
    for (const size of [1, 7, 100]) {
      const { ids, total } = await all('tools', '', size);
      expect(total).toBe(expected.length);
      expect(ids).toEqual(expected);
    }
  });

  it('gives the same page for the same cursor (stable order)', async () => {
    const first = await page('practices', 'first: 5');
    const a = await page('practices', `first: 5, after: ${JSON.stringify(first.pageInfo.endCursor)}`);
    const b = await page('practices', `first: 5, after: ${JSON.stringify(first.pageInfo.endCursor)}`);
    expect(a.nodes).toEqual(b.nodes);
    expect(a.nodes.map((n) => n.id)).not.toContain(first.nodes[0]!.id);
  });
});

describe('filters', () => {
  it('by source', async () => {
    const { ids, total } = await all('tools', '{ sourceId: "source:kreuzberger2022" }', 50);
    const expected = idsOf((e) => e.kind === 'TOOL' && e.citations.some((c) => c.source === 'source:kreuzberger2022'));
    expect(total).toBe(expected.length);
    expect(ids.sort()).toEqual(expected);
  });

  it('by confidence', async () => {
    const { ids } = await all('methods', '{ confidence: INFERRED }', 50);
    const expected = idsOf((e) => e.kind === 'METHOD' && e.citations.every((c) => c.confidence === 'INFERRED'));
    expect(ids.sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('by category', async () => {
    const category = 'category:continuous-monitoring';
    const members = ds.relations.filter((r) => r.type === 'IN_CATEGORY' && r.to === category).map((r) => r.from);
    const { ids } = await all('practices', `{ categoryId: "${category}" }`, 50);
    expect(ids.sort()).toEqual(members.filter((m) => m.startsWith('practice:')).sort());
    expect(ids.length).toBeGreaterThan(0);
  });

  it('by stage, for roles: the roles Fig. 3 puts in the stage', async () => {
    const stage = 'stage:deployment';
    const expected = [...new Set(ds.relations.filter((r) => r.to === stage && r.from.startsWith('role:') && ['TAKES_PART_IN', 'IN_STAGE', 'PART_OF'].includes(r.type)).map((r) => r.from))].sort();
    const { ids } = await all('roles', `{ stageId: "${stage}" }`, 50);
    expect(ids.sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('by text, matching names and aliases case-insensitively', async () => {
    const { ids } = await all('principles', '{ text: "P4" }', 50);
    const expected = idsOf((e) => e.kind === 'PRINCIPLE' && [e.name, ...e.aliases].some((n) => n.toLowerCase().includes('p4')));
    expect(ids.sort()).toEqual(expected);
    expect(expected.length).toBe(1);
  });
});

describe('relations from both ends', () => {
  it('a tool lists its practices and each practice lists the tool back, with citations', async () => {
    const res = await gql<{ entity: { practices: { node: { id: string; tools: { node: { id: string } }[] }; relation: { citations: unknown[] } }[] } }>(
      svc.url,
      '{ entity(id: "tool:mlflow") { ... on Tool { practices { node { id ... on Practice { tools { node { id } } } } relation { citations { locator } } } } } }',
    );
    const practices = res.body.data!.entity.practices;
    expect(practices.length).toBeGreaterThan(0);
    for (const p of practices) {
      expect(p.relation.citations.length).toBeGreaterThan(0);
      expect(p.node.tools.map((t) => t.node.id)).toContain('tool:mlflow');
    }
  });
});
