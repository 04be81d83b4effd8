// The example queries of the README and docs/examples run as printed against the seeded graph.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/paths.js';
import type { RunningService } from '../src/server.js';
import { gql, startTestService } from './support/neo4j.js';

const EXAMPLES = path.join(PROJECT_ROOT, 'docs', 'examples');
const readmeBlocks = [...readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc?.stop();
});

describe('examples', () => {
  it('the README holds the docs/examples queries verbatim', () => {
    for (const file of readdirSync(EXAMPLES)) {
      const query = readFileSync(path.join(EXAMPLES, file), 'utf8').replace(/^#.*\n/gm, '').trim();
      expect(readmeBlocks.map((b) => b.trim()), file).toContain(query);
    }
  });

  it.each(readmeBlocks.map((b, i) => [i, b] as const))('README query %i runs without errors and returns data', async (_i, query) => {
    const res = await gql(svc.url, query);
    expect(res.body.errors).toBeUndefined();
    expect(JSON.stringify(res.body.data)).not.toBe('{}');
  });

  it('the practices example answers with Fig. 4-backed, stated evidence', async () => {
    const query = readFileSync(path.join(EXAMPLES, 'practices-addressing.graphql'), 'utf8');
    const res = await gql<{ practicesAddressing: { confidence: string; citations: { locator: string }[] }[] }>(svc.url, query);
    expect(res.body.data!.practicesAddressing.length).toBe(3);
    for (const p of res.body.data!.practicesAddressing) {
      expect(p.confidence).toBe('STATED');
      expect(p.citations.some((c) => c.locator.includes('Fig. 4'))).toBe(true);
    }
  });
});
