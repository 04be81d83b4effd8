// The inputs each operation is measured with: a few of them per operation, rotated by the load
// generator, the same for every door. Picked from the curated dataset (where the answers are
// non-trivial) and mapped to clones spread over the whole scaled graph, so a ×1000 run touches all
// of it rather than one hot corner.
import type { Dataset } from '../src/seed/dataset.js';
import { cloneId } from './generate.js';
import type { OpInputs } from './ops.js';
import { PAGE_SIZE } from './ops.js';

export const INPUTS_PER_OP = 8;

export const SEARCH_TEXTS = [
  'monitoring',
  'feature store',
  'data drift',
  'model registry',
  'versoning', // a typo on purpose
  'continuous training pipeline',
  'explainability',
  'collaboration between data scientists',
];

/** The clone input k uses: 0 for the first, then spread evenly over the scale. */
function cloneFor(k: number, scale: number): number {
  return k === 0 ? 0 : Math.floor((k * scale) / INPUTS_PER_OP) % scale;
}

function topBy<T>(items: T[], score: (t: T) => number, n: number, id: (t: T) => string): T[] {
  return [...items].sort((a, b) => score(b) - score(a) || (id(a) < id(b) ? -1 : 1)).slice(0, n);
}

/** Undirected distances from `start` in the curated graph, up to `max` hops. */
function distances(base: Dataset, start: string, max: number): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const r of base.relations) {
    (adj.get(r.from) ?? adj.set(r.from, []).get(r.from)!).push(r.to);
    (adj.get(r.to) ?? adj.set(r.to, []).get(r.to)!).push(r.from);
  }
  const dist = new Map([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= max && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const n of frontier) for (const m of adj.get(n) ?? []) if (!dist.has(m)) (dist.set(m, d), next.push(m));
    frontier = next;
  }
  return dist;
}

/**
 * `base` is the curated dataset, `scaled` the graph under test (base ×scale, see generate.ts).
 */
export function pickInputs(base: Dataset, scaled: Dataset, scale: number): OpInputs {
  const K = INPUTS_PER_OP;
  const inDegree = (id: string, types: string[]) => base.relations.filter((r) => r.to === id && types.includes(r.type)).length;
  const outDegree = (id: string, types: string[]) => base.relations.filter((r) => r.from === id && types.includes(r.type)).length;
  const byKind = (kind: string) => base.entities.filter((e) => e.kind === kind);
  const challenges = topBy(byKind('CHALLENGE'), (c) => inDegree(c.id, ['ADDRESSES', 'RESOLVES']), K + 2, (c) => c.id).map((c) => c.id);
  const tools = topBy(byKind('TOOL'), (t) => outDegree(t.id, ['SUPPORTS']), 5, (t) => t.id).map((t) => t.id);
  const practices = topBy(byKind('PRACTICE'), (p) => inDegree(p.id, ['SUPPORTS']), 5, (p) => p.id).map((p) => p.id);

  // Tool -> challenge pairs three hops apart: "why is this tool related to that challenge?"
  const pairs: { fromId: string; toId: string }[] = [];
  for (const t of topBy(byKind('TOOL'), (x) => outDegree(x.id, ['SUPPORTS']), 40, (x) => x.id)) {
    const dist = distances(base, t.id, 3);
    const target = byKind('CHALLENGE').find((c) => dist.get(c.id) === 3 && !pairs.some((p) => p.toId === c.id));
    if (target) pairs.push({ fromId: t.id, toId: target.id });
    if (pairs.length === K) break;
  }

  // Page starts spread over the scaled challenge list, in the lists' order (sortKey, then id).
  const sorted = scaled.entities
    .filter((e) => e.kind === 'CHALLENGE')
    .map((e) => ({ sortKey: e.name.toLowerCase(), id: e.id }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pageStarts = Array.from({ length: K }, (_, k) => Math.floor((k * Math.max(0, sorted.length - PAGE_SIZE)) / K));

  const at = (k: number) => (id: string) => cloneId(id, cloneFor(k, scale));
  const ks = Array.from({ length: K }, (_, k) => k);
  return {
    practicesAddressing: ks.map((k) => ({ challengeId: at(k)(challenges[k % challenges.length]!) })),
    coverageFull: [{}],
    coverageFiltered: ks.map((k) => ({ toolIds: tools.map(at(k)), practiceIds: practices.map(at(k)) })),
    nestedList: ks.map((k) => ({ first: PAGE_SIZE, after: pageStarts[k]! === 0 ? null : sorted[pageStarts[k]! - 1]! })),
    search: SEARCH_TEXTS.map((text) => ({ text })),
    recommendStack: ks.map((k) => ({ challengeIds: [0, 1, 2].map((i) => at(k)(challenges[(k + i) % challenges.length]!)) })),
    paths: ks.map((k) => ({ fromId: at(k)(pairs[k % pairs.length]!.fromId), toId: at(k)(pairs[k % pairs.length]!.toId) })),
  };
}
