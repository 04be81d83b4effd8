// Paths: built from rows, ordered, deduplicated, and their evidence (src/analysis/paths.ts).
import { describe, expect, it } from 'vitest';
import { byLengthThenKey, byName, citationsOfPaths, dedupePaths, entitiesOf, toPaths } from '../../src/analysis/paths.js';
import type { EntityRow, RelationRow } from '../../src/domain/stored-form.js';
import { cite, entity, path } from './support/graph.js';

describe('path order', () => {
  it('puts shorter paths first, then orders by the ids along them', () => {
    const long = path(['practice:a', 'category:x', 'challenge:c'], ['IN_CATEGORY', 'ADDRESSES']);
    const b = path(['practice:b', 'challenge:c'], ['ADDRESSES']);
    const a = path(['practice:a', 'challenge:c'], ['ADDRESSES']);
    expect([long, b, a].sort(byLengthThenKey)).toEqual([a, b, long]);
    expect(dedupePaths([long, a, b, a])).toEqual([a, b, long]);
  });

  it('orders entities by case-insensitive name, then id', () => {
    const list = [entity('tool:b', 'beta'), entity('tool:a2', 'Alpha'), entity('tool:a1', 'alpha')];
    expect(list.sort(byName).map((e) => e.id)).toEqual(['tool:a1', 'tool:a2', 'tool:b']);
  });
});

describe('evidence of paths', () => {
  it('counts each relation once and each citation once', () => {
    const shared = [cite('source:a', 'd1')];
    const p1 = path(['practice:a', 'challenge:c'], ['ADDRESSES'], [shared]);
    const p2 = path(['practice:a', 'challenge:c'], ['ADDRESSES'], [shared]);
    const p3 = path(['practice:b', 'challenge:c'], ['ADDRESSES'], [[cite('source:a', 'd1'), cite('source:b', 'd2')]]);
    expect(citationsOfPaths([p1, p2, p3]).map((c) => c.digestId)).toEqual(['d1', 'd2']);
    expect(entitiesOf([p1, p3]).map((e) => e.id).sort()).toEqual(['challenge:c', 'practice:a', 'practice:b']);
  });
});

describe('toPaths', () => {
  const row = (id: string): EntityRow => ({ id, kind: 'PRACTICE', name: id, summary: null, descriptionsJson: null, toolType: null, aliases: null, attributesJson: null, citationsJson: null, confidence: 'STATED' });
  const rel: RelationRow = { id: 'r1', type: 'ADDRESSES', from: 'practice:a', to: 'challenge:c', level: null, note: null, citationsJson: '[]', confidence: 'INFERRED' };

  it('shares one model per entity across paths', () => {
    const [p1, p2] = toPaths([{ nodes: ['practice:a', 'challenge:c'], rels: ['r1'] }, { nodes: ['practice:a'], rels: [] }], [row('practice:a'), row('challenge:c')], [rel]);
    expect(p1!.entities[0]).toBe(p2!.entities[0]);
    expect(p1!.length).toBe(1);
    expect(p1!.relations[0]!.confidence).toBe('INFERRED');
  });

  it('refuses a path that names an entity the query did not return', () => {
    expect(() => toPaths([{ nodes: ['practice:missing'], rels: [] }], [], [])).toThrow(/practice:missing/);
  });
});
