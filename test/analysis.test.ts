// The analysis queries of issue 4 (search, practicesAddressing, coverage, recommendStack, paths,
// stats) over HTTP against the real Neo4j seeded from seed/. Every expectation is computed from the
// seed files themselves (the papers' tables as curated), never typed in by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/graphql/context.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../src/domain/ontology.js';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset, type Dataset, type DatasetRelation } from '../src/seed/index.js';
import { gql, SEED_DIR, startTestService } from './support/neo4j.js';

let service: RunningService;
let url: string;
let dataset: Dataset;

beforeAll(async () => {
  service = await startTestService();
  url = service.url;
  dataset = await loadSeedDataset(SEED_DIR);
});

afterAll(async () => {
  await service?.stop();
});

// ---- helpers over the seed ----------------------------------------------------------------------

interface GqlCitation {
  source: { id: string };
  locator: string;
  digestId: string;
  confidence: string;
}

const CITATION = `citations { source { id } locator digestId confidence }`;
const PATH = `length entities { id kind } relations { id type from { id } to { id } level ${CITATION} }`;

interface GqlPath {
  length: number;
  entities: { id: string; kind: string }[];
  relations: { id: string; type: string; from: { id: string }; to: { id: string }; level: string | null; citations: GqlCitation[] }[];
}

const citeKey = (c: { source: string; locator: string; digestId: string }) => JSON.stringify([c.source, c.locator, c.digestId]);
const gqlCiteKey = (c: GqlCitation) => citeKey({ source: c.source.id, locator: c.locator, digestId: c.digestId });

function relationsOf(type: string, pred: (r: DatasetRelation) => boolean = () => true): DatasetRelation[] {
  return dataset.relations.filter((r) => r.type === type && pred(r));
}

const kindOf = (id: string) => dataset.entities.find((e) => e.id === id)?.kind;
const isKind = (id: string, kind: string) => kindOf(id) === kind;
const relationById = () => new Map(dataset.relations.map((r) => [r.id, r]));

/** Both ends of an undirected relation, as [this end, other end]. */
function neighbours(id: string, types: readonly string[]): { other: string; rel: DatasetRelation }[] {
  return dataset.relations
    .filter((r) => types.includes(r.type) && (r.from === id || r.to === id))
    .map((r) => ({ other: r.from === id ? r.to : r.from, rel: r }));
}

/**
 * The practices that address a challenge along the roads schema/analysis.graphql documents,
 * computed from the seed: direct ADDRESSES; IN_CATEGORY → category ADDRESSES; IMPLEMENTS or
 * CORRESPONDS_TO → x ADDRESSES; CORRESPONDS_TO or PARTLY_OVERLAPS → solution RESOLVES; each also at
 * a challenge that CORRESPONDS_TO, is NARROWER_THAN or PARTLY_OVERLAPS the asked one (either way).
 * Returns practice id → direct?
 */
function expectedAddressing(challengeId: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const add = (p: string, direct: boolean) => out.set(p, (out.get(p) ?? false) || direct);
  const targets = [
    { id: challengeId, eq: false },
    ...neighbours(challengeId, ['CORRESPONDS_TO', 'NARROWER_THAN', 'PARTLY_OVERLAPS'])
      .filter((n) => isKind(n.other, 'CHALLENGE'))
      .map((n) => ({ id: n.other, eq: true })),
  ];
  for (const t of targets) {
    for (const r of relationsOf('ADDRESSES', (r) => r.to === t.id)) {
      if (isKind(r.from, 'PRACTICE')) add(r.from, !t.eq);
      if (isKind(r.from, 'CATEGORY')) {
        for (const m of relationsOf('IN_CATEGORY', (m) => m.to === r.from && isKind(m.from, 'PRACTICE'))) add(m.from, false);
      }
      for (const n of neighbours(r.from, ['IMPLEMENTS', 'CORRESPONDS_TO'])) if (isKind(n.other, 'PRACTICE')) add(n.other, false);
    }
    for (const r of relationsOf('RESOLVES', (r) => r.to === t.id)) {
      for (const n of neighbours(r.from, ['PARTLY_OVERLAPS', 'CORRESPONDS_TO'])) if (isKind(n.other, 'PRACTICE')) add(n.other, false);
    }
  }
  return out;
}

/** Eken et al.'s Fig. 4: the category → challenge ADDRESSES edges of seed/eken2024/practices.relations.json. */
function fig4Edges(): { from: string; to: string }[] {
  const file = JSON.parse(readFileSync(path.join(SEED_DIR, 'eken2024', 'practices.relations.json'), 'utf8')) as {
    relations: { type: string; from: string; to: string; citations: { locator: string }[] }[];
  };
  return file.relations.filter(
    (r) => r.type === 'ADDRESSES' && r.from.startsWith('category:') && r.to.startsWith('challenge:') && r.citations.some((c) => c.locator.includes('Fig. 4')),
  );
}

