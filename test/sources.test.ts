// Finding the paper: every Source says who wrote it, when, where, where to read it and how much of it was
// read; every citation links to the place it names. Checked over HTTP against the seeded graph.
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

interface SourceRow {
  id: string;
  sourceType: string;
  authors: string[];
  year: number;
  venue: string;
  url: string | null;
  doi: string | null;
  reading: string;
  coverage: string;
}

describe('Source', () => {
  it('gives every source its url, type and what was read of it, as the seed says', async () => {
    const res = await gql<{ sources: { nodes: SourceRow[] } }>(
      svc.url,
      '{ sources(first: 100) { nodes { id sourceType authors year venue url doi reading coverage } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.sources.nodes;
    const seeded = ds.entities.filter((e) => e.kind === 'SOURCE');
    expect(nodes.map((n) => n.id).sort()).toEqual(seeded.map((e) => e.id).sort());
    for (const n of nodes) {
      // A paper's url is the digest's; one whose digest gives none has none (never added from elsewhere).
      const seededUrl = seeded.find((e) => e.id === n.id)!.attributes.url;
      if (n.sourceType === 'CATALOGUE' || seededUrl !== undefined) expect(n.url, n.id).toMatch(/^https:\/\//);
      else expect(n.url, n.id).toBeNull();
      expect(['FULL_TEXT', 'PARTIAL', 'ABSTRACT_ONLY'], n.id).toContain(n.reading);
      expect(n.coverage.length, n.id).toBeGreaterThan(5);
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('source:kreuzberger2022')).toMatchObject({
      sourceType: 'REVIEW',
      url: 'https://arxiv.org/abs/2205.02302',
      doi: '10.1109/ACCESS.2023.3262138',
      reading: 'FULL_TEXT',
    });
    expect(byId.get('source:bayram2024')).toMatchObject({ reading: 'ABSTRACT_ONLY', doi: null });
    expect(byId.get('source:amershi2019')).toMatchObject({ sourceType: 'STUDY', reading: 'PARTIAL', url: null });
    expect(byId.get('source:awesome-production-ml')).toMatchObject({ sourceType: 'CATALOGUE', reading: 'FULL_TEXT' });
    expect(byId.get('source:awesome-production-ml')!.url).toMatch(/^https:\/\/github\.com\/.+\/blob\/[0-9a-f]{40}\/README\.md$/);
  });
});

describe('Citation.url', () => {
  it("links a Kreuzberger citation with a page to that page of the paper's PDF", async () => {
    const res = await gql<{ entity: { citations: { locator: string; url: string | null; source: { id: string } }[] } }>(
      svc.url,
      '{ entity(id: "component:model-registry") { citations { locator url source { id } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const cites = res.body.data!.entity.citations.filter((c) => c.source.id === 'source:kreuzberger2022');
    expect(cites.length).toBeGreaterThan(0);
    for (const c of cites) {
      const page = /(?:^|[\s,;(])pp?\.\s?(\d+)/.exec(c.locator)?.[1];
      expect(c.url, c.locator).toBe(page ? `https://arxiv.org/pdf/2205.02302v3#page=${page}` : 'https://arxiv.org/abs/2205.02302');
    }
  });

  it("links a catalogue citation to its README line at the commit read, and a paper without a PDF to its page", async () => {
    const res = await gql<{ entity: { citations: { locator: string; url: string | null; source: { id: string } }[] } }>(
      svc.url,
      '{ entity(id: "tool:mlflow") { citations { locator url source { id } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const cites = res.body.data!.entity.citations;
    const cat = cites.find((c) => c.source.id === 'source:awesome-production-ml');
    expect(cat?.url).toMatch(/^https:\/\/github\.com\/.+\/blob\/[0-9a-f]{40}\/README\.md#L\d+$/);
    const eken = cites.find((c) => c.source.id === 'source:eken2024');
    expect(eken?.url).toBe('https://arxiv.org/abs/2406.09737');
  });
});
