// Ranking practices by the evidence of the paths that link them to a challenge (src/analysis/ranking.ts).
import { describe, expect, it } from 'vitest';
import { practiceScore, rankPractices, strengthOf, viaOf } from '../../src/analysis/ranking.js';
import { cite, path } from './support/graph.js';

const C = 'challenge:drift';
const stated = (d: string, source = 'source:a') => [cite(source, d, 'STATED')];
const inferred = (d: string, source = 'source:a') => [cite(source, d, 'INFERRED')];

describe('rankPractices', () => {
  it('never ranks an all-INFERRED practice above a STATED one, however direct', () => {
    const inferredDirect = path(['practice:a', C], ['ADDRESSES'], [inferred('x', 'source:b')]);
    const statedViaCategory = path(['practice:z', 'category:k', C], ['IN_CATEGORY', 'ADDRESSES'], [stated('k1'), stated('k2')]);
    const ranked = rankPractices([inferredDirect, statedViaCategory]);
    expect(ranked.map((r) => r.practice.id)).toEqual(['practice:z', 'practice:a']);
    expect(ranked[0]).toMatchObject({ confidence: 'STATED', strength: 'WEAK', direct: false });
    expect(ranked[1]).toMatchObject({ confidence: 'INFERRED', strength: 'DIRECT', direct: true });
  });

  it('at equal confidence, puts direct before a corresponding challenge before a weak road', () => {
    const weak = path(['practice:a', 'principle:p', C], ['IMPLEMENTS', 'ADDRESSES'], [stated('1'), stated('2')]);
    const sound = path(['practice:b', 'challenge:same', C], ['ADDRESSES', 'CORRESPONDS_TO'], [stated('3'), stated('4')]);
    const direct = path(['practice:c', C], ['ADDRESSES'], [stated('5')]);
    expect(rankPractices([weak, sound, direct]).map((r) => [r.practice.id, r.strength])).toEqual([
      ['practice:c', 'DIRECT'],
      ['practice:b', 'SOUND'],
      ['practice:a', 'WEAK'],
    ]);
  });

  it('counts statements, not edges: one sentence expanded into several edges is one statement', () => {
    const sameSentence = [cite('source:a', 'one-sentence')];
    const expanded = [
      path(['practice:a', C], ['ADDRESSES'], [sameSentence]),
      path(['practice:a', 'challenge:other', C], ['ADDRESSES', 'CORRESPONDS_TO'], [sameSentence, sameSentence]),
    ];
    const twoStatements = path(['practice:b', C], ['ADDRESSES'], [[cite('source:a', 's1'), cite('source:a', 's2')]]);
    const ranked = rankPractices([...expanded, twoStatements]);
    expect(ranked.map((r) => [r.practice.id, r.statementCount])).toEqual([
      ['practice:b', 2],
      ['practice:a', 1],
    ]);
  });

  it('ranks more distinct sources first, and ties only where the evidence is the same, then by id', () => {
    const twoSources = path(['practice:m', C], ['ADDRESSES'], [[cite('source:a', 'd1'), cite('source:b', 'd2')]]);
    const same1 = path(['practice:c', C], ['ADDRESSES'], [stated('d3')]);
    const same2 = path(['practice:b', C], ['ADDRESSES'], [stated('d4')]);
    const ranked = rankPractices([same1, same2, twoSources]);
    expect(ranked.map((r) => r.practice.id)).toEqual(['practice:m', 'practice:b', 'practice:c']);
    expect(ranked[1]!.score).toBe(ranked[2]!.score);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('keeps only paths stated at every hop with minConfidence STATED', () => {
    const mixed = path(['practice:a', 'category:k', C], ['IN_CATEGORY', 'ADDRESSES'], [stated('1'), inferred('2')]);
    const ok = path(['practice:b', C], ['ADDRESSES'], [stated('3')]);
    expect(rankPractices([mixed, ok], 'STATED').map((r) => r.practice.id)).toEqual(['practice:b']);
    expect(rankPractices([mixed, ok]).map((r) => r.practice.id)).toEqual(['practice:b', 'practice:a']);
  });

  it('keeps each distinct path once, shortest first, and answers nothing for no paths', () => {
    const direct = path(['practice:p', C], ['ADDRESSES'], [stated('same')]);
    const longer = path(['practice:p', 'principle:q', C], ['IMPLEMENTS', 'ADDRESSES'], [stated('i'), stated('j')]);
    const [r] = rankPractices([longer, direct, direct]);
    expect(r!.paths.map((p) => p.length)).toEqual([1, 2]);
    expect(r!.via).toEqual(['DIRECT', 'VIA_PRINCIPLE']);
    expect(rankPractices([])).toEqual([]);
  });
});

describe('practiceScore, strengthOf and viaOf', () => {
  it('orders confidence over road over sources over statements', () => {
    expect(practiceScore('STATED', 'WEAK', 0, 0)).toBeGreaterThan(practiceScore('INFERRED', 'DIRECT', 9, 1000));
    expect(practiceScore('STATED', 'SOUND', 0, 0)).toBeGreaterThan(practiceScore('STATED', 'WEAK', 9, 1000));
    expect(practiceScore('STATED', 'DIRECT', 2, 3)).toBe(1000 + 200 + 20 + 0.75);
  });

  it('grades the roads of seed/README.md §9', () => {
    expect(strengthOf(path(['practice:p', C], ['ADDRESSES']))).toBe('DIRECT');
    expect(strengthOf(path(['practice:p', 'challenge:x', C], ['ADDRESSES', 'CORRESPONDS_TO']))).toBe('SOUND');
    expect(strengthOf(path(['practice:p', 'challenge:x', C], ['ADDRESSES', 'PARTLY_OVERLAPS']))).toBe('WEAK');
    expect(strengthOf(path(['practice:p', 'solution:s', C], ['CORRESPONDS_TO', 'RESOLVES']))).toBe('WEAK');
  });

  it('names the kinds between practice and challenge', () => {
    expect(viaOf(path(['practice:p', C], ['ADDRESSES']))).toBe('DIRECT');
    expect(viaOf(path(['practice:p', 'solution:s', C, 'challenge:other'], ['CORRESPONDS_TO', 'RESOLVES', 'CORRESPONDS_TO']))).toBe('VIA_SOLUTION+CHALLENGE');
  });
});

describe('agreement, the crosswalk and relevance', () => {
  it('counts the sources that make the link, through the same notion in another source words', () => {
    // practice:e (source a) and practice:s (source b) are one notion; b says s addresses challenge:c2, the same as C.
    const own = path(['practice:e', C], ['ADDRESSES'], [stated('a1')]);
    const crosswalk = path(['practice:e', 'practice:s', 'challenge:c2', C], ['CORRESPONDS_TO', 'ADDRESSES', 'CORRESPONDS_TO'], [
      [cite('source:a', 'x1'), cite('source:b', 'x2')],
      [cite('source:b', 'b1')],
      [cite('source:a', 'x3'), cite('source:b', 'x4')],
    ]);
    const alone = path(['practice:f', C], ['ADDRESSES'], [[cite('source:a', 'f1'), cite('source:a', 'f2'), cite('source:a', 'f3')]]);
    expect(strengthOf(crosswalk)).toBe('SOUND');
    const ranked = rankPractices([own, crosswalk, alone]);
    expect(ranked.map((r) => [r.practice.id, r.agreement])).toEqual([
      ['practice:e', 2],
      ['practice:f', 1],
    ]);
  });

  it('does not read a crosswalk to another kind, or two addressing hops, as the same notion', () => {
    expect(strengthOf(path(['practice:p', 'principle:q', C], ['CORRESPONDS_TO', 'ADDRESSES']))).toBe('WEAK');
    expect(strengthOf(path(['practice:p', 'practice:q', C], ['PARTLY_OVERLAPS', 'ADDRESSES']))).toBe('WEAK');
  });

  it('orders equal evidence by text relevance, shown apart from the score', () => {
    const withText = (p: ReturnType<typeof path>, names: string[]) => ({
      ...p,
      entities: p.entities.map((e, i) => ({ ...e, name: names[i] ?? e.name })),
    });
    const monitoring = withText(path(['practice:z-monitor', C], ['ADDRESSES'], [stated('m')]), ['Monitor drift in production', 'Drift goes unseen in production']);
    const teams = withText(path(['practice:a-teams', C], ['ADDRESSES'], [stated('t')]), ['Balanced teams', 'Drift goes unseen in production']);
    const ranked = rankPractices([teams, monitoring]);
    expect(ranked.map((r) => r.practice.id)).toEqual(['practice:z-monitor', 'practice:a-teams']);
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
    expect(ranked[0]!.relevance).toBeGreaterThan(ranked[1]!.relevance);
  });
});
