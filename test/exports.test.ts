// The exports of issue 7 (GET /export/{name}.csv and .json, docs/explorer.md) over HTTP against the
// run's real Neo4j: their shape, their content (checked against the seed files and the GraphQL API,
// never typed in by hand), and RFC 4180 escaping of names with commas, quotes and line breaks (from
// a small fixture seed loaded on top of the real one, then pruned away).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS, type EntityKind } from '../src/domain/ontology.js';
import type { Db } from '../src/neo4j/driver.js';
import { LIST_FIELD } from '../src/domain/list-fields.js';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset, type Dataset, type DatasetEntity } from '../src/seed/index.js';
import { loadDataset } from '../src/seed/loader.js';
import { gql, openTestDb, SEED_DIR, startTestService, type GraphQLResponse } from './support/neo4j.js';
import { CITE, minimalFiles, writeSeedDir } from './support/seed-fixtures.js';

let service: RunningService;
let base: string;
let db: Db;
let dataset: Dataset;

beforeAll(async () => {
  db = await openTestDb();
  dataset = await loadSeedDataset(SEED_DIR);
  // Test files share one database: start from exactly the real seed, whatever ran before.
  await loadDataset(db, dataset, { prune: true });
  service = await startTestService();
  base = service.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await service?.stop();
  await db?.close();
});

// ---- an independent RFC 4180 reader -------------------------------------------------------------

/**
 * Parses CSV strictly as RFC 4180 has it: records end with CRLF (the last one too), fields are
 * separated by commas, a field holding a quote, comma, CR or LF is enclosed in double quotes, and
 * a double quote inside is doubled. Anything else (a bare LF between records, a quote inside an
 * unquoted field, an unterminated quote) is an error.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\r') throw new Error(`text after a closing quote at ${i}`);
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i++;
    } else if (ch === '\n') {
      throw new Error(`LF outside quotes at ${i}: records must end with CRLF`);
    } else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** Header + records as objects; every record must have exactly the header's fields. */
function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new Error('no header');
  for (const r of records) expect(r.length).toBe(header.length);
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

