// The gaps, the tool comparison and the defensible stack (src/analysis/gaps.ts, compare.ts, stack.ts).
import { describe, expect, it } from 'vitest';
import { compareTools } from '../../src/analysis/compare.js';
import { buildCells } from '../../src/analysis/coverage.js';
import { gapsOf } from '../../src/analysis/gaps.js';
import { rankPractices } from '../../src/analysis/ranking.js';
import { greedyStack } from '../../src/analysis/stack.js';
import { cite, entity, path } from './support/graph.js';

const inferred = [[cite('source:a', 'i', 'INFERRED')]];

describe('gapsOf', () => {
  it('names the challenges no practice reaches and the practices no admitted tool supports', () => {
    const challenges = ['challenge:a', 'challenge:b', 'challenge:c'].map((id) => entity(id));
    const practices = ['practice:p', 'practice:q'].map((id) => entity(id));
    const addressing = [path(['practice:p', 'challenge:a'], ['ADDRESSES']), path(['practice:q', 'challenge:b'], ['ADDRESSES'], inferred)];
    const cells = buildCells([path(['tool:t', 'practice:p'], ['SUPPORTS'])]);
    const all = gapsOf(challenges, addressing, practices, cells, 'INFERRED', ['PRODUCT']);
    expect(all.challengesWithoutPractice.map((c) => c.id)).toEqual(['challenge:c']);
    expect(all.practicesWithoutTool.map((p) => p.id)).toEqual(['practice:q']);
    const stated = gapsOf(challenges, addressing, practices, cells, 'STATED', ['PRODUCT']);
    expect(stated.challengesWithoutPractice.map((c) => c.id)).toEqual(['challenge:b', 'challenge:c']);
  });
});

describe('compareTools', () => {
  it('puts practices two tools support in shared, with each cell, and the rest under the one tool', () => {
    const tools = ['tool:x', 'tool:y', 'tool:z'].map((id) => entity(id));
    const cells = buildCells([
      path(['tool:x', 'practice:both'], ['SUPPORTS']),
      path(['tool:y', 'practice:both'], ['SUPPORTS'], inferred),
      path(['tool:x', 'practice:only-x'], ['SUPPORTS']),
      path(['tool:z', 'component:k', 'practice:only-z'], ['SUPPORTS', 'CORRESPONDS_TO']),
    ]);
    const cmp = compareTools(tools, cells);
    expect(cmp.shared.map((s) => [s.practice.id, s.cells.map((c) => [c.tool.id, c.confidence]), s.missing.map((t) => t.id)])).toEqual([
      ['practice:both', [['tool:x', 'STATED'], ['tool:y', 'INFERRED']], ['tool:z']],
    ]);
    expect(cmp.tools.map((t) => [t.tool.id, t.only.map((c) => [c.practice.id, c.derivation]), t.practiceCount])).toEqual([
      ['tool:x', [['practice:only-x', 'DIRECT']], 2],
      ['tool:y', [], 1],
      ['tool:z', [['practice:only-z', 'VIA_COMPONENT']], 1],
    ]);
  });
});

describe('greedyStack, defensible by default', () => {
  const practices = rankPractices(['practice:p1', 'practice:p2'].map((p) => path([p, 'challenge:c'], ['ADDRESSES'])));
  const derived = path(['tool:wide', 'component:k', 'practice:p2'], ['SUPPORTS', 'CORRESPONDS_TO'], [inferred[0]!, inferred[0]!]);
  const cells = buildCells([path(['tool:wide', 'practice:p1'], ['SUPPORTS']), derived]);

  it('covers only through stated or per-tool cells, and lists what the stack only derives apart', () => {
    const stack = greedyStack(practices, cells, { maxTools: 3 });
    expect(stack.coveredPractices.map((p) => p.id)).toEqual(['practice:p1']);
    expect(stack.coveredOnlyThroughDerivation.map((p) => p.id)).toEqual(['practice:p2']);
  });

  it('with includeDerived, covers through derivation and says which covered practices rest on it alone', () => {
    const stack = greedyStack(practices, cells, { maxTools: 3, includeDerived: true });
    expect(stack.coveredPractices.map((p) => p.id)).toEqual(['practice:p1', 'practice:p2']);
    expect(stack.coveredOnlyThroughDerivation.map((p) => p.id)).toEqual(['practice:p2']);
  });

  it('breaks a tie toward the tool more sources name', () => {
    const named = (id: string, sources: string[]) => ({ ...entity(id), citations: sources.map((s) => cite(s, id)) });
    const one = buildCells([path(['tool:a', 'practice:p1'], ['SUPPORTS'])]).map((c) => ({ ...c, tool: named('tool:a', ['source:a']) }));
    const two = buildCells([path(['tool:b', 'practice:p1'], ['SUPPORTS'])]).map((c) => ({ ...c, tool: named('tool:b', ['source:a', 'source:b']) }));
    expect(greedyStack(practices, [...one, ...two], { maxTools: 1 }).tools.map((t) => t.id)).toEqual(['tool:b']);
  });
});
