// Coverage cells from support paths (src/analysis/coverage.ts).
import { describe, expect, it } from 'vitest';
import { buildCells, coverageOf, derivedLevel, stackRoad, toolsOfCells } from '../../src/analysis/coverage.js';
import { cite, entity, path, relation } from './support/graph.js';

describe('buildCells', () => {
  it('makes one cell per tool and practice, direct when a SUPPORTS path of one hop exists, with its level', () => {
    const direct = { ...path(['tool:t', 'practice:p'], ['SUPPORTS']) };
    const withLevel = { ...direct, relations: [relation('SUPPORTS', 'tool:t', 'practice:p', [cite('source:a', 'd')], 'FULL')] };
    const derived = path(['tool:t', 'component:c', 'principle:x', 'practice:p'], ['SUPPORTS', 'IMPLEMENTS', 'CORRESPONDS_TO']);
    const cells = buildCells([derived, withLevel]);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ direct: true, level: 'FULL' });
    expect(cells[0]!.paths.map((p) => p.length)).toEqual([1, 3]);
  });

  it('labels a derived cell by the component on its path, else by the kind next to the tool', () => {
    expect(derivedLevel(path(['tool:t', 'component:c', 'practice:p'], ['SUPPORTS', 'CORRESPONDS_TO']))).toBe('DERIVED_VIA_COMPONENT');
    expect(derivedLevel(path(['tool:t', 'principle:x', 'practice:p'], ['SUPPORTS', '<CORRESPONDS_TO']))).toBe('DERIVED_VIA_PRINCIPLE');
    const cells = buildCells([path(['tool:t', 'principle:x', 'practice:p'], ['SUPPORTS', 'CORRESPONDS_TO'])]);
    expect(cells[0]).toMatchObject({ direct: false, level: 'DERIVED_VIA_PRINCIPLE' });
  });

  it('orders cells by tool name, then practice name', () => {
    const cells = buildCells([path(['tool:b', 'practice:a'], ['SUPPORTS']), path(['tool:a', 'practice:z'], ['SUPPORTS']), path(['tool:a', 'practice:m'], ['SUPPORTS'])]);
    expect(cells.map((c) => `${c.tool.id} ${c.practice.id}`)).toEqual(['tool:a practice:m', 'tool:a practice:z', 'tool:b practice:a']);
  });
});

describe('coverageOf', () => {
  it('keeps the cells inside the asked tools and practices, and lists practices with none', () => {
    const cells = buildCells([path(['tool:a', 'practice:x'], ['SUPPORTS']), path(['tool:b', 'practice:y'], ['SUPPORTS'])]);
    const model = coverageOf([entity('tool:a')], [entity('practice:y'), entity('practice:x')], cells);
    expect(model.cells.map((c) => c.practice.id)).toEqual(['practice:x']);
    expect(model.uncoveredPractices.map((p) => p.id)).toEqual(['practice:y']);
    expect(model.practices.map((p) => p.id)).toEqual(['practice:x', 'practice:y']);
    expect(toolsOfCells(cells).map((t) => t.id)).toEqual(['tool:a', 'tool:b']);
  });
});

describe('cell confidence and derivation', () => {
  it('takes the firmest path: its confidence (weakest hop) and how it derives', () => {
    const inferredDirect = path(['tool:t', 'practice:p'], ['SUPPORTS'], [[cite('source:a', 'x', 'INFERRED')]]);
    const statedDerived = path(['tool:t', 'component:c', 'practice:p'], ['SUPPORTS', 'CORRESPONDS_TO']);
    const [cell] = buildCells([inferredDirect, statedDerived]);
    expect(cell).toMatchObject({ confidence: 'STATED', derivation: 'VIA_COMPONENT', sound: true, direct: true, level: 'DIRECT' });
  });

  it('marks two generalising hops and catalogue sections as not sound', () => {
    const weak = path(['tool:t', 'component:c', 'principle:x', 'practice:p'], ['SUPPORTS', 'IMPLEMENTS', 'CORRESPONDS_TO']);
    expect(buildCells([weak])[0]).toMatchObject({ derivation: 'VIA_COMPONENT_AND_PRINCIPLE', sound: false });
    const section = path(['tool:t', 'category:s', 'practice:p'], ['IN_CATEGORY', 'COVERS'], [[cite('source:cat', 'l')], [cite('source:cat', 'm', 'INFERRED')]]);
    expect(buildCells([section])[0]).toMatchObject({ derivation: 'VIA_CATALOGUE_SECTION', sound: false, confidence: 'INFERRED', level: 'DERIVED_VIA_CATALOGUE_SECTION' });
  });

  it('filters paths by confidence and tools by type', () => {
    const inferred = path(['tool:t', 'practice:p'], ['SUPPORTS'], [[cite('source:a', 'x', 'INFERRED')]]);
    expect(buildCells([inferred], { minConfidence: 'STATED' })).toEqual([]);
    const t = path(['tool:t', 'practice:p'], ['SUPPORTS']);
    expect(buildCells([t], { toolTypes: ['PRODUCT'] })).toEqual([]);
    const product = { ...t, entities: [{ ...t.entities[0]!, toolType: 'PRODUCT' as const }, t.entities[1]!] };
    expect(buildCells([product], { toolTypes: ['PRODUCT'] })).toHaveLength(1);
  });
});

describe('a tool and its parts; the roads recommendStack rests on', () => {
  const viaPart = path(['tool:kubeflow', 'tool:kubeflow-pipelines', 'practice:p'], ['<PART_OF', 'SUPPORTS'], [[cite('source:a', 'part', 'INFERRED')], [cite('source:a', 's')]]);
  const viaPartComponent = path(['tool:kubeflow', 'tool:kserve', 'component:c', 'principle:x', 'practice:q'], ['<PART_OF', 'SUPPORTS', 'IMPLEMENTS', 'CORRESPONDS_TO']);
  const section = path(['tool:t', 'category:s', 'practice:p'], ['IN_CATEGORY', 'COVERS'], [[cite('source:cat', 'l')], [cite('source:cat', 'm', 'INFERRED')]]);
  const own = path(['tool:t', 'practice:p'], ['SUPPORTS'], [[cite('source:cat', 'row', 'INFERRED')]]);

  it('counts a part\'s support for the whole, marked as coming through the part (the part is on the path)', () => {
    const [cell] = buildCells([viaPart]);
    expect(cell).toMatchObject({ tool: { id: 'tool:kubeflow' }, derivation: 'VIA_PART', level: 'DERIVED_VIA_PART', sound: false, direct: false, confidence: 'INFERRED' });
    expect(cell!.paths[0]!.entities.map((e) => e.id)).toContain('tool:kubeflow-pipelines');
    expect(buildCells([viaPartComponent])[0]).toMatchObject({ derivation: 'VIA_PART' });
  });

  it('lets recommendStack rest on a tool\'s own support only: never a catalogue section\'s road, nor a part\'s', () => {
    expect([own, section, viaPart, viaPartComponent].map(stackRoad)).toEqual([true, false, false, false]);
    expect(stackRoad(path(['tool:t', 'component:c', 'practice:p'], ['SUPPORTS', 'CORRESPONDS_TO']))).toBe(true);
    // A tool listed under a mapped section, with no support of its own, has no cell for the stack.
    expect(buildCells([section].filter(stackRoad))).toEqual([]);
    expect(buildCells([section, own].filter(stackRoad))[0]).toMatchObject({ derivation: 'DIRECT', direct: true });
  });
});
