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
    const cells = buildCells([
      path(['tool:small', 'practice:p1'], ['SUPPORTS']),
      path(['tool:big', 'practice:p1'], ['SUPPORTS']),
      path(['tool:big', 'practice:p2'], ['SUPPORTS']),
    ]);
    const stack = greedyStack(practices, cells, 5);
    expect(stack.tools.map((t) => t.id)).toEqual(['tool:big']);
    expect(stack.steps[0]!.newlyCovered.map((p) => p.id)).toEqual(['practice:p1', 'practice:p2']);
    expect(stack.uncoveredPractices.map((p) => p.id)).toEqual(['practice:p3']);
    expect(stack.coverageRatio).toBeCloseTo(2 / 3);
  });

  it('breaks a tie in coverage toward more evidence, then the smaller id', () => {
    const evidence = [[cite('source:a', 'x'), cite('source:b', 'y')]];
    const cells = buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS']), path(['tool:z', 'practice:p1'], ['SUPPORTS'], evidence), path(['tool:b', 'practice:p2'], ['SUPPORTS'])]);
    expect(greedyStack(practices, cells, 1).tools.map((t) => t.id)).toEqual(['tool:z']);
    const even = buildCells([path(['tool:b', 'practice:p1'], ['SUPPORTS']), path(['tool:a', 'practice:p1'], ['SUPPORTS'])]);
    expect(greedyStack(practices, even, 1).tools.map((t) => t.id)).toEqual(['tool:a']);
  });

  it('stops at maxTools and ignores cells of practices not asked for', () => {
    const cells = buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS']), path(['tool:b', 'practice:p2'], ['SUPPORTS']), path(['tool:c', 'practice:other'], ['SUPPORTS'])]);
    const stack = greedyStack(practices, cells, 1);
    expect(stack.tools).toHaveLength(1);
    expect(greedyStack(practices, cells, 5).tools.map((t) => t.id)).toEqual(['tool:a', 'tool:b']);
  });
});
