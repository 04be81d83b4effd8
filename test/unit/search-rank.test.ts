// Ordering search candidates as people expect (src/analysis/search-rank.ts).
import { describe, expect, it } from 'vitest';
import { normalise, rankCandidates, tierOf } from '../../src/analysis/search-rank.js';
import { entity } from './support/graph.js';

const withAliases = (id: string, name: string, aliases: string[]) => ({ ...entity(id, name), aliases });

describe('tierOf', () => {
  it('grades exact name, alias, name prefix, all words, alias words, some word', () => {
    const e = withAliases('tool:k', 'Kubernetes Engine', ['K8s']);
    expect(tierOf('kubernetes engine', e)).toBe(6);
    expect(tierOf('K8S', e)).toBe(5);
    expect(tierOf('kubern', e)).toBe(4);
    expect(tierOf('engine kubernetes', e)).toBe(3);
    expect(tierOf('engine kubrenetes', e)).toBe(3);
    expect(tierOf('k8', e)).toBe(2);
    expect(tierOf('engine pizza', e)).toBe(1);
    expect(tierOf('pizza', e)).toBe(0);
  });

  it('ignores punctuation and case', () => {
    expect(normalise('Neptune.ai')).toBe('neptune ai');
    expect(tierOf('neptuneai', entity('tool:n', 'Neptune.ai'))).toBe(6);
    expect(tierOf('CI CD', entity('practice:c', 'CI/CD'))).toBe(6);
  });
});

describe('rankCandidates', () => {
  const registry = entity('component:model-registry', 'Model registry');
  const sagemaker = entity('tool:sagemaker-model-registry', 'AWS SageMaker Model Registry');
  const other = entity('practice:x', 'Experiment tracking');

  it('puts the exact name first whatever the index scored', () => {
    const hits = rankCandidates('Model registry', [
      { entity: sagemaker, score: 9 },
      { entity: registry, score: 3 },
    ], 5);
    expect(hits.map((h) => h.entity.id)).toEqual(['component:model-registry', 'tool:sagemaker-model-registry']);
  });

  it('cuts off text-only hits when a name matches', () => {
    const hits = rankCandidates('Model registry', [
      { entity: registry, score: 10 },
      { entity: other, score: 1 },
    ], 5);
    expect(hits.map((h) => h.entity.id)).toEqual(['component:model-registry']);
  });

  it('keeps the order stable: equal scores by shorter name, then name, then id', () => {
    const a = entity('tool:b', 'Alpha');
    const b = entity('tool:a', 'Alpha');
    expect(rankCandidates('alpha', [{ entity: a, score: 1 }, { entity: b, score: 1 }], 5).map((h) => h.entity.id)).toEqual(['tool:a', 'tool:b']);
    expect(rankCandidates('anything', [], 5)).toEqual([]);
  });
});
