// The two-phase search statement (src/cypher/search.ts) against the single-phase one it replaces, on
// the real seed: the same candidates in the same order for many texts, whether phase 1 is exact or
// ties across the probe send it to phase 2 (a small $probe forces that), with and without kinds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { luceneQuery, searchWords } from '../src/analysis/search-query.js';
import { searchQuery, searchQueryFullOrder } from '../src/cypher/search.js';
import { FULLTEXT_INDEX } from '../src/neo4j/setup.js';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { SEED_DIR, startTestService } from './support/neo4j.js';

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc?.stop();
});

type Row = { id: string; score: number };

async function run(statement: string, query: string, first: number, probe: number, kinds: string[] | null): Promise<Row[]> {
  const res = await svc.db.read<{ node: { id: string }; score: number }>(statement, { index: FULLTEXT_INDEX, query, kinds, first: neo4j.int(first), probe: neo4j.int(probe) });
  return res.records.map((r) => ({ id: r.get('node').id, score: r.get('score') }));
}

describe('two-phase search statement', () => {
  it('gives the single-phase candidates, in order, for every kind of text, probe and kinds filter', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    // Common words (many tied hits), each entity's first name word, a prefix, a typo, multi-word texts.
    const words = new Map<string, number>();
    for (const e of ds.entities) for (const w of searchWords(e.name)) words.set(w, (words.get(w) ?? 0) + 1);
    const common = [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 25).map(([w]) => w);
    const texts = [...common, 'm', 'mo', 'versoning', 'feature store', 'data drift', 'continuous training pipeline', 'k8s', 'Neptune.ai', ...ds.entities.filter((_, i) => i % 80 === 0).map((e) => e.name)];
    let phase2 = 0;
    let compared = 0;
    for (const text of texts) {
      const query = luceneQuery(text);
      if (query === null) continue;
      for (const [first, probe] of [[100, 500], [10, 12], [5, 6]] as const) {
        for (const kinds of [null, ['TOOL'], ['PRACTICE', 'CHALLENGE']]) {
          const full = await run(searchQueryFullOrder(['aliases']), query, first, probe, kinds);
          const two = await run(searchQuery(['aliases']), query, first, probe, kinds);
          expect(two, `${text} first ${first} probe ${probe} kinds ${kinds}`).toEqual(full);
          compared += 1;
          // Count the cases where Lucene's top-probe could not settle the order (phase 2 ran).
          const probed = await svc.db.read<{ n: number; lowest: number | null }>('CALL db.index.fulltext.queryNodes($index, $query, {limit: $probe}) YIELD score RETURN count(*) AS n, min(score) AS lowest', { index: FULLTEXT_INDEX, query, probe: neo4j.int(probe) });
          const n = Number(probed.records[0]!.get('n'));
          if (n === probe && full.length === first && full[first - 1]!.score <= probed.records[0]!.get('lowest')!) phase2 += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
    // Both phases were exercised.
    expect(phase2).toBeGreaterThan(10);
    expect(phase2).toBeLessThan(compared);
  }, 600_000);
});
