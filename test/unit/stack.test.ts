// recommendStack's greedy cover (src/analysis/stack.ts).
import { describe, expect, it } from 'vitest';
import { buildCells } from '../../src/analysis/coverage.js';
import { rankPractices } from '../../src/analysis/ranking.js';
import { greedyStack } from '../../src/analysis/stack.js';
import { cite, path } from './support/graph.js';

const C = 'challenge:c';
const practices = rankPractices(['practice:p1', 'practice:p2', 'practice:p3'].map((p) => path([p, C], ['ADDRESSES'])));

describe('greedyStack', () => {
  it('takes the tool that covers most uncovered practices first, and stops when nothing is added', () => {
    const cells = buildCells([path(['tool:small', 'practice:p1'], ['SUPPORTS']), path(['tool:big', 'practice:p1'], ['SUPPORTS']), path(['tool:big', 'practice:p2'], ['SUPPORTS'])]);
    const stack = greedyStack(practices, cells, { maxTools: 5 });
    expect(stack.tools.map((t) => t.id)).toEqual(['tool:big']);
    expect(stack.steps[0]!.newlyCovered.map((p) => p.id)).toEqual(['practice:p1', 'practice:p2']);
    expect(stack.uncoveredPractices.map((p) => p.id)).toEqual(['practice:p3']);
    expect(stack.coverageRatio).toBeCloseTo(2 / 3);
    expect(stack.reason).toMatch(/1 of 3 practices stay uncovered/);
    expect(stack.coverableByTools.map((p) => p.id)).toEqual(['practice:p3']);
  });

  it('breaks a tie toward stated, then direct support, never toward more citations', () => {
    const manyInferred = [[cite('source:a', 'x', 'INFERRED'), cite('source:b', 'y', 'INFERRED'), cite('source:c', 'z', 'INFERRED')]];
    const cells = buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS'], manyInferred), path(['tool:z', 'practice:p1'], ['SUPPORTS'], [[cite('source:a', 's')]])]);
    expect(greedyStack(practices, cells, { maxTools: 1 }).tools.map((t) => t.id)).toEqual(['tool:z']);
    const derived = path(['tool:a', 'component:c', 'practice:p1'], ['SUPPORTS', 'CORRESPONDS_TO']);
    const direct = path(['tool:z', 'practice:p1'], ['SUPPORTS']);
    expect(greedyStack(practices, buildCells([derived, direct]), { maxTools: 1 }).tools.map((t) => t.id)).toEqual(['tool:z']);
    const even = buildCells([path(['tool:b', 'practice:p1'], ['SUPPORTS']), path(['tool:a', 'practice:p1'], ['SUPPORTS'])]);
    expect(greedyStack(practices, even, { maxTools: 1 }).tools.map((t) => t.id)).toEqual(['tool:a']);
  });

  it('counts the tools a team already runs first, and recommends only what they leave', () => {
    const cells = buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS']), path(['tool:a', 'practice:p2'], ['SUPPORTS']), path(['tool:b', 'practice:p3'], ['SUPPORTS']), path(['tool:run', 'practice:p1'], ['SUPPORTS'])]);
    const stack = greedyStack(practices, cells, { maxTools: 5, have: ['tool:run'] });
    expect(stack.steps.map((s) => [s.tool.id, s.alreadyRun])).toEqual([
      ['tool:run', true],
      ['tool:a', false],
      ['tool:b', false],
    ]);
    expect(stack.tools.map((t) => t.id)).toEqual(['tool:a', 'tool:b']);
    expect(stack.steps[1]!.newlyCovered.map((p) => p.id)).toEqual(['practice:p2']);
    expect(stack.coverageRatio).toBe(1);
    expect(stack.reason).toBeNull();
  });

  it('answers a null ratio with a reason when no practice addresses the challenges, never 1', () => {
    const stack = greedyStack([], buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS'])]), { maxTools: 5 });
    expect(stack.coverageRatio).toBeNull();
    expect(stack.reason).toMatch(/No practice/);
    expect(stack.tools).toEqual([]);
  });

  it('splits what stays uncovered into what a tool could cover and organisational practices', () => {
    const cells = buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS']), path(['tool:b', 'practice:p2'], ['SUPPORTS'])]);
    const stack = greedyStack(practices, cells, { maxTools: 1, organisational: new Set(['practice:p3']) });
    expect(stack.coverableByTools.map((p) => p.id)).toEqual(['practice:p2']);
    expect(stack.uncoveredPractices.map((p) => p.id)).toEqual(['practice:p2', 'practice:p3']);
    expect(stack.organisational.map((p) => p.id)).toEqual(['practice:p3']);
  });

  it('stops at maxTools and ignores cells of practices not asked for', () => {
    const cells = buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS']), path(['tool:b', 'practice:p2'], ['SUPPORTS']), path(['tool:c', 'practice:other'], ['SUPPORTS'])]);
    expect(greedyStack(practices, cells, { maxTools: 1 }).tools).toHaveLength(1);
    expect(greedyStack(practices, cells, { maxTools: 5 }).tools.map((t) => t.id)).toEqual(['tool:a', 'tool:b']);
  });
});
