// A catalogue tool over HTTP, on the run's real Neo4j seeded with the real seed: served with its
// link and section, and found by its exact name with `search`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { gql, startTestService } from './support/neo4j.js';

let svc: RunningService;

beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc?.stop();
});

describe('catalogue tools over HTTP', () => {
  it('serves a catalogue tool with its link, its section and the catalogue citation', async () => {
    const res = await gql<{ entity: { name: string; attributes: Record<string, unknown>; citations: { locator: string; source: { id: string; sourceType: string } }[]; categories: { node: { id: string; covers: { node: { id: string } }[] } }[] } }>(
      svc.url,
      `{ entity(id: "tool:evidently") { name attributes citations { locator source { id ... on Source { sourceType } } }
         ... on Tool { categories { node { id ... on Category { covers { node { id } } } } } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const e = res.body.data!.entity;
    expect(e.name).toBe('Evidently');
    expect(e.attributes).toMatchObject({ apmlGithubRepo: 'evidentlyai/evidently' });
    const apmlCitation = e.citations.find((c) => c.source.id === 'source:awesome-production-ml')!;
    expect(apmlCitation.source).toEqual({ id: 'source:awesome-production-ml', sourceType: 'CATALOGUE' });
    expect(apmlCitation.locator).toMatch(/^README\.md §Evaluation and Monitoring l\.\d+ @[0-9a-f]{7}$/);
    // Its section in this catalogue (Awesome LLMOps, once imported, lists it under two more).
    const apml = e.categories.filter((c) => c.node.id.startsWith('category:apml-'));
    expect(apml.map((c) => c.node.id)).toEqual(['category:apml-evaluation-and-monitoring']);
    expect(apml[0]!.node.covers.map((c) => c.node.id).sort()).toEqual(['component:monitoring-component', 'practice:continuous-model-performance-monitoring']);
  });

  it('reaches a practice\'s catalogue sections from the practice', async () => {
    const res = await gql<{ entity: { catalogueSections: { node: { id: string }; relation: { confidence: string } }[] } }>(
      svc.url,
      '{ entity(id: "practice:feature-stores") { ... on Practice { catalogueSections { node { id } relation { confidence } } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.entity.catalogueSections).toEqual([{ node: { id: 'category:apml-feature-store' }, relation: { confidence: 'INFERRED' } }]);
  });

  // The search is being reworked: a catalogue tool is asked to be in the top 5 for its exact name.
  for (const [name, id] of [['Evidently', 'tool:evidently'], ['DVC', 'tool:dvc'], ['BentoML', 'tool:bentoml']]) {
    it(`finds ${name} by its exact name among the first five hits`, async () => {
      const res = await gql<{ search: { entity: { id: string } }[] }>(svc.url, 'query($t: String!) { search(text: $t, first: 5) { entity { id } } }', { t: name });
      expect(res.body.errors).toBeUndefined();
      const ids = res.body.data!.search.map((h) => h.entity.id);
      console.log(`[catalogue-search.test] search "${name}": ${ids.join(', ')}`);
      expect(ids).toContain(id);
    });
  }
});
