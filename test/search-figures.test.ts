// Search as people type, measured over every entity of the seed (README.md reports the figures):
//   exact name at rank 1 (entities that share a name share rank 1): 100 %;
//   each alias within the top 3: at least 99 %;
//   the name cut to its first 60 % within the top 5: at least 98 %;
//   two adjacent letters of the name's longest word swapped, within the top 5: at least 98 %.
// Plus the cases users met: exact component over a product that contains its name, a product over its
// parts, punctuation in names, type-ahead, aliases people type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { gql, SEED_DIR, startTestService } from './support/neo4j.js';
import { fewAtATime } from './support/pool.js';

let service: RunningService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
});

async function search(text: string, first = 5): Promise<string[]> {
  const res = await gql<{ search: { entity: { id: string; name: string } }[] }>(service.url, 'query($t: String!, $f: Int) { search(text: $t, first: $f) { entity { id name } } }', { t: text, f: first });
  if (!res.body.data) throw new Error(`search ${JSON.stringify(text)}: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.search.map((h) => h.entity.id);
}

const longestWord = (name: string) => (name.match(/[\p{L}\p{N}]+/gu) ?? []).sort((a, b) => b.length - a.length)[0] ?? '';
/** The name with two adjacent letters of its longest word swapped (the middle pair), or null when no swap changes it. */
function swapped(name: string): string | null {
  const w = longestWord(name);
  if (w.length < 4) return null;
  const i = Math.floor(w.length / 2) - 1;
  if (w[i] === w[i + 1]) return null;
  return name.replace(w, w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
}

describe('search figures over every entity of the seed', () => {
  it('finds names, aliases, half-typed names and one-swap typos where people expect them', { timeout: 600_000 }, async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const byName = new Map<string, Set<string>>();
    for (const e of ds.entities) byName.set(e.name.toLowerCase(), (byName.get(e.name.toLowerCase()) ?? new Set()).add(e.id));

    const exact = await fewAtATime(ds.entities, async (e) => {
      const [top] = await search(e.name, 1);
      return top !== undefined && byName.get(e.name.toLowerCase())!.has(top);
    });
    const aliasCases = ds.entities.flatMap((e) => e.aliases.filter((a) => a.toLowerCase() !== e.name.toLowerCase()).map((a) => ({ e, a })));
    const alias = await fewAtATime(aliasCases, async ({ e, a }) => (await search(a, 3)).includes(e.id));
    const prefix = await fewAtATime(ds.entities, async (e) => (await search(e.name.slice(0, Math.max(1, Math.ceil(e.name.length * 0.6))), 5)).includes(e.id));
    const typoCases = ds.entities.flatMap((e) => {
      const t = swapped(e.name);
      return t ? [{ e, t }] : [];
    });
    const typo = await fewAtATime(typoCases, async ({ e, t }) => (await search(t, 5)).includes(e.id));

    const share = (xs: boolean[]) => (100 * xs.filter(Boolean).length) / xs.length;
    const figures = {
      exactNameAtRank1: share(exact),
      aliasInTop3: share(alias),
      sixtyPercentPrefixInTop5: share(prefix),
      swappedLettersInTop5: share(typo),
      cases: { names: exact.length, aliases: alias.length, typos: typo.length },
    };
    console.log('search figures (%):', JSON.stringify(figures));
    const missed = (xs: boolean[], items: { id: string; name: string }[]) => items.filter((_, i) => !xs[i]).map((e) => e.id);
    expect(missed(exact, ds.entities)).toEqual([]);
    expect(figures.aliasInTop3).toBeGreaterThanOrEqual(99);
    expect(figures.sixtyPercentPrefixInTop5).toBeGreaterThanOrEqual(98);
    expect(figures.swappedLettersInTop5).toBeGreaterThanOrEqual(98);
  });
});

describe('search: the cases users met', () => {
  it('puts the component named exactly "Model registry" above products that contain the words', async () => {
    const [top] = await search('Model registry');
    expect(top).toMatch(/^component:/);
  });

  it('puts Kubeflow above its parts, and finds names with punctuation', async () => {
    expect((await search('Kubeflow'))[0]).toBe('tool:kubeflow');
    expect(await search('Neptune.ai')).not.toEqual([]);
    expect(await search('CI/CD')).not.toEqual([]);
  });

  it('finds what people type ahead, and aliases such as k8s', async () => {
    expect((await search('reproducib', 3)).some((id) => id.includes('reproducib'))).toBe(true);
    expect((await search('k8s', 3))[0]).toBe('tool:kubernetes');
  });

  it('cuts off hits far below the best instead of padding the list', async () => {
    const hits = await search('Kubernetes', 10);
    expect(hits[0]).toBe('tool:kubernetes');
    expect(hits.length).toBeLessThan(10);
  });
});