async function get(path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

type ListPage = Record<string, { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }>;

/** Every id of a GraphQL list, in the list's order (page by page). */
async function listIds(field: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse<ListPage> = await gql<ListPage>(
      service.url,
      `query($after: String) { ${field}(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data![field]!;
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

const citationLine = (c: { source: string; locator: string; confidence: string }) => `${c.source} | ${c.locator} | ${c.confidence}`;
const sourcesOf = (citations: readonly { source: string }[]) => [...new Set(citations.map((c) => c.source))].sort();
const lines = (cell: string) => (cell === '' ? [] : cell.split('\n'));

const ENTITY_HEADER = ['id', 'kind', 'name', 'summary', 'aliases', 'attributes', 'confidence', 'sources', 'citationCount', 'citations'];

function expectEntityRow(row: Record<string, string>, e: DatasetEntity): void {
  expect(row).toEqual({
    id: e.id,
    kind: e.kind,
    name: e.name,
    summary: e.summary ?? '',
    aliases: e.aliases.join('\n'),
    attributes: row.attributes,
    confidence: e.citations.some((c) => c.confidence === 'STATED') ? 'STATED' : 'INFERRED',
    sources: sourcesOf(e.citations).join('\n'),
    citationCount: String(e.citations.length),
    citations: e.citations.map(citationLine).join('\n'),
  });
  expect(JSON.parse(row.attributes!)).toEqual(e.attributes);
}

// ---- the catalogue ------------------------------------------------------------------------------

describe('the export catalogue', () => {
  it('GET /export lists one CSV and one JSON export per entity kind, plus relations and coverage', async () => {
    const res = await get('/export');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { exports: string[]; kinds: string[] };
    expect(body.kinds.sort()).toEqual(ENTITY_KINDS.map((k) => LIST_FIELD[k]).sort());
    for (const k of ENTITY_KINDS) expect(body.exports).toEqual(expect.arrayContaining([`/export/${LIST_FIELD[k]}.csv`, `/export/${LIST_FIELD[k]}.json`]));
    expect(body.exports).toEqual(expect.arrayContaining(['/export/relations.csv', '/export/relations.json', '/export/coverage.csv', '/export/coverage-cells.csv', '/export/coverage-cells.json']));
  });

  it.each(['/export/nope.csv', '/export/practices.xml', '/export/coverage.json', '/export/Practices.csv', '/export/practices', '/export/a/b.csv'])(
    'an unknown export (%s) is a 404 in JSON naming the allowed kinds',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = JSON.parse(res.text) as { error: string; kinds: string[]; exports: string[] };
      expect(body.error).toContain(path);
      expect(body.kinds).toEqual(expect.arrayContaining(['practices', 'openIssues', 'robustnessAspects']));
      expect(body.exports).toContain('/export/relations.csv');
    },
  );
});

// ---- entities -----------------------------------------------------------------------------------

describe('entity exports, one per kind', () => {
  it.each(ENTITY_KINDS.map((k) => [LIST_FIELD[k], k] as [string, EntityKind]))('/export/%s.csv and .json hold every %s, in the list order, as the seed has them', async (field, kind) => {
    const expected = new Map(dataset.entities.filter((e) => e.kind === kind).map((e) => [e.id, e]));
    const order = await listIds(field);
    expect(order.length).toBe(expected.size);

    const csv = await get(`/export/${field}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="mlops-kg-${field}.csv"`);
    // Streamed: no length known up front.
    expect(csv.headers.get('content-length')).toBeNull();
    expect(csv.headers.get('transfer-encoding')).toBe('chunked');
    const { header, rows } = csvObjects(csv.text);
    expect(header).toEqual(ENTITY_HEADER);
    expect(rows.map((r) => r.id)).toEqual(order);
    for (const row of rows) expectEntityRow(row, expected.get(row.id!)!);

    const json = await get(`/export/${field}.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="mlops-kg-${field}.json"`);
    const items = JSON.parse(json.text) as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual(order);
    for (const item of items) {
      const e = expected.get(item.id as string)!;
      expect(item).toEqual({
        id: e.id,
        kind: e.kind,
        name: e.name,
        summary: e.summary ?? null,
        aliases: e.aliases,
        attributes: e.attributes,
        confidence: e.citations.some((c) => c.confidence === 'STATED') ? 'STATED' : 'INFERRED',
        sources: sourcesOf(e.citations),
        citations: e.citations,
      });
    }
  });
});

// ---- relations ----------------------------------------------------------------------------------

describe('/export/relations', () => {
  it('holds every relation of the seed with both ends named and its citations flattened', async () => {
    const names = new Map(dataset.entities.map((e) => [e.id, e]));
    const csv = await get('/export/relations.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="mlops-kg-relations.csv"');
    const { header, rows } = csvObjects(csv.text);
    expect(header).toEqual(['id', 'type', 'fromId', 'fromKind', 'fromName', 'toId', 'toKind', 'toName', 'level', 'note', 'confidence', 'sources', 'sourceCount', 'citationCount', 'citations']);
    const stats = await gql<{ stats: { relations: number } }>(service.url, '{ stats { relations } }');
    expect(rows.length).toBe(stats.body.data!.stats.relations);
    expect(rows.length).toBe(dataset.relations.length);
    expect(rows.map((r) => r.id)).toEqual(dataset.relations.map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byId = new Map(rows.map((r) => [r.id!, r]));
    for (const r of dataset.relations) {
      expect(byId.get(r.id)).toEqual({
        id: r.id,
        type: r.type,
        fromId: r.from,
        fromKind: names.get(r.from)!.kind,
        fromName: names.get(r.from)!.name,
        toId: r.to,
        toKind: names.get(r.to)!.kind,
        toName: names.get(r.to)!.name,
        level: r.level ?? '',
        note: r.note ?? '',
        confidence: r.citations.some((c) => c.confidence === 'STATED') ? 'STATED' : 'INFERRED',
        sources: sourcesOf(r.citations).join('\n'),
        sourceCount: String(sourcesOf(r.citations).length),
        citationCount: String(r.citations.length),
        citations: r.citations.map(citationLine).join('\n'),
      });
    }

    const json = JSON.parse((await get('/export/relations.json')).text) as { id: string; from: { id: string; name: string }; citations: unknown[] }[];
    expect(json.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    const supports = dataset.relations.find((r) => r.type === 'SUPPORTS' && r.level !== null)!;
    expect(json.find((r) => r.id === supports.id)).toMatchObject({
      type: 'SUPPORTS',
      level: supports.level,
      from: { id: supports.from, name: names.get(supports.from)!.name },
      citations: supports.citations,
    });
  });
});

// ---- coverage -----------------------------------------------------------------------------------

interface GqlCoverage {
  coverage: {
    tools: { id: string; name: string }[];
    practices: { id: string; name: string }[];
    cells: {
      tool: { id: string };
      practice: { id: string };
      level: string;
      direct: boolean;
      confidence: string;
      derivation: string;
      sound: boolean;
      sourceCount: number;
      citations: { source: { id: string }; locator: string; confidence: string }[];
      paths: { entities: { id: string }[] }[];
    }[];
  };
}

describe('/export/coverage', () => {
  let api: GqlCoverage['coverage'];
  beforeAll(async () => {
    const res = await gql<GqlCoverage>(
      service.url,
      // Every tool type: the exports hold the whole matrix (the query's default is PRODUCT).
      '{ coverage(toolTypes: []) { tools { id name } practices { id name } cells { tool { id } practice { id } level direct confidence derivation sound sourceCount citations { source { id } locator confidence } paths { entities { id } } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    api = res.body.data!.coverage;
  });

  it('coverage.csv is the tool × practice matrix of the coverage query, each field a level and a confidence', async () => {
    const res = await get('/export/coverage.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mlops-kg-coverage.csv"');
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(['toolId', 'toolName', ...api.practices.map((p) => p.id)]);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(api.tools.map((t) => [t.id, t.name]));
    const level = new Map(api.cells.map((c) => [`${c.tool.id} ${c.practice.id}`, `${c.level}/${c.confidence}`]));
    for (const r of rows) {
      expect(r.slice(2)).toEqual(api.practices.map((p) => level.get(`${r[0]} ${p.id}`) ?? ''));
    }
    // Both kinds of support are in the matrix: stated levels and derived ones.
    const values = new Set(rows.flatMap((r) => r.slice(2)).filter((v) => v !== ''));
    expect([...values].some((v) => v.startsWith('DERIVED_'))).toBe(true);
    expect([...values].some((v) => !v.startsWith('DERIVED_'))).toBe(true);
  });

  it('coverage-cells.csv and .json hold one record per cell of the coverage query, with its evidence', async () => {
    const { header, rows } = csvObjects((await get('/export/coverage-cells.csv')).text);
    expect(header).toEqual(['toolId', 'toolName', 'practiceId', 'practiceName', 'level', 'direct', 'confidence', 'derivation', 'sound', 'sources', 'sourceCount', 'citationCount', 'citations', 'paths']);
    const toolName = new Map(api.tools.map((t) => [t.id, t.name]));
    const practiceName = new Map(api.practices.map((p) => [p.id, p.name]));
    expect(rows.map((r) => [r.toolId, r.practiceId])).toEqual(api.cells.map((c) => [c.tool.id, c.practice.id]));
    rows.forEach((r, i) => {
      const c = api.cells[i]!;
      expect(r.toolName).toBe(toolName.get(c.tool.id));
      expect(r.practiceName).toBe(practiceName.get(c.practice.id));
      expect(r.level).toBe(c.level);
      expect(r.direct).toBe(String(c.direct));
      expect([r.confidence, r.derivation, r.sound, r.sourceCount]).toEqual([c.confidence, c.derivation, String(c.sound), String(c.sourceCount)]);
      expect(lines(r.sources!)).toEqual([...new Set(c.citations.map((x) => x.source.id))].sort());
      expect(Number(r.citationCount)).toBe(c.citations.length);
      expect(lines(r.citations!)).toEqual(c.citations.map((x) => citationLine({ source: x.source.id, locator: x.locator, confidence: x.confidence })));
      expect(lines(r.paths!).length).toBe(c.paths.length);
      for (const [j, p] of lines(r.paths!).entries()) {
        expect(p.split(/ -\[[A-Z_]+\]- /)).toEqual(c.paths[j]!.entities.map((e) => e.id));
      }
    });

    const res = await get('/export/coverage-cells.json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = JSON.parse(res.text) as { tool: { id: string }; practice: { id: string }; level: string; direct: boolean; confidence: string; derivation: string; sourceCount: number; citations: unknown[] }[];
    expect(json.map((c) => [c.tool.id, c.practice.id, c.level, c.direct, c.confidence, c.derivation, c.sourceCount, c.citations.length])).toEqual(
      api.cells.map((c) => [c.tool.id, c.practice.id, c.level, c.direct, c.confidence, c.derivation, c.sourceCount, c.citations.length]),
    );
  });
});

// ---- streaming ----------------------------------------------------------------------------------

describe('streaming', () => {
  it('a client that hangs up mid-export leaves the server serving', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/export/relations.csv`, { signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    const again = await get('/export/practices.csv');
    expect(again.status).toBe(200);
    expect(parseCsv(again.text).length).toBe(dataset.entities.filter((e) => e.kind === 'PRACTICE').length + 1);
  });
});

