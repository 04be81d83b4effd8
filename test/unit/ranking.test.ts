// Ranking practices by the paths that link them to a challenge (src/analysis/ranking.ts).
import { describe, expect, it } from 'vitest';
import { practiceScore, rankPractices, viaOf } from '../../src/analysis/ranking.js';
import { cite, path } from './support/graph.js';

const C = 'challenge:drift';

describe('rankPractices', () => {
  it('puts a direct practice before one reached through a category, whatever the evidence', () => {
    const viaCategory = path(['practice:b', 'category:x', C], ['IN_CATEGORY', 'ADDRESSES'], [[cite('source:a', 'd1'), cite('source:b', 'd2')], [cite('source:c', 'd3')]]);
    const direct = path(['practice:z', C], ['ADDRESSES']);
    const ranked = rankPractices([viaCategory, direct]);
    expect(ranked.map((r) => r.practice.id)).toEqual(['practice:z', 'practice:b']);
    expect(ranked[0]).toMatchObject({ direct: true, via: ['DIRECT'], sourceCount: 1, citationCount: 1 });
    expect(ranked[1]).toMatchObject({ direct: false, via: ['VIA_CATEGORY'], sourceCount: 3, citationCount: 3 });
  });

  it('among equally direct practices, ranks by distinct sources, then citations, then name', () => {
    const twoSources = path(['practice:m', C], ['ADDRESSES'], [[cite('source:a', 'd1'), cite('source:b', 'd2')]]);
    const twoCitations = path(['practice:a', C], ['ADDRESSES'], [[cite('source:a', 'd3'), cite('source:a', 'd4')]]);
    const one = path(['practice:b', C], ['ADDRESSES']);
    const alsoOne = path(['practice:c', C], ['ADDRESSES']);
    expect(rankPractices([alsoOne, one, twoCitations, twoSources]).map((r) => r.practice.id)).toEqual(['practice:m', 'practice:a', 'practice:b', 'practice:c']);
  });

  it('counts a relation shared by two paths once, and keeps each distinct path once, shortest first', () => {
    const direct = path(['practice:p', C], ['ADDRESSES'], [[cite('source:a', 'same')]]);
    const longer = path(['practice:p', 'principle:q', C], ['IMPLEMENTS', 'ADDRESSES'], [[cite('source:a', 'i')], [cite('source:a', 'j')]]);
    const [r] = rankPractices([longer, direct, direct]);
    expect(r!.paths.map((p) => p.length)).toEqual([1, 2]);
    expect(r!.citationCount).toBe(3);
    expect(r!.via).toEqual(['DIRECT', 'VIA_PRINCIPLE']);
    expect(r!.score).toBe(practiceScore(true, 1, 3));
  });

  it('answers nothing for no paths', () => {
    expect(rankPractices([])).toEqual([]);
  });
});

describe('practiceScore and viaOf', () => {
  it('scores 100 for direct, 10 per source, and a citation fraction below 1', () => {
    expect(practiceScore(true, 2, 3)).toBe(120.75);
    expect(practiceScore(false, 1, 0)).toBe(10);
    expect(practiceScore(false, 0, 1000)).toBeLessThan(1);
  });

  it('names the kinds between practice and challenge', () => {
    expect(viaOf(path(['practice:p', C], ['ADDRESSES']))).toBe('DIRECT');
    expect(viaOf(path(['practice:p', 'solution:s', C, 'challenge:other'], ['CORRESPONDS_TO', 'RESOLVES', 'CORRESPONDS_TO']))).toBe('VIA_SOLUTION+CHALLENGE');
  });
});
