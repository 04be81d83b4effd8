// The answers of issue 24 over HTTP against the real Neo4j seeded from seed/: problems from words,
// a ranking you can weigh (measured against graded judgements, test/judgements/), the gaps in one call,
// tools compared cell by cell, and a stack a team can defend. Expected sets are computed from other
// API answers or from the judgement files, never typed in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { gql, startTestService } from './support/neo4j.js';

let service: RunningService;
let url: string;

beforeAll(async () => {
  service = await startTestService();
  url = service.url;
});

afterAll(async () => {
  await service?.stop();
});

const JUDGEMENTS = path.join(import.meta.dirname, 'judgements');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(JUDGEMENTS, file), 'utf8')) as T;

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(url, query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data as T;
}

/** nDCG@k of a ranked list of ids against grades; ids without a grade are skipped (condensed list). */
function ndcgAt(k: number, ranked: readonly string[], grades: Readonly<Record<string, number>>): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = (gs: readonly number[]) => gs.slice(0, k).reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(grades).sort((a, b) => b - a));
  return ideal === 0 ? 1 : dcg(ranked.filter((id) => id in grades).map((id) => grades[id]!)) / ideal;
}

describe('problems: from words to challenges', () => {
  it('names the expected challenge within the top 3 for most of 48 phrasings (prints the hit rate)', async () => {
    const set = readJson<{ problems: { expected: string[]; phrasings: string[] }[] }>('problem-phrasings.json');
    let hits = 0;
    let total = 0;
    const misses: string[] = [];
    for (const p of set.problems) {
      for (const text of p.phrasings) {
        const { problems } = await data<{ problems: { challenge: { id: string } }[] }>(`query($t: String!) { problems(text: $t, first: 3) { challenge { id } } }`, { t: text });
        total += 1;
        if (problems.some((m) => p.expected.includes(m.challenge.id))) hits += 1;
        else misses.push(`${text} -> ${problems.map((m) => m.challenge.id).join(', ') || '(none)'}`);
      }
    }
    const rate = hits / total;
    console.log(`problems: top-3 hit rate ${(100 * rate).toFixed(1)} % (${hits} of ${total} phrasings)\n  misses:\n  ${misses.join('\n  ')}`);
    expect(total).toBe(48);
    expect(rate).toBeGreaterThanOrEqual(0.6);
  });

  it('says where each word was found, and only words that were typed', async () => {
    const text = 'experiments provenance for compliance audits';
    const { problems } = await data<{ problems: { score: number; matched: { field: string; text: string; words: string[]; related: { id: string } | null; relation: string | null }[] }[] }>(
      `query($t: String!) { problems(text: $t) { score matched { field text words related { id } relation } } }`,
      { t: text },
    );
    expect(problems.length).toBeGreaterThan(0);
    for (const [i, m] of problems.entries()) {
      if (i > 0) expect(m.score).toBeLessThanOrEqual(problems[i - 1]!.score);
      expect(m.matched.length).toBeGreaterThan(0);
      for (const e of m.matched) {
        for (const w of e.words) expect(text).toContain(w);
        expect(e.related === null).toBe(e.field !== 'RELATED');
      }
    }
  });

  it('reaches a challenge through a related entity wording (CORRESPONDS_TO, NARROWER_THAN, PARTLY_OVERLAPS)', async () => {
    // Take a challenge with a related entity, and type that entity's name: the challenge comes back through it.
    const { challenges } = await data<{ challenges: { nodes: { id: string; links: { node: { id: string; name: string }; relation: { type: string } }[] }[] } }>(
      `{ challenges(first: 100) { nodes { id links(types: ["NARROWER_THAN"]) { node { id name } relation { type } } } } }`,
    );
    const withRelated = challenges.nodes.find((c) => c.links.length > 0)!;
    const related = withRelated.links[0]!.node;
    const { problems } = await data<{ problems: { challenge: { id: string }; matched: { field: string; related: { id: string } | null }[] }[] }>(
      `query($t: String!) { problems(text: $t, first: 20) { challenge { id } matched { field related { id } } } }`,
      { t: related.name },
    );
    const found = problems.find((m) => m.challenge.id === withRelated.id);
    expect(found, `${withRelated.id} for "${related.name}"`).toBeDefined();
    expect(found!.matched.some((e) => e.field === 'RELATED' && e.related?.id === related.id)).toBe(true);
  });

  it('refuses blank or overlong text, and answers nothing for function words only', async () => {
    for (const t of ['   ', 'x'.repeat(201)]) {
      const res = await gql(url, `query($t: String!) { problems(text: $t) { score } }`, { t });
      expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
    expect((await data<{ problems: unknown[] }>(`{ problems(text: "what are we to do") { score } }`)).problems).toEqual([]);
  });
});

interface Ranked {
  practice: { id: string };
  score: number;
  relevance: number;
  agreement: number;
  sourceCount: number;
  inferredStrength: string | null;
  why: string;
}
const RANKED = `practice { id } score relevance agreement sourceCount inferredStrength why`;

describe('practicesAddressing: a ranking you can weigh', () => {
  it('measures nDCG@5 against the graded judgements (prints it and the unjudged count)', async () => {
    const judged = readJson<{ challenges: Record<string, Record<string, { grade: number; note: string }>> }>('practices-addressing.json');
    const scores: string[] = [];
    let sum = 0;
    let unjudged = 0;
    const ids = Object.keys(judged.challenges);
    for (const id of ids) {
      const grades = Object.fromEntries(Object.entries(judged.challenges[id]!).map(([p, j]) => [p, j.grade]));
      const { practicesAddressing } = await data<{ practicesAddressing: Ranked[] }>(`query($c: ID!) { practicesAddressing(challengeId: $c, first: 100) { ${RANKED} } }`, { c: id });
      unjudged += practicesAddressing.filter((r) => !(r.practice.id in grades)).length;
      const n = ndcgAt(5, practicesAddressing.map((r) => r.practice.id), grades);
      scores.push(`${id} ${n.toFixed(3)}`);
      sum += n;
    }
    const mean = sum / ids.length;
    console.log(`practicesAddressing: mean nDCG@5 ${mean.toFixed(3)} over ${ids.length} challenges; ${unjudged} practices returned unjudged (skipped)\n  ${scores.join('\n  ')}`);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(mean).toBeGreaterThanOrEqual(0.75);
  });

  it('orders by score, then relevance; keeps relevance out of the score; says why with the sources short names', async () => {
    const { sources } = await data<{ sources: { nodes: { id: string; aliases: string[] }[] } }>(`{ sources { nodes { id aliases } } }`);
    const { practicesAddressing } = await data<{ practicesAddressing: Ranked[] }>(`{ practicesAddressing(challengeId: "challenge:observability", first: 100) { ${RANKED} } }`);
    expect(practicesAddressing.length).toBeGreaterThan(1);
    for (const [i, r] of practicesAddressing.entries()) {
      expect(r.relevance).toBeGreaterThanOrEqual(0);
      expect(r.relevance).toBeLessThanOrEqual(1);
      expect(r.agreement).toBeLessThanOrEqual(r.sourceCount);
      expect(r.why).toMatch(/^(Stated by|Inferred by the curators from) /);
      expect(sources.nodes.some((s) => s.aliases.some((a) => r.why.includes(a)))).toBe(true);
      const prev = practicesAddressing[i - 1];
      if (prev) expect(prev.score > r.score || (prev.score === r.score && prev.relevance >= r.relevance)).toBe(true);
    }
    // Fewer exact ties than the score alone gives: relevance and the curators' reading split them.
    const pairs = new Set(practicesAddressing.map((r) => `${r.score}|${r.relevance}`));
    const scores = new Set(practicesAddressing.map((r) => r.score));
    expect(pairs.size).toBeGreaterThan(scores.size);
  });
});

describe('gaps: what the graph leaves open, in one call', () => {
  it('counts only products by default, as coverage does, and agrees with coverage and practicesAddressing', async () => {
    const q = `query($types: [ToolType!], $min: Confidence) {
      gaps(toolTypes: $types, minConfidence: $min) { challengesWithoutPractice { id } practicesWithoutTool { id } toolTypes }
      coverage(toolTypes: $types, minConfidence: $min) { uncoveredPractices { id } }
    }`;
    const byDefault = await data<{ gaps: { challengesWithoutPractice: { id: string }[]; practicesWithoutTool: { id: string }[]; toolTypes: string[] } }>(
      `{ gaps { challengesWithoutPractice { id } practicesWithoutTool { id } toolTypes } coverage { uncoveredPractices { id } } }`,
    );
    expect(byDefault.gaps.toolTypes).toEqual(['PRODUCT']);
    expect(byDefault.gaps.practicesWithoutTool.length).toBeGreaterThan(0);
    expect(byDefault.gaps.practicesWithoutTool).toEqual((byDefault as unknown as { coverage: { uncoveredPractices: { id: string }[] } }).coverage.uncoveredPractices);
    for (const [types, min] of [[[], 'INFERRED'], [['PRODUCT'], 'STATED']] as const) {
      const r = await data<{ gaps: { practicesWithoutTool: { id: string }[]; toolTypes: string[] }; coverage: { uncoveredPractices: { id: string }[] } }>(q, { types, min });
      expect(r.gaps.practicesWithoutTool).toEqual(r.coverage.uncoveredPractices);
      if (types.length === 0) expect(r.gaps.toolTypes).toContain('PRODUCT');
    }
    // Every challenge, page by page (there are more than a page of them).
    const challenges = { nodes: [] as { id: string }[] };
    for (let after: string | null = null, more = true; more; ) {
      type Page = { challenges: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const page: Page = await data<Page>(`query($after: String) { challenges(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
      challenges.nodes.push(...page.challenges.nodes);
      more = page.challenges.pageInfo.hasNextPage;
      after = page.challenges.pageInfo.endCursor;
    }
    expect(challenges.nodes.length).toBeGreaterThan(100);
    for (const min of ['INFERRED', 'STATED']) {
      const { gaps } = await data<{ gaps: { challengesWithoutPractice: { id: string }[] } }>(`query($min: Confidence) { gaps(minConfidence: $min) { challengesWithoutPractice { id } } }`, { min });
      const open: string[] = [];
      for (const c of challenges.nodes) {
        const r = await data<{ practicesAddressing: unknown[] }>(`query($c: ID!, $min: Confidence) { practicesAddressing(challengeId: $c, minConfidence: $min, first: 1) { score } }`, { c: c.id, min });
        if (r.practicesAddressing.length === 0) open.push(c.id);
      }
      expect(gaps.challengesWithoutPractice.map((c) => c.id).sort()).toEqual(open.sort());
    }
  });
});

interface Cell {
  tool: { id: string };
  practice: { id: string };
  confidence: string;
  derivation: string;
  sourceCount: number;
  citations: { locator: string; source: { id: string } }[];
}
const CELL = `tool { id } practice { id } confidence derivation sourceCount citations { locator source { id } }`;

describe('compareTools: the diff with its evidence', () => {
  it('splits the coverage cells of the tools into shared and only-one, each cell with its evidence', async () => {
    const toolIds = ['tool:mlflow', 'tool:kubeflow', 'tool:feast'];
    const r = await data<{
      compareTools: { shared: { practice: { id: string }; cells: Cell[]; missing: { id: string }[] }[]; tools: { tool: { id: string }; only: Cell[]; practiceCount: number }[] };
      coverage: { cells: Cell[] };
    }>(`query($ids: [ID!]!) { compareTools(toolIds: $ids) { shared { practice { id } cells { ${CELL} } missing { id } } tools { tool { id } only { ${CELL} } practiceCount } } coverage(toolIds: $ids) { cells { ${CELL} } } }`, {
      ids: toolIds,
    });
    const key = (c: Cell) => `${c.tool.id} ${c.practice.id}`;
    const compared = [...r.compareTools.shared.flatMap((s) => s.cells), ...r.compareTools.tools.flatMap((t) => t.only)];
    expect(compared.map(key).sort()).toEqual(r.coverage.cells.map(key).sort());
    expect(r.compareTools.tools.map((t) => t.tool.id)).toEqual(toolIds);
    for (const s of r.compareTools.shared) {
      expect(s.cells.length).toBeGreaterThanOrEqual(2);
      expect(s.cells.length + s.missing.length).toBe(toolIds.length);
    }
    for (const c of compared) {
      expect(c.sourceCount).toBe(new Set(c.citations.map((x) => x.source.id)).size);
      expect(c.citations.length).toBeGreaterThan(0);
    }
    for (const t of r.compareTools.tools) expect(t.practiceCount).toBe(r.coverage.cells.filter((c) => c.tool.id === t.tool.id).length);
  });

  it('refuses an unknown tool id with the nearest ids, and fewer than two tools', async () => {
    const res = await gql(url, `{ compareTools(toolIds: ["tool:mlflow", "tool:kubeflw"]) { shared { practice { id } } } }`);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/not the id of any TOOL: "tool:kubeflw" \(did you mean /);
    expect((res.body.errors?.[0]?.extensions?.['suggestions'] as Record<string, string[]>)['tool:kubeflw']!.length).toBeGreaterThan(0);
    const one = await gql(url, `{ compareTools(toolIds: ["tool:mlflow", " tool:mlflow"]) { shared { practice { id } } } }`);
    expect(one.body.errors?.[0]?.extensions?.['argumentName']).toBe('toolIds');
  });
});

describe('recommendStack: a stack a team can defend', () => {
  const STACK = `tools { id } coveredPractices { id } coveredOnlyThroughDerivation { id } coverageRatio steps { alreadyRun tool { id } cells { confidence direct derivation } }`;
  interface Stack {
    tools: { id: string }[];
    coveredPractices: { id: string }[];
    coveredOnlyThroughDerivation: { id: string }[];
    coverageRatio: number | null;
    steps: { alreadyRun: boolean; tool: { id: string }; cells: { confidence: string; direct: boolean; derivation: string }[] }[];
  }
  const challengeIds = ['challenge:experiment-provenance', 'challenge:observability', 'challenge:feedback-loop'];

  it('covers only through stated or per-tool cells by default, and shows the derived reach apart', async () => {
    const { recommendStack: s } = await data<{ recommendStack: Stack }>(`query($c: [ID!]!) { recommendStack(challengeIds: $c) { ${STACK} } }`, { c: challengeIds });
    for (const step of s.steps) for (const c of step.cells) expect(c.confidence === 'STATED' || c.direct).toBe(true);
    const covered = new Set(s.coveredPractices.map((p) => p.id));
    for (const p of s.coveredOnlyThroughDerivation) expect(covered.has(p.id)).toBe(false);
    const { recommendStack: all } = await data<{ recommendStack: Stack }>(`query($c: [ID!]!) { recommendStack(challengeIds: $c, includeDerived: true) { ${STACK} } }`, { c: challengeIds });
    expect(all.coverageRatio!).toBeGreaterThanOrEqual(s.coverageRatio!);
    const derivedOnly = new Set(all.coveredOnlyThroughDerivation.map((p) => p.id));
    for (const id of derivedOnly) expect(all.coveredPractices.some((p) => p.id === id)).toBe(true);
  });

  it('counts the tools a team already runs as covered and never picks them', async () => {
    const { recommendStack: first } = await data<{ recommendStack: Stack }>(`query($c: [ID!]!) { recommendStack(challengeIds: $c, maxTools: 1) { ${STACK} } }`, { c: challengeIds });
    const run = first.tools[0]!.id;
    const { recommendStack: s } = await data<{ recommendStack: Stack }>(`query($c: [ID!]!, $have: [ID!]) { recommendStack(challengeIds: $c, haveToolIds: $have) { ${STACK} } }`, { c: challengeIds, have: [run] });
    expect(s.tools.map((t) => t.id)).not.toContain(run);
    expect(s.steps[0]).toMatchObject({ alreadyRun: true, tool: { id: run } });
  });
});