// ---- escaping -----------------------------------------------------------------------------------

describe('CSV escaping of commas, quotes and line breaks', () => {
  const PRACTICE = 'practice:test-monitoring';
  const TOOL = 'tool:test-tool';
  const practiceName = 'Monitoring, "quoted", and more';
  const toolName = 'Tool "X", v2';
  const aliases = ['alias, one', 'alias "two"'];
  // The seed forbids control characters, so the line break is written into the graph directly:
  // the export must escape whatever the graph holds.
  const summary = 'First line, with a comma\nsecond line with "quotes"\r\nand a CRLF';

  beforeAll(async () => {
    const files = minimalFiles();
    const entities = (files.entities as { entities: Record<string, unknown>[] }).entities;
    Object.assign(entities.find((e) => e.id === PRACTICE)!, { name: practiceName, aliases, citations: [{ ...CITE, locator: '§4.3 p.21; Fig. 4, "top"' }] });
    Object.assign(entities.find((e) => e.id === TOOL)!, { name: toolName });
    await loadDataset(db, await loadSeedDataset(await writeSeedDir(files)));
    await db.writeTx(async (tx) => {
      await tx.run('MATCH (n:Entity {id: $id}) SET n.summary = $summary', { id: PRACTICE, summary });
    });
  });

  afterAll(async () => {
    // Back to exactly the real seed for the test files that follow.
    await loadDataset(db, await loadSeedDataset(SEED_DIR), { prune: true });
  });

  it('quotes such fields and doubles their quotes, and they read back unchanged', async () => {
    const csv = await get('/export/practices.csv');
    expect(csv.text).toContain(`"${practiceName.replace(/"/g, '""')}"`);
    expect(csv.text).toContain(`"${summary.replace(/"/g, '""')}"`);
    const row = csvObjects(csv.text).rows.find((r) => r.id === PRACTICE)!;
    expect(row.name).toBe(practiceName);
    expect(row.summary).toBe(summary);
    expect(lines(row.aliases!)).toEqual(aliases);
    expect(row.citations).toBe(`${CITE.source} | §4.3 p.21; Fig. 4, "top" | ${CITE.confidence}`);

    const json = JSON.parse((await get('/export/practices.json')).text) as { id: string; name: string; summary: string }[];
    expect(json.find((e) => e.id === PRACTICE)).toMatchObject({ name: practiceName, summary });
  });

  it('escapes names in the relations and the coverage matrix too', async () => {
    const relations = csvObjects((await get('/export/relations.csv')).text).rows;
    const supports = relations.find((r) => r.type === 'SUPPORTS' && r.fromId === TOOL)!;
    expect(supports).toMatchObject({ fromName: toolName, toId: PRACTICE, toName: practiceName, level: 'EXAMPLE' });

    const [header, ...rows] = parseCsv((await get('/export/coverage.csv')).text);
    const row = rows.find((r) => r[0] === TOOL)!;
    expect(row[1]).toBe(toolName);
    expect(row[header!.indexOf(PRACTICE)]).toMatch(/^EXAMPLE\/(STATED|INFERRED)$/);
    const cells = csvObjects((await get('/export/coverage-cells.csv')).text).rows;
    expect(cells.find((c) => c.toolId === TOOL)).toMatchObject({ toolName, practiceName, level: 'EXAMPLE', direct: 'true' });
  });
});