/** Every (tool, practice) pair the coverage semantics give (schema/analysis.graphql), from the seed, with whether a source states it. */
/** The cells coverage derives; `roads`: whether a catalogue section's and a part's road count (recommendStack: neither). */
function expectedCells(roads: { sections: boolean; parts: boolean } = { sections: true, parts: true }): Map<string, { direct: boolean; level: string | null }> {
  const cells = new Map<string, { direct: boolean; level: string | null }>();
  const key = (t: string, p: string) => `${t} ${p}`;
  for (const s of relationsOf('SUPPORTS', (r) => isKind(r.from, 'TOOL'))) {
    if (isKind(s.to, 'PRACTICE')) cells.set(key(s.from, s.to), { direct: true, level: s.level });
  }
  const derive = (tool: string, practice: string) => {
    if (!cells.has(key(tool, practice))) cells.set(key(tool, practice), { direct: false, level: null });
  };
  // A tool's own roads; `as` is the tool credited: the tool itself, or the whole it is PART_OF.
  const ownRoads = (tool: string, as: string) => {
    for (const s of relationsOf('SUPPORTS', (r) => r.from === tool)) {
      const x = s.to;
      if (isKind(x, 'PRACTICE') && as !== tool) derive(as, x);
      if (isKind(x, 'COMPONENT') || isKind(x, 'PRINCIPLE')) {
        for (const n of neighbours(x, ['CORRESPONDS_TO'])) if (isKind(n.other, 'PRACTICE')) derive(as, n.other);
      }
      if (isKind(x, 'COMPONENT')) {
        for (const i of relationsOf('IMPLEMENTS', (r) => r.from === x && isKind(r.to, 'PRINCIPLE'))) {
          for (const n of neighbours(i.to, ['CORRESPONDS_TO'])) if (isKind(n.other, 'PRACTICE')) derive(as, n.other);
        }
      }
    }
  };
  for (const t of new Set(relationsOf('SUPPORTS', (r) => isKind(r.from, 'TOOL')).map((r) => r.from))) ownRoads(t, t);
  // A part's support counts for its whole (PART_OF between tools).
  if (roads.parts) for (const pp of relationsOf('PART_OF', (r) => isKind(r.from, 'TOOL') && isKind(r.to, 'TOOL'))) ownRoads(pp.from, pp.to);
  // A tool listed under a catalogue section that the curators map to a practice (COVERS).
  if (roads.sections) {
    for (const m of relationsOf('IN_CATEGORY', (r) => isKind(r.from, 'TOOL'))) {
      for (const c of relationsOf('COVERS', (r) => r.from === m.to && isKind(r.to, 'PRACTICE'))) derive(m.from, c.to);
    }
  }
  return cells;
}

/** Checks that a path is a real chain of seed relations, each with the seed's citations. */
function expectSoundPath(p: GqlPath, fromId: string, toId: string): void {
  const byId = relationById();
  expect(p.length).toBe(p.relations.length);
  expect(p.entities).toHaveLength(p.relations.length + 1);
  expect(p.entities[0]!.id).toBe(fromId);
  expect(p.entities[p.entities.length - 1]!.id).toBe(toId);
  p.relations.forEach((r, i) => {
    const seed = byId.get(r.id);
    expect(seed, `relation ${r.id} is in the seed`).toBeDefined();
    expect(r.type).toBe(seed!.type);
    expect([r.from.id, r.to.id]).toEqual([seed!.from, seed!.to]);
    const ends = [p.entities[i]!.id, p.entities[i + 1]!.id].sort();
    expect([seed!.from, seed!.to].sort()).toEqual(ends);
    expect(r.citations.map(gqlCiteKey).sort()).toEqual(seed!.citations.map(citeKey).sort());
  });
}

/** The citations of every hop of every path are among `citations`. */
function expectCitationsCoverHops(citations: GqlCitation[], paths: GqlPath[]): void {
  const have = new Set(citations.map(gqlCiteKey));
  const byId = relationById();
  for (const p of paths) for (const r of p.relations) for (const c of byId.get(r.id)!.citations) expect(have.has(citeKey(c)), `${r.id} cites ${c.locator}`).toBe(true);
}

function expectBadInput(body: { data?: unknown; errors?: { extensions?: Record<string, unknown>; message: string }[] }, argument: string): void {
  expect(body.errors?.length).toBeGreaterThan(0);
  const e = body.errors![0]!;
  expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  expect(e.extensions?.argumentName).toBe(argument);
  expect(e.message).toContain(argument);
  expect(e.message).not.toMatch(/MATCH|RETURN|neo4j|at .*\.ts/i);
}

// ---- search -------------------------------------------------------------------------------------

interface SearchHit {
  score: number;
  entity: { id: string; kind: string; name: string };
}

const SEARCH = `query($text: String!, $kinds: [EntityKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { score entity { id kind name } }
}`;

