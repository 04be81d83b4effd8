// What the sources add up to, measured over HTTP on the seeded graph and printed (seed/README.md
// reports the figures): the share of challenges that get a practice (any evidence, and stated at every
// hop), how many practices two or more independent sources support against some challenge, and how many
// of the problems teams fight in production a search for their usual name puts in the top 3 — with a
// practice to show for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { gql, startTestService } from './support/neo4j.js';
import { fewAtATime } from './support/pool.js';

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc?.stop();
});

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(svc.url, query, variables);
  if (!res.body.data) throw new Error(`${query}: ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}

async function allChallengeIds(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    type Page = { challenges: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const page: Page = await data<Page>('query($after: String) { challenges(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }', { after });
    ids.push(...page.challenges.nodes.map((n) => n.id));
    if (!page.challenges.pageInfo.hasNextPage) break;
    after = page.challenges.pageInfo.endCursor;
  }
  return ids;
}

type Ranked = { practice: { id: string }; sourceCount: number; confidence: string }[];

/**
 * The problems teams name, in the words they use, and the challenges that are that problem (any one
 * of them in the top 3 counts: several sources name drift, each in its own words).
 */
const PROBLEMS: readonly { words: string; challenges: readonly string[] }[] = [
  { words: 'data drift', challenges: ['challenge:natural-data-drift', 'challenge:unnatural-data-drift', 'challenge:drift-data-error'] },
  { words: 'retraining cadence', challenges: ['challenge:retraining-cadence', 'challenge:constant-retraining'] },
  { words: 'alert fatigue', challenges: ['challenge:alert-fatigue'] },
  { words: 'delayed labels', challenges: ['challenge:feedback-delays'] },
  { words: 'training-serving skew', challenges: ['challenge:dev-prod-mismatch', 'challenge:data-leakage'] },
  { words: 'feedback loops', challenges: ['challenge:feedback-loop-debt', 'challenge:hidden-feedback-loops', 'challenge:direct-feedback-loops'] },
  { words: 'glue code', challenges: ['challenge:glue-code'] },
  { words: 'pipeline jungles', challenges: ['challenge:pipeline-jungles'] },
];

describe('figures of the sources in one graph', () => {
  it('measures challenges with a practice and practices two sources support', { timeout: 600_000 }, async () => {
    const ids = await allChallengeIds();
    expect(ids.length).toBeGreaterThan(100);
    const answers = await fewAtATime(ids, async (id) => {
      const q = 'query($id: ID!, $c: Confidence) { practicesAddressing(challengeId: $id, minConfidence: $c, first: 100) { practice { id } sourceCount confidence } }';
      const any = await data<{ practicesAddressing: Ranked }>(q, { id, c: 'INFERRED' });
      const stated = await data<{ practicesAddressing: Ranked }>(q, { id, c: 'STATED' });
      return { id, any: any.practicesAddressing, stated: stated.practicesAddressing };
    });
    const withPractice = answers.filter((a) => a.any.length > 0).length;
    const withStated = answers.filter((a) => a.stated.length > 0).length;
    const twoSources = new Set(answers.flatMap((a) => a.any.filter((r) => r.sourceCount >= 2).map((r) => r.practice.id)));
    const pct = (n: number) => `${((100 * n) / ids.length).toFixed(1)} %`;
    console.log(
      `[figures] challenges: ${ids.length}; with a practice: ${withPractice} (${pct(withPractice)}); ` +
        `with a practice stated at every hop: ${withStated} (${pct(withStated)}); ` +
        `practices that two or more sources support against some challenge: ${twoSources.size}`,
    );
    // Floors well under today's figures: data may grow, it must not fall apart.
    expect(withPractice / ids.length).toBeGreaterThan(0.5);
    expect(withStated).toBeGreaterThan(0);
    expect(twoSources.size).toBeGreaterThan(0);
  });

  it('finds the problems teams name by their usual words, each with practices to show', { timeout: 120_000 }, async () => {
    const found = await fewAtATime(PROBLEMS, async (p) => {
      const hits = await data<{ search: { entity: { id: string } }[] }>('query($t: String!) { search(text: $t, kinds: [CHALLENGE], first: 3) { entity { id } } }', { t: p.words });
      const hit = hits.search.map((h) => h.entity.id).find((id) => p.challenges.includes(id));
      if (!hit) return { words: p.words, hit: null, practices: 0 };
      const ranked = await data<{ practicesAddressing: Ranked }>('query($id: ID!) { practicesAddressing(challengeId: $id, first: 100) { practice { id } sourceCount confidence } }', { id: hit });
      return { words: p.words, hit, practices: ranked.practicesAddressing.length };
    });
    const inTop3 = found.filter((f) => f.hit !== null);
    console.log(
      `[figures] problems in the top 3 by their usual name: ${inTop3.length} of ${PROBLEMS.length}; ` +
        found.map((f) => `${f.words} -> ${f.hit ?? 'not in the top 3'} (${f.practices} practices)`).join('; '),
    );
    expect(inTop3.length).toBeGreaterThanOrEqual(PROBLEMS.length - 1);
    // Not every problem has an answer in the sources: none reports a principled retraining cadence
    // (Shankar et al. §4.5.1 say no participant had one), and the graph says so rather than invent one.
    expect(inTop3.filter((f) => f.practices > 0).length).toBeGreaterThanOrEqual(PROBLEMS.length - 2);
  });
});
