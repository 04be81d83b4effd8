// The synthetic growth's texts (bench/vocabulary.ts, bench/generate.ts): deterministic, new, and
// shaped like the curated ones.
import { describe, expect, it } from 'vitest';
import { buildVocabulary, coinedWord, initialsOf, pick, syntheticName, syntheticSummary, weighted } from '../../bench/vocabulary.js';
import { prng, scaleDataset } from '../../bench/generate.js';
import { hashOf, type Dataset, type DatasetEntity, type DatasetRelation } from '../../src/seed/dataset.js';

const entity = (id: string, kind: DatasetEntity['kind'], name: string, summary: string | null, aliases: string[] = []): DatasetEntity => ({
  id, kind, name, summary, descriptions: [], toolType: null, aliases, attributes: {}, citations: [{ source: 'source:s', locator: 'p.1', confidence: 'STATED' }] as never,
});

const entities = [
  entity('source:s', 'SOURCE', 'A source', 'About things.'),
  entity('practice:a', 'PRACTICE', 'Continuous model monitoring', 'Watch the model in production for drift and errors.', ['CMM']),
  entity('practice:b', 'PRACTICE', 'Versioned data pipelines', 'Keep every dataset version so runs can be reproduced.'),
  entity('tool:k', 'TOOL', 'Kubeflow', null),
  entity('tool:f', 'TOOL', 'Feast', 'A feature store.'),
];
const relations: DatasetRelation[] = [{ id: 'SUPPORTS:tool:k->practice:a', type: 'SUPPORTS', from: 'tool:k', to: 'practice:a', level: null, note: null, citations: [] as never }];
const base: Dataset = { entities, relations, ledger: [] as never, contentHash: hashOf(entities, relations) };

describe('weighted picks', () => {
  it('picks in proportion to the counts', () => {
    const w = weighted(new Map([['a', 1], ['b', 3]]));
    const rand = prng(1);
    let b = 0;
    for (let i = 0; i < 4000; i++) if (pick(w, rand) === 'b') b += 1;
    expect(b / 4000).toBeGreaterThan(0.7);
    expect(b / 4000).toBeLessThan(0.8);
  });
  it('refuses an empty table', () => {
    expect(() => pick(weighted(new Map()), prng(1))).toThrow(/nothing/);
  });
});

describe('coined words', () => {
  it('are one-to-one with their number', () => {
    const words = new Set(Array.from({ length: 20000 }, (_, i) => coinedWord(i)));
    expect(words.size).toBe(20000);
    expect(coinedWord(5)).toMatch(/^[a-z]{4,}$/);
  });
});

describe('synthetic texts', () => {
  const vocab = buildVocabulary(entities);
  it('names several-word kinds with the kind\'s words, one-word kinds with a coined word', () => {
    const rand = prng(7);
    const names = Array.from({ length: 200 }, () => syntheticName(vocab, 'PRACTICE', rand, { pool: 1000, coinedShare: 0 }));
    const known = new Set(['continuous', 'model', 'monitoring', 'versioned', 'data', 'pipelines']);
    for (const n of names) {
      expect(n.split(' ').length).toBeGreaterThanOrEqual(2);
      for (const w of n.toLowerCase().split(' ')) expect(known.has(w)).toBe(true);
    }
    const tools = Array.from({ length: 200 }, () => syntheticName(vocab, 'TOOL', rand, { pool: 1000 }));
    expect(new Set(tools).size).toBeGreaterThan(195);
    expect(tools.every((t) => /^[A-Z]/.test(t))).toBe(true);
  });
  it('writes summaries from the summaries\' words, as long as the kind\'s, ending with a full stop', () => {
    const s = syntheticSummary(vocab, 'PRACTICE', prng(3), { pool: 1000, coinedShare: 0 })!;
    expect(s).toMatch(/^[A-Z].*\.$/);
    expect([9, 10]).toContain(s.split(' ').length);
    expect(syntheticSummary(vocab, 'SOURCE', prng(3), { pool: 10 })).toBeNull();
  });
  it('takes initials as an alias of a several-word name only', () => {
    expect(initialsOf('Continuous model monitoring')).toBe('CMM');
    expect(initialsOf('Kubeflow')).toBeNull();
  });
});

describe('scaleDataset', () => {
  it('is deterministic, keeps clone 0 and the kinds, and gives the new entities new names', () => {
    const a = scaleDataset(base, 50);
    const b = scaleDataset(base, 50);
    expect(a.contentHash).toBe(b.contentHash);
    for (const e of entities) expect(a.entities.find((x) => x.id === e.id)).toEqual(e);
    const copies = a.entities.filter((e) => e.id.startsWith('practice:a-x'));
    expect(copies).toHaveLength(49);
    expect(new Set(copies.map((c) => c.name)).size).toBeGreaterThan(40);
    expect(copies.every((c) => c.kind === 'PRACTICE' && c.name !== 'Continuous model monitoring')).toBe(true);
    // The relation mix: every clone's tool keeps its out-degree.
    expect(a.relations.filter((r) => r.type === 'SUPPORTS')).toHaveLength(50);
    expect(a.entities.filter((e) => e.kind === 'SOURCE')).toHaveLength(1);
  });
});
