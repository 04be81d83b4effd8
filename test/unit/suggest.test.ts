// "Did you mean" for unknown ids (src/analysis/suggest.ts).
import { describe, expect, it } from 'vitest';
import { nearestIds } from '../../src/analysis/suggest.js';

const known = ['challenge:concept-drift', 'challenge:data-quality', 'challenge:observability', 'challenge:model-drift-detection', 'challenge:team-silos'];

describe('nearestIds', () => {
  it('suggests the ids that share words with the unknown one, nearest first', () => {
    const near = nearestIds('challenge:data-drift', known);
    expect(near.slice(0, 3)).toEqual(expect.arrayContaining(['challenge:concept-drift', 'challenge:data-quality']));
    expect(near).not.toContain('challenge:team-silos');
  });

  it('finds a typo and a half-remembered word', () => {
    expect(nearestIds('challenge:observabilty', known)[0]).toBe('challenge:observability');
    expect(nearestIds('challenge:silos', known)[0]).toBe('challenge:team-silos');
  });

  it('suggests nothing for an id that shares nothing', () => {
    expect(nearestIds('challenge:zzzz-qqqq', known)).toEqual([]);
  });
});