describe('search', () => {
  it('finds the feature store practice and component despite a typo ("featur stor")', async () => {
    const featureStores = dataset.entities.filter((e) => e.name.toLowerCase().includes('feature store'));
    const wanted = featureStores.filter((e) => e.kind === 'PRACTICE' || e.kind === 'COMPONENT').map((e) => e.id);
    expect(wanted.length).toBeGreaterThan(0);
    const res = await gql<{ search: SearchHit[] }>(url, SEARCH, { text: 'featur stor', first: 10 });
    expect(res.body.errors).toBeUndefined();
    const hits = res.body.data!.search;
    expect(featureStores.map((e) => e.id)).toContain(hits[0]!.entity.id);
    expect(hits.map((h) => h.entity.id)).toEqual(expect.arrayContaining(wanted));
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks an exact name first and filters by kind', async () => {
    const practice = dataset.entities.find((e) => e.kind === 'PRACTICE' && e.name.toLowerCase().includes('feature store'))!;
    const res = await gql<{ search: SearchHit[] }>(url, SEARCH, { text: practice.name, kinds: ['PRACTICE'], first: 5 });
    expect(res.body.errors).toBeUndefined();
    const hits = res.body.data!.search;
    expect(hits[0]!.entity.id).toBe(practice.id);
    expect(hits.every((h) => h.entity.kind === 'PRACTICE')).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(5);
  });

  it('finds a tool by a misspelt name', async () => {
    const tool = dataset.entities.find((e) => e.id === 'tool:mlflow')!;
    const typo = tool.name.toLowerCase().replace('l', ''); // "mflow"-like: one letter dropped
    const res = await gql<{ search: SearchHit[] }>(url, SEARCH, { text: typo, kinds: ['TOOL'] });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.search[0]!.entity.id).toBe(tool.id);
  });

  it('never fails on Lucene syntax in the text', async () => {
    for (const text of ['a:b AND (c OR "d', '*', '?', '\\', '"', '~', 'NOT', 'name:(', '[a TO b]', '&& || !', 'feature^', '/regex/', 'OR AND']) {
      const res = await gql<{ search: SearchHit[] }>(url, SEARCH, { text });
      expect(res.status, text).toBe(200);
      expect(res.body.errors, text).toBeUndefined();
      expect(Array.isArray(res.body.data!.search)).toBe(true);
    }
    const star = await gql<{ search: SearchHit[] }>(url, SEARCH, { text: '*' });
    expect(star.body.data!.search).toEqual([]);
  });

  it('rejects blank text and out-of-range first with BAD_USER_INPUT naming the argument', async () => {
    expectBadInput((await gql(url, SEARCH, { text: '   ' })).body, 'text');
    expectBadInput((await gql(url, SEARCH, { text: 'x'.repeat(201) })).body, 'text');
    expectBadInput((await gql(url, SEARCH, { text: 'model', first: 0 })).body, 'first');
    expectBadInput((await gql(url, SEARCH, { text: 'model', first: 51 })).body, 'first');
  });
});

// ---- practicesAddressing ------------------------------------------------------------------------

interface Ranked {
  practice: { id: string; name: string };
  score: number;
  confidence: 'STATED' | 'INFERRED';
  strength: 'DIRECT' | 'SOUND' | 'WEAK';
  statementCount: number;
  direct: boolean;
  sourceCount: number;
  agreement: number;
  inferredStrength: 'DIRECT' | 'SOUND' | 'WEAK' | null;
  citationCount: number;
  via: string[];
  citations: GqlCitation[];
  paths: GqlPath[];
}

const RANKED = `practice { id name } score confidence strength statementCount direct sourceCount agreement inferredStrength citationCount via ${CITATION} paths { ${PATH} }`;
const ADDRESSING = `query($id: ID!, $first: Int) {
  practicesAddressing(challengeId: $id, first: $first) { ${RANKED} }
}`;
const ADDRESSING_STATED = `query($id: ID!) {
  practicesAddressing(challengeId: $id, minConfidence: STATED, first: 100) { ${RANKED} }
}`;

describe('practicesAddressing', () => {
  it('returns every practice of every Fig. 4 category that addresses the challenge, stated ones first (Eken et al.)', async () => {
    const edges = fig4Edges();
    expect(edges.length).toBeGreaterThan(10);
    const challenges = [...new Set(edges.map((e) => e.to))];
    for (const challengeId of challenges) {
      const categories = edges.filter((e) => e.to === challengeId).map((e) => e.from);
      const members = relationsOf('IN_CATEGORY', (r) => categories.includes(r.to) && isKind(r.from, 'PRACTICE')).map((r) => r.from);
      const direct = relationsOf('ADDRESSES', (r) => r.to === challengeId && isKind(r.from, 'PRACTICE')).map((r) => r.from);
      const res = await gql<{ practicesAddressing: Ranked[] }>(url, ADDRESSING, { id: challengeId, first: 100 });
      expect(res.body.errors).toBeUndefined();
      const ranked = res.body.data!.practicesAddressing;
      const ids = ranked.map((r) => r.practice.id);
      expect(ids, challengeId).toEqual(expect.arrayContaining([...members, ...direct]));
      // Exactly the seed's direct ones are direct; practices with an all-STATED path come first.
      const directIds = ranked.filter((r) => r.direct).map((r) => r.practice.id);
      expect(directIds.sort()).toEqual([...new Set(direct)].sort());
      const firstInferred = ranked.findIndex((r) => r.confidence === 'INFERRED');
      if (firstInferred >= 0) expect(ranked.slice(firstInferred).every((r) => r.confidence === 'INFERRED')).toBe(true);
      // Category members that are not direct are linked through their category.
      for (const m of members.filter((m) => !direct.includes(m))) expect(ranked.find((r) => r.practice.id === m)!.via).toContain('VIA_CATEGORY');
    }
  });

  it('follows exactly the documented paths for every challenge of the seed', async () => {
    const challenges = dataset.entities.filter((e) => e.kind === 'CHALLENGE').map((e) => e.id);
    let nonEmpty = 0;
    for (const challengeId of challenges) {
      const expected = expectedAddressing(challengeId);
      const res = await gql<{ practicesAddressing: Ranked[] }>(url, ADDRESSING, { id: challengeId, first: 100 });
      expect(res.body.errors).toBeUndefined();
      const ranked = res.body.data!.practicesAddressing;
      expect(new Map(ranked.map((r) => [r.practice.id, r.direct])), challengeId).toEqual(expected);
      if (ranked.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('answers the same whatever entity fields are asked (ids and names are read alone; summaries and citations when asked)', async () => {
    const challengeId = fig4Edges()[0]!.to;
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    const slim = await gql<{ practicesAddressing: { practice: { id: string; name: string } }[] }>(
      url,
      'query($id: ID!) { practicesAddressing(challengeId: $id, first: 100) { practice { id name } } }',
      { id: challengeId },
    );
    const whole = await gql<{ practicesAddressing: { practice: { id: string; name: string; summary: string | null; citations: { locator: string }[] } }[] }>(
      url,
      'query($id: ID!) { practicesAddressing(challengeId: $id, first: 100) { practice { id name summary citations { locator } } } }',
      { id: challengeId },
    );
    expect(slim.body.errors).toBeUndefined();
    expect(whole.body.errors).toBeUndefined();
    const practices = whole.body.data!.practicesAddressing.map((r) => r.practice);
    expect(slim.body.data!.practicesAddressing.map((r) => r.practice)).toEqual(practices.map(({ id, name }) => ({ id, name })));
    expect(practices.length).toBeGreaterThan(0);
    for (const p of practices) {
      const seeded = byId.get(p.id)!;
      expect(p.summary).toBe(seeded.summary);
      expect(p.citations.map((c) => c.locator)).toEqual(seeded.citations.map((c) => c.locator));
    }
  });

  it("reaches Kreuzberger's principles: a practice CORRESPONDS_TO a principle that ADDRESSES the challenge", async () => {
    const principleEdges = relationsOf('ADDRESSES', (r) => isKind(r.from, 'PRINCIPLE') && isKind(r.to, 'CHALLENGE'));
    const withPractice = principleEdges.find((e) => neighbours(e.from, ['CORRESPONDS_TO', 'IMPLEMENTS']).some((n) => isKind(n.other, 'PRACTICE')));
    expect(withPractice).toBeDefined();
    const practice = neighbours(withPractice!.from, ['CORRESPONDS_TO', 'IMPLEMENTS']).find((n) => isKind(n.other, 'PRACTICE'))!;
    const res = await gql<{ practicesAddressing: Ranked[] }>(url, ADDRESSING, { id: withPractice!.to, first: 100 });
    const hit = res.body.data!.practicesAddressing.find((r) => r.practice.id === practice.other)!;
    expect(hit).toBeDefined();
    expect(hit.via.some((v) => v.startsWith('VIA_PRINCIPLE'))).toBe(true);
    const viaPrinciple = hit.paths.find((p) => p.entities.some((e) => e.id === withPractice!.from))!;
    expect(viaPrinciple.relations.map((r) => r.id)).toEqual(expect.arrayContaining([practice.rel.id, withPractice!.id]));
  });

  it('ranks by evidence with the documented score, and cites every hop', async () => {
    const challengeId = fig4Edges()[0]!.to;
    const res = await gql<{ practicesAddressing: Ranked[] }>(url, ADDRESSING, { id: challengeId, first: 100 });
    const ranked = res.body.data!.practicesAddressing;
    expect(ranked.length).toBeGreaterThan(1);
    const road = { DIRECT: 2, SOUND: 1, WEAK: 0 } as const;
    const byId = relationById();
    for (const r of ranked) {
      expect(r.paths.length).toBeGreaterThan(0);
      for (const p of r.paths) expectSoundPath(p, r.practice.id, challengeId);
      expectCitationsCoverHops(r.citations, r.paths);
      // Confidence: STATED exactly when some path is stated at every hop (as the seed states it).
      const statedPath = (p: GqlPath) => p.relations.every((x) => byId.get(x.id)!.citations.some((c) => c.confidence === 'STATED'));
      expect(r.confidence).toBe(r.paths.some(statedPath) ? 'STATED' : 'INFERRED');
      // Evidence counted over the paths as firm as the firmest: distinct sources, distinct statements.
      const firm = r.paths.filter((p) => (r.confidence === 'STATED' ? statedPath(p) : true));
      const cites = [...new Set(firm.flatMap((p) => p.relations.map((x) => x.id)))].flatMap((id) => byId.get(id)!.citations);
      expect(r.sourceCount).toBe(new Set(cites.map((c) => c.source)).size);
      expect(r.statementCount).toBe(new Set(cites.map((c) => `${c.source} ${c.digestId}`)).size);
      expect(r.citationCount).toBe(r.citations.length);
      // agreement: the distinct sources of the hop that makes the link (at most the sources of the paths);
      // weaker: the curators' INFERRED reading beside a stated road (none 0, WEAK 1, SOUND 2, DIRECT 3).
      expect(r.agreement).toBeGreaterThan(0);
      expect(r.agreement).toBeLessThanOrEqual(r.sourceCount);
      const weaker = r.inferredStrength === null ? 0 : 1 + road[r.inferredStrength];
      expect(r.score).toBeCloseTo(1000 * (r.confidence === 'STATED' ? 1 : 0) + 100 * road[r.strength] + 10 * r.agreement + 2 * weaker + r.statementCount / (r.statementCount + 1), 9);
    }
    for (let i = 1; i < ranked.length; i += 1) {
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
      if (ranked[i - 1]!.confidence === 'INFERRED') expect(ranked[i]!.confidence).toBe('INFERRED');
    }
    const two = await gql<{ practicesAddressing: Ranked[] }>(url, ADDRESSING, { id: challengeId, first: 2 });
    expect(two.body.data!.practicesAddressing.map((r) => r.practice.id)).toEqual(ranked.slice(0, 2).map((r) => r.practice.id));
    const stated = await gql<{ practicesAddressing: Ranked[] }>(url, ADDRESSING_STATED, { id: challengeId });
    // The same practices; their order may differ, since the curators' INFERRED reading that breaks ties
    // among stated practices (inferredStrength) is not read when only stated paths are asked for.
    expect(stated.body.data!.practicesAddressing.map((r) => r.practice.id).sort()).toEqual(ranked.filter((r) => r.confidence === 'STATED').map((r) => r.practice.id).sort());
  });

  it('suggests the nearest challenge ids for an unknown one', async () => {
    const res = await gql(url, ADDRESSING, { id: 'challenge:data-drift' });
    expectBadInput(res.body, 'challengeId');
    const suggestions = res.body.errors![0]!.extensions!.suggestions as Record<string, string[]>;
    expect(suggestions['challenge:data-drift']!.length).toBeGreaterThan(0);
    expect(suggestions['challenge:data-drift']!.every((id) => isKind(id, 'CHALLENGE'))).toBe(true);
    expect(res.body.errors![0]!.message).toContain('did you mean');
  });

  it('rejects an id that is not a challenge, and a bad first, naming the argument', async () => {
    expectBadInput((await gql(url, ADDRESSING, { id: 'challenge:no-such-thing' })).body, 'challengeId');
    expectBadInput((await gql(url, ADDRESSING, { id: dataset.entities.find((e) => e.kind === 'TOOL')!.id })).body, 'challengeId');
    expectBadInput((await gql(url, ADDRESSING, { id: fig4Edges()[0]!.to, first: 0 })).body, 'first');
  });
});

// ---- coverage -----------------------------------------------------------------------------------

interface Cell {
  tool: { id: string };
  practice: { id: string };
  level: string;
  direct: boolean;
  citations: GqlCitation[];
  paths: GqlPath[];
}

interface CoverageAnswer {
  tools: { id: string }[];
  practices: { id: string }[];
  cells: Cell[];
  uncoveredPractices: { id: string }[];
}

// Every tool type unless a test asks otherwise: the seed's expectations cover every tool.
const COVERAGE = `query($toolIds: [ID!], $practiceIds: [ID!], $toolTypes: [ToolType!] = []) {
  coverage(toolIds: $toolIds, practiceIds: $practiceIds, toolTypes: $toolTypes) {
    tools { id } practices { id } uncoveredPractices { id }
    cells { tool { id } practice { id } level direct ${CITATION} paths { ${PATH} } }
  }
}`;

describe('coverage', () => {
  it('has one cell per SUPPORTS tool→practice statement and per derived component, principle or catalogue-section path, with levels', async () => {
    const expected = expectedCells();
    const res = await gql<{ coverage: CoverageAnswer }>(url, COVERAGE, {});
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.coverage;
    const got = new Map(c.cells.map((cell) => [`${cell.tool.id} ${cell.practice.id}`, cell]));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, want] of expected) {
      const cell = got.get(key)!;
      expect(cell.direct, key).toBe(want.direct);
      if (want.direct) expect(cell.level).toBe(want.level ?? 'DIRECT');
      else expect(['DERIVED_VIA_COMPONENT', 'DERIVED_VIA_PRINCIPLE', 'DERIVED_VIA_PART', 'DERIVED_VIA_CATALOGUE_SECTION']).toContain(cell.level);
      for (const p of cell.paths) expectSoundPath(p, cell.tool.id, cell.practice.id);
      expectCitationsCoverHops(cell.citations, cell.paths);
    }
    expect(c.cells.some((cell) => !cell.direct)).toBe(true);
    // All practices; all tools with a cell; uncovered = practices without a cell.
    expect(c.practices.map((p) => p.id).sort()).toEqual(dataset.entities.filter((e) => e.kind === 'PRACTICE').map((e) => e.id).sort());
    expect(c.tools.map((t) => t.id).sort()).toEqual([...new Set([...expected.keys()].map((k) => k.split(' ')[0]!))].sort());
    const covered = new Set([...expected.keys()].map((k) => k.split(' ')[1]!));
    expect(c.uncoveredPractices.map((p) => p.id).sort()).toEqual(c.practices.map((p) => p.id).filter((id) => !covered.has(id)).sort());
  });

  it("derives support through Kreuzberger's model registry: tool → component → principle → practice", async () => {
    const registry = 'component:model-registry';
    const principles = relationsOf('IMPLEMENTS', (r) => r.from === registry).map((r) => r.to);
    expect(principles.length).toBeGreaterThan(0);
    const practices = principles.flatMap((p) => neighbours(p, ['CORRESPONDS_TO']).filter((n) => isKind(n.other, 'PRACTICE')).map((n) => n.other));
    const tools = relationsOf('SUPPORTS', (r) => r.to === registry).map((r) => r.from);
    expect(practices.length).toBeGreaterThan(0);
    expect(tools.length).toBeGreaterThan(0);
    const res = await gql<{ coverage: CoverageAnswer }>(url, COVERAGE, { toolIds: tools, practiceIds: practices });
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.coverage;
    expect(c.tools.map((t) => t.id).sort()).toEqual([...new Set(tools)].sort());
    for (const tool of tools) {
      for (const practice of practices) {
        const cell = c.cells.find((x) => x.tool.id === tool && x.practice.id === practice);
        expect(cell, `${tool} ${practice}`).toBeDefined();
        const viaRegistry = cell!.paths.find((p) => p.entities.some((e) => e.id === registry));
        expect(viaRegistry).toBeDefined();
        expect(viaRegistry!.relations.map((r) => r.type)).toEqual(['SUPPORTS', 'IMPLEMENTS', 'CORRESPONDS_TO']);
        // A derived cell's level is its best path's: a part's road or a catalogue section's mapping ranks above two generalising hops.
        const viaPart = cell!.paths.some((p) => p.relations.some((r) => r.type === 'PART_OF'));
        const viaSection = cell!.paths.some((p) => p.relations.some((r) => r.type === 'COVERS'));
        if (!cell!.direct) expect(cell!.level).toBe(viaPart ? 'DERIVED_VIA_PART' : viaSection ? 'DERIVED_VIA_CATALOGUE_SECTION' : 'DERIVED_VIA_COMPONENT');
      }
    }
  });

  it('lists the practices no asked tool supports', async () => {
    const expected = expectedCells();
    const perTool = new Map<string, number>();
    for (const k of expected.keys()) perTool.set(k.split(' ')[0]!, (perTool.get(k.split(' ')[0]!) ?? 0) + 1);
    const [tool] = [...perTool.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const res = await gql<{ coverage: CoverageAnswer }>(url, COVERAGE, { toolIds: [tool] });
    const c = res.body.data!.coverage;
    expect(c.tools.map((t) => t.id)).toEqual([tool]);
    const supported = new Set([...expected.keys()].filter((k) => k.startsWith(`${tool} `)).map((k) => k.split(' ')[1]!));
    expect(c.cells.map((x) => x.practice.id).sort()).toEqual([...supported].sort());
    const allPractices = dataset.entities.filter((e) => e.kind === 'PRACTICE').map((e) => e.id);
    expect(c.uncoveredPractices.map((p) => p.id).sort()).toEqual(allPractices.filter((p) => !supported.has(p)).sort());
    expect(c.uncoveredPractices.length).toBeGreaterThan(0);
  });

  it('rejects ids of the wrong kind, naming the argument', async () => {
    expectBadInput((await gql(url, COVERAGE, { toolIds: ['practice:feature-stores'] })).body, 'toolIds');
    expectBadInput((await gql(url, COVERAGE, { practiceIds: ['tool:mlflow', 'practice:nope'] })).body, 'practiceIds');
    const tooMany = Array.from({ length: 101 }, (_, i) => `tool:t${i}`);
    expectBadInput((await gql(url, COVERAGE, { toolIds: tooMany })).body, 'toolIds');
  });
});

// ---- recommendStack -----------------------------------------------------------------------------

interface Stack {
  tools: { id: string }[];
  coveredPractices: { id: string }[];
  uncoveredPractices: { id: string }[];
  coverageRatio: number;
  practices: { practice: { id: string } }[];
  steps: { tool: { id: string }; newlyCovered: { id: string }[]; cells: { level: string; citations: GqlCitation[] }[] }[];
}

// derived: whether cells derived through a component, principle or section count (the seed's productCells() holds them all).
const STACK = `query($ids: [ID!]!, $max: Int, $derived: Boolean) {
  recommendStack(challengeIds: $ids, maxTools: $max, includeDerived: $derived) {
    tools { id } coveredPractices { id } uncoveredPractices { id } coverageRatio
    practices { practice { id } }
    steps { tool { id } newlyCovered { id } cells { level ${CITATION} } }
  }
}`;

describe('recommendStack', () => {
  const challengeIds = () => [...new Set(fig4Edges().map((e) => e.to))].slice(0, 2);
  /**
   * The cells recommendStack works with by default: those of tools of type PRODUCT, on a tool's own
   * roads only (never a catalogue section's, nor a part's).
   */
  const productCells = () => {
    const products = new Set(dataset.entities.filter((e) => e.kind === 'TOOL' && e.toolType === 'PRODUCT').map((e) => e.id));
    return [...expectedCells({ sections: false, parts: false }).keys()].map((k) => k.split(' ') as [string, string]).filter(([t]) => products.has(t));
  };

  it('covers the practices that address the challenges greedily, at most maxTools tools', async () => {
    const ids = challengeIds();
    const wanted = new Set(ids.flatMap((id) => [...expectedAddressing(id).keys()]));
    expect(wanted.size).toBeGreaterThan(2);
    const cells = productCells().filter(([, p]) => wanted.has(p));
    const res = await gql<{ recommendStack: Stack }>(url, STACK, { ids, max: 2, derived: true });
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data!.recommendStack;
    expect(s.practices.map((p) => p.practice.id).sort()).toEqual([...wanted].sort());
    expect(s.tools.length).toBeGreaterThan(0);
    expect(s.tools.length).toBeLessThanOrEqual(2);
    const covered = s.coveredPractices.map((p) => p.id);
    const uncovered = s.uncoveredPractices.map((p) => p.id);
    expect([...covered, ...uncovered].sort()).toEqual([...wanted].sort());
    expect(s.coverageRatio).toBeCloseTo(covered.length / wanted.size, 9);
    // Covered = exactly what the picked tools support among the wanted practices.
    const picked = new Set(s.tools.map((t) => t.id));
    expect(covered.sort()).toEqual([...new Set(cells.filter(([t]) => picked.has(t)).map(([, p]) => p))].sort());
    // Greedy: the first pick supports at least as many wanted practices as any tool.
    const perTool = new Map<string, number>();
    for (const [t] of cells) perTool.set(t, (perTool.get(t) ?? 0) + 1);
    expect(s.steps[0]!.newlyCovered.length).toBe(Math.max(...perTool.values()));
    expect(s.steps[0]!.tool.id).toBe(s.tools[0]!.id);
    for (const step of s.steps) for (const cell of step.cells) expect(cell.citations.length).toBeGreaterThan(0);
  });

  it('leaves uncovered only practices no tool supports when maxTools is large', async () => {
    const ids = challengeIds();
    const wanted = new Set(ids.flatMap((id) => [...expectedAddressing(id).keys()]));
    const supported = new Set(productCells().map(([, p]) => p));
    const res = await gql<{ recommendStack: Stack }>(url, STACK, { ids, max: 50, derived: true });
    const s = res.body.data!.recommendStack;
    expect(s.uncoveredPractices.map((p) => p.id).sort()).toEqual([...wanted].filter((p) => !supported.has(p)).sort());
    // Each step adds something new.
    for (const step of s.steps) expect(step.newlyCovered.length).toBeGreaterThan(0);
    // Only products are proposed by default; every type when asked.
    const types = new Map(dataset.entities.map((e) => [e.id, e.toolType]));
    expect(s.tools.every((t) => types.get(t.id) === 'PRODUCT')).toBe(true);
  });

  it('starts from the tools a team runs, leaves out excluded ones, and answers null with a reason when nothing addresses the challenges', async () => {
    const ids = challengeIds();
    const first = (await gql<{ recommendStack: Stack }>(url, STACK, { ids, max: 2 })).body.data!.recommendStack;
    const top = first.tools[0]!.id;
    const withHave = await gql<{ recommendStack: Stack & { steps: { alreadyRun: boolean; tool: { id: string } }[] } }>(
      url,
      'query($ids: [ID!]!, $have: [ID!]) { recommendStack(challengeIds: $ids, haveToolIds: $have, maxTools: 2) { tools { id } steps { alreadyRun tool { id } } } }',
      { ids, have: [top] },
    );
    const r = withHave.body.data!.recommendStack;
    expect(r.steps[0]).toMatchObject({ alreadyRun: true, tool: { id: top } });
    expect(r.tools.map((t) => t.id)).not.toContain(top);
    const excluded = await gql<{ recommendStack: Stack }>(url, 'query($ids: [ID!]!, $ex: [ID!]) { recommendStack(challengeIds: $ids, excludeToolIds: $ex) { tools { id } } }', { ids, ex: [top] });
    expect(excluded.body.data!.recommendStack.tools.map((t) => t.id)).not.toContain(top);
    const lonely = dataset.entities.filter((e) => e.kind === 'CHALLENGE').map((e) => e.id).find((id) => expectedAddressing(id).size === 0);
    if (lonely) {
      const none = await gql<{ recommendStack: { coverageRatio: number | null; reason: string | null; tools: unknown[] } }>(
        url,
        'query($ids: [ID!]!) { recommendStack(challengeIds: $ids) { coverageRatio reason tools { id } } }',
        { ids: [lonely] },
      );
      expect(none.body.data!.recommendStack).toMatchObject({ coverageRatio: null, tools: [] });
      expect(none.body.data!.recommendStack.reason).toMatch(/No practice/);
    }
  });

  it('rejects empty or wrong challenge ids and a bad maxTools, naming the argument', async () => {
    expectBadInput((await gql(url, STACK, { ids: [] })).body, 'challengeIds');
    expectBadInput((await gql(url, STACK, { ids: [challengeIds()[0], 'tool:mlflow'] })).body, 'challengeIds');
    expectBadInput((await gql(url, STACK, { ids: challengeIds(), max: 0 })).body, 'maxTools');
    expectBadInput((await gql(url, STACK, { ids: challengeIds(), max: 51 })).body, 'maxTools');
  });
});

// ---- paths --------------------------------------------------------------------------------------

const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
  found: paths(fromId: $from, toId: $to, maxHops: $maxHops, first: $first) { reason paths { ${PATH} } }
}`;
type PathsAnswer = { found: { reason: string | null; paths: GqlPath[] } };

describe('paths', () => {
  it("links Kreuzberger's model registry to each principle the paper gives it in one IMPLEMENTS hop", async () => {
    const registry = 'component:model-registry';
    const implemented = relationsOf('IMPLEMENTS', (r) => r.from === registry);
    expect(implemented.length).toBeGreaterThan(0);
    for (const rel of implemented) {
      const res = await gql<PathsAnswer>(url, PATHS, { from: registry, to: rel.to, maxHops: 1 });
      expect(res.body.errors).toBeUndefined();
      const found = res.body.data!.found.paths;
      expect(found.map((p) => p.relations.map((r) => r.id))).toContainEqual([rel.id]);
      for (const p of found) expectSoundPath(p, registry, rel.to);
    }
  });

  it('finds the shortest typed paths from a tool to a challenge, each hop cited', async () => {
    // A two-hop link the seed states: tool SUPPORTS practice ADDRESSES challenge.
    const addresses = relationsOf('ADDRESSES', (r) => isKind(r.from, 'PRACTICE') && isKind(r.to, 'CHALLENGE'));
    const pair = relationsOf('SUPPORTS', (s) => isKind(s.from, 'TOOL') && isKind(s.to, 'PRACTICE'))
      .flatMap((s) => addresses.filter((a) => a.from === s.to).map((a) => ({ tool: s.from, challenge: a.to })))
      .find(({ tool, challenge }) => !dataset.relations.some((r) => (r.from === tool && r.to === challenge) || (r.to === tool && r.from === challenge)))!;
    expect(pair).toBeDefined();
    const res = await gql<PathsAnswer>(url, PATHS, { from: pair.tool, to: pair.challenge, first: 20 });
    expect(res.body.errors).toBeUndefined();
    const found = res.body.data!.found.paths;
    expect(res.body.data!.found.reason).toBeNull();
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      expect(p.length).toBe(2);
      expectSoundPath(p, pair.tool, pair.challenge);
    }
    expect(found.some((p) => p.relations.map((r) => r.type).join() === 'SUPPORTS,ADDRESSES')).toBe(true);
    // Paths stated at every hop come first.
    const stated = (p: GqlPath) => p.relations.every((x) => relationById().get(x.id)!.citations.some((c) => c.confidence === 'STATED'));
    const firstInferred = found.findIndex((p) => !stated(p));
    if (firstInferred >= 0) expect(found.slice(firstInferred).every((p) => !stated(p))).toBe(true);
    // None within one hop, and the answer says why.
    const none = await gql<PathsAnswer>(url, PATHS, { from: pair.tool, to: pair.challenge, maxHops: 1 });
    expect(none.body.data!.found.paths).toEqual([]);
    expect(none.body.data!.found.reason).toMatch(/No path of at most 1 relation/);
    // `first` limits, in the same stable order.
    const one = await gql<PathsAnswer>(url, PATHS, { from: pair.tool, to: pair.challenge, first: 1 });
    expect(one.body.data!.found.paths).toEqual(found.slice(0, 1));
  });

  it('answers a path from an entity to itself with that entity alone', async () => {
    const res = await gql<PathsAnswer>(url, PATHS, { from: 'tool:mlflow', to: 'tool:mlflow' });
    expect(res.body.data!.found).toEqual({ reason: null, paths: [{ length: 0, entities: [{ id: 'tool:mlflow', kind: 'TOOL' }], relations: [] }] });
  });

  it('rejects unknown ids and out-of-range maxHops / first, naming the argument', async () => {
    expectBadInput((await gql(url, PATHS, { from: 'tool:nope', to: 'tool:mlflow' })).body, 'fromId');
    expectBadInput((await gql(url, PATHS, { from: 'tool:mlflow', to: 'tool:nope' })).body, 'toId');
    expectBadInput((await gql(url, PATHS, { from: 'tool:mlflow', to: 'challenge:observability', maxHops: 0 })).body, 'maxHops');
    expectBadInput((await gql(url, PATHS, { from: 'tool:mlflow', to: 'challenge:observability', maxHops: 7 })).body, 'maxHops');
    expectBadInput((await gql(url, PATHS, { from: 'tool:mlflow', to: 'challenge:observability', first: 21 })).body, 'first');
  });
});

// ---- stats --------------------------------------------------------------------------------------

interface StatsAnswer {
  entities: number;
  relations: number;
  datasetVersion: string;
  byKind: { kind: string; count: number }[];
  byRelation: { type: string; count: number }[];
  bySource: { source: { id: string; name: string }; entities: number; relations: number }[];
}

describe('stats', () => {
  it("equals the seed's counts", async () => {
    const res = await gql<{ stats: StatsAnswer }>(
      url,
      `{ stats { entities relations datasetVersion byKind { kind count } byRelation { type count } bySource { source { id name } entities relations } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data!.stats;
    expect(s.entities).toBe(dataset.entities.length);
    expect(s.relations).toBe(dataset.relations.length);
    expect(s.datasetVersion.endsWith(dataset.contentHash.slice(0, 12))).toBe(true);
    expect(s.byKind).toEqual(ENTITY_KINDS.map((kind) => ({ kind, count: dataset.entities.filter((e) => e.kind === kind).length })));
    expect(s.byRelation).toEqual(RELATION_TYPES.map((type) => ({ type, count: dataset.relations.filter((r) => r.type === type).length })));
    const sources = dataset.entities.filter((e) => e.kind === 'SOURCE');
    expect(s.bySource.map((b) => b.source.id).sort()).toEqual(sources.map((e) => e.id).sort());
    for (const b of s.bySource) {
      expect(b.entities).toBe(dataset.entities.filter((e) => e.citations.some((c) => c.source === b.source.id)).length);
      expect(b.relations).toBe(dataset.relations.filter((r) => r.citations.some((c) => c.source === b.source.id)).length);
      expect(b.entities).toBeGreaterThan(0);
    }
    const names = s.bySource.map((b) => b.source.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });
});

// ---- round trips --------------------------------------------------------------------------------

describe('round trips', () => {
  async function roundTrips(query: string): Promise<number> {
    const contextValue = createContext(service.db);
    const res = await service.app.apollo.executeOperation({ query }, { contextValue });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    expect(res.body.singleResult.errors).toBeUndefined();
    return contextValue.db.roundTrips;
  }

  it('each analysis query costs one round trip, entities and path hops included; a nested relation level adds one', async () => {
    const challengeId = fig4Edges()[0]!.to;
    const entity = `id name kind`;
    const hops = `paths { entities { ${entity} } relations { type from { ${entity} } to { ${entity} } } }`;
    const queries = [
      `{ search(text: "featur stor", first: 50) { score entity { ${entity} } } }`,
      `{ practicesAddressing(challengeId: "${challengeId}", first: 100) { score practice { ${entity} } ${hops} } }`,
      `{ coverage { tools { ${entity} } practices { ${entity} } uncoveredPractices { ${entity} } cells { level tool { ${entity} } practice { ${entity} } ${hops} } } }`,
      `{ recommendStack(challengeIds: ["${challengeId}"], maxTools: 10) { tools { ${entity} } coveredPractices { ${entity} } uncoveredPractices { ${entity} }
          practices { practice { ${entity} } ${hops} } steps { tool { ${entity} } newlyCovered { ${entity} } cells { ${hops} } } } }`,
      `{ paths(fromId: "component:model-registry", toId: "${challengeId}", maxHops: 6, first: 20) { paths { entities { ${entity} } relations { from { ${entity} } to { ${entity} } } } } }`,
      `{ stats { entities byKind { kind count } bySource { source { ${entity} } entities } } }`,
    ];
    for (const q of queries) expect(await roundTrips(q), q).toBe(1);
    // One level of relation fields below the answer: one more round trip, whatever the answer's size.
    expect(await roundTrips(`{ practicesAddressing(challengeId: "${challengeId}", first: 100) { practice { tools { node { id } } roles { node { id } } } } }`)).toBe(2);
    expect(await roundTrips(`{ coverage { cells { tool { categories { node { id } } } practice { stages { node { id } } } } } }`)).toBe(2);
  });
});
