// GET /export/{name}.csv and /export/{name}.json: the graph as files for dashboards (docs/explorer.md).
//   {name} = the GraphQL list field of an entity kind (practices, openIssues, robustnessAspects...),
//   relations, coverage (the tool × practice matrix, CSV only) or coverage-cells (one row per cell).
// Streamed: rows are read from one READ transaction (read routing, so a cluster serves them from a
// follower) with the driver's record stream, which pulls `fetchSize` records at a time and pauses
// while the response is not drained, and they are written as they come; no file is built in memory.
import type http from 'node:http';
import { once } from 'node:events';
import neo4j, { type Record as Neo4jRecord, type Transaction } from 'neo4j-driver';
import { buildCells, toPath, type CoverageCellModel, type PathRow } from '../../analysis-model.js';
import {
  EXPORT_COVERAGE_BY_TOOL,
  EXPORT_COVERAGE_PRACTICES,
  EXPORT_DATASET_VERSION,
  EXPORT_ENTITIES,
  EXPORT_RELATIONS,
} from '../../cypher/export.js';
import { ENTITY_KINDS, type EntityKind } from '../../domain/ontology.js';
import type { Db } from '../../neo4j/driver.js';
import { LIST_FIELD } from '../../resolvers/query-entities.js';
import type { Citation } from '../../seed/schema.js';
import { sendJson, type Route } from './types.js';

export type ExportFormat = 'csv' | 'json';

/** Records pulled from Neo4j per batch; the stream pauses between batches while the client reads. */
const FETCH_SIZE = 500;
/** Bytes gathered before one write to the socket. */
const CHUNK_BYTES = 64 * 1024;
/** An export may take longer than a GraphQL request; the server cancels it after this. */
const MIN_EXPORT_TIMEOUT_MS = 120_000;

// ---- the catalogue ------------------------------------------------------------------------------

interface ExportDef {
  readonly formats: readonly ExportFormat[];
  readonly write: (tx: Transaction, out: Output, format: ExportFormat) => Promise<void>;
}

const KIND_OF_LIST = new Map<string, EntityKind>(ENTITY_KINDS.map((k) => [LIST_FIELD[k], k]));

const EXPORTS = new Map<string, ExportDef>([
  ...ENTITY_KINDS.map((kind): [string, ExportDef] => [LIST_FIELD[kind], { formats: ['csv', 'json'], write: (tx, out, f) => writeEntities(tx, out, f, kind) }]),
  ['relations', { formats: ['csv', 'json'], write: writeRelations }],
  ['coverage', { formats: ['csv'], write: writeCoverageMatrix }],
  ['coverage-cells', { formats: ['csv', 'json'], write: writeCoverageCells }],
]);

/** Every export path, e.g. "/export/practices.csv", in the catalogue's order. */
export function exportPaths(): string[] {
  return [...EXPORTS].flatMap(([name, def]) => def.formats.map((f) => `/export/${name}.${f}`));
}

/** The entity-kind exports: GraphQL list field names (practices, openIssues...). */
export function entityExportNames(): string[] {
  return [...KIND_OF_LIST.keys()];
}

// ---- CSV ----------------------------------------------------------------------------------------

/**
 * One CSV field (RFC 4180): quoted when it holds a double quote, a comma, CR or LF, with double
 * quotes doubled. null and undefined are empty fields.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, ended by CRLF (RFC 4180). */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * List-valued columns join their items with a line feed (inside the quoted field). The seed forbids
 * control characters in every text, so an item never holds one. A citation is "source | locator | confidence".
 */
const LIST_SEPARATOR = '\n';
const joinList = (items: readonly string[] | null | undefined) => (items ?? []).join(LIST_SEPARATOR);
const citationLine = (c: Citation) => `${c.source} | ${c.locator} | ${c.confidence}`;
const citationsOf = (json: string | null | undefined): Citation[] => JSON.parse(json ?? '[]') as Citation[];

export const ENTITY_COLUMNS = ['id', 'kind', 'name', 'summary', 'aliases', 'attributes', 'confidence', 'sources', 'citationCount', 'citations'] as const;
export const RELATION_COLUMNS = [
  'id',
  'type',
  'fromId',
  'fromKind',
  'fromName',
  'toId',
  'toKind',
  'toName',
  'level',
  'note',
  'confidence',
  'sources',
  'citationCount',
  'citations',
] as const;
export const COVERAGE_CELL_COLUMNS = [
  'toolId',
  'toolName',
  'practiceId',
  'practiceName',
  'level',
  'direct',
  'sources',
  'citationCount',
  'citations',
  'paths',
] as const;

// ---- output -------------------------------------------------------------------------------------

class ClientGone extends Error {}

/** Buffers small writes into chunks and waits for the socket to drain (backpressure). */
class Output {
  private parts: string[] = [];
  private size = 0;
  private started = false;
  /** JSON arrays: whether an element was written (for the separators). */
  private items = 0;

  constructor(
    private readonly res: http.ServerResponse,
    private readonly head: () => void,
  ) {}

  /** Sends the status and headers (once), before the first byte of the body. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.head();
  }

  async write(text: string): Promise<void> {
    this.start();
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_BYTES) await this.flush();
  }

  /** Writes one element of a JSON array ("[" before the first, "," between). */
  async jsonItem(value: unknown): Promise<void> {
    await this.write((this.items++ === 0 ? '[\n' : ',\n') + JSON.stringify(value));
  }

  async endJsonArray(): Promise<void> {
    await this.write(this.items === 0 ? '[]\n' : '\n]\n');
  }

  async flush(): Promise<void> {
    if (this.res.destroyed) throw new ClientGone();
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.res.write(chunk)) {
      await Promise.race([once(this.res, 'drain'), once(this.res, 'close')]);
      if (this.res.destroyed) throw new ClientGone();
    }
  }

  async end(): Promise<void> {
    this.start();
    await this.flush();
    this.res.end();
  }
}

/** Streams the records of one statement: each is handed to `each` as it arrives. */
async function forEachRecord(tx: Transaction, cypher: string, params: Record<string, unknown>, each: (r: Neo4jRecord) => Promise<void>): Promise<void> {
  for await (const record of tx.run(cypher, params)) await each(record);
}

// ---- the exports --------------------------------------------------------------------------------

async function writeEntities(tx: Transaction, out: Output, format: ExportFormat, kind: EntityKind): Promise<void> {
  if (format === 'csv') await out.write(csvRow(ENTITY_COLUMNS));
  await forEachRecord(tx, EXPORT_ENTITIES, { kind }, async (r) => {
    const citations = citationsOf(r.get('citationsJson'));
    const attributesJson = (r.get('attributesJson') as string | null) ?? '{}';
    if (format === 'json') {
      await out.jsonItem({
        id: r.get('id'),
        kind: r.get('kind'),
        name: r.get('name'),
        summary: r.get('summary') ?? null,
        aliases: r.get('aliases') ?? [],
        attributes: JSON.parse(attributesJson),
        confidence: r.get('confidence'),
        sources: r.get('sourceIds') ?? [],
        citations,
      });
      return;
    }
    await out.write(
      csvRow([
        r.get('id'),
        r.get('kind'),
        r.get('name'),
        r.get('summary'),
        joinList(r.get('aliases')),
        attributesJson,
        r.get('confidence'),
        joinList(r.get('sourceIds')),
        citations.length,
        joinList(citations.map(citationLine)),
      ]),
    );
  });
  if (format === 'json') await out.endJsonArray();
}

async function writeRelations(tx: Transaction, out: Output, format: ExportFormat): Promise<void> {
  if (format === 'csv') await out.write(csvRow(RELATION_COLUMNS));
  await forEachRecord(tx, EXPORT_RELATIONS, {}, async (r) => {
    const citations = citationsOf(r.get('citationsJson'));
    if (format === 'json') {
      await out.jsonItem({
        id: r.get('id'),
        type: r.get('type'),
        from: { id: r.get('fromId'), kind: r.get('fromKind'), name: r.get('fromName') },
        to: { id: r.get('toId'), kind: r.get('toKind'), name: r.get('toName') },
        level: r.get('level') ?? null,
        note: r.get('note') ?? null,
        confidence: r.get('confidence'),
        sources: r.get('sourceIds') ?? [],
        citations,
      });
      return;
    }
    await out.write(
      csvRow([
        r.get('id'),
        r.get('type'),
        r.get('fromId'),
        r.get('fromKind'),
        r.get('fromName'),
        r.get('toId'),
        r.get('toKind'),
        r.get('toName'),
        r.get('level'),
        r.get('note'),
        r.get('confidence'),
        joinList(r.get('sourceIds')),
        citations.length,
        joinList(citations.map(citationLine)),
      ]),
    );
  });
  if (format === 'json') await out.endJsonArray();
}

/** The cells of one tool's record, built by the same code as the `coverage` query's. */
function cellsOf(record: Neo4jRecord): CoverageCellModel[] {
  return buildCells((record.get('paths') as PathRow[]).map(toPath));
}

const sourcesOfCell = (c: CoverageCellModel) => [...new Set(c.citations.map((x) => x.source))].sort();
const pathLine = (p: CoverageCellModel['paths'][number]) =>
  p.entities.map((e, i) => (i === 0 ? e.id : `-[${p.relations[i - 1]?.type ?? '?'}]- ${e.id}`)).join(' ');

/**
 * The matrix: one row per tool that supports at least one practice (name order), one column per
 * practice (name order; ids in the header), each field the cell's level or empty.
 */
async function writeCoverageMatrix(tx: Transaction, out: Output): Promise<void> {
  const practices = (await tx.run(EXPORT_COVERAGE_PRACTICES)).records.map((r) => r.get('id') as string);
  await out.write(csvRow(['toolId', 'toolName', ...practices]));
  await forEachRecord(tx, EXPORT_COVERAGE_BY_TOOL, {}, async (r) => {
    const cells = cellsOf(r);
    const level = new Map(cells.map((c) => [c.practice.id, c.level]));
    await out.write(csvRow([r.get('toolId'), cells[0]?.tool.name ?? '', ...practices.map((p) => level.get(p) ?? '')]));
  });
}

/** One row per cell (tool, practice), tools by name then practices by name, with its evidence. */
async function writeCoverageCells(tx: Transaction, out: Output, format: ExportFormat): Promise<void> {
  if (format === 'csv') await out.write(csvRow(COVERAGE_CELL_COLUMNS));
  await forEachRecord(tx, EXPORT_COVERAGE_BY_TOOL, {}, async (r) => {
    for (const c of cellsOf(r)) {
      if (format === 'json') {
        await out.jsonItem({
          tool: { id: c.tool.id, name: c.tool.name },
          practice: { id: c.practice.id, name: c.practice.name },
          level: c.level,
          direct: c.direct,
          sources: sourcesOfCell(c),
          citations: c.citations,
          paths: c.paths.map((p) => ({ entities: p.entities.map((e) => e.id), relations: p.relations.map((x) => x.id) })),
        });
        continue;
      }
      await out.write(
        csvRow([
          c.tool.id,
          c.tool.name,
          c.practice.id,
          c.practice.name,
          c.level,
          c.direct,
          joinList(sourcesOfCell(c)),
          c.citations.length,
          joinList(c.citations.map(citationLine)),
          joinList(c.paths.map(pathLine)),
        ]),
      );
    }
  });
  if (format === 'json') await out.endJsonArray();
}

// ---- the route ----------------------------------------------------------------------------------

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function unavailable(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired';
}

async function runExport(db: Db, res: http.ServerResponse, name: string, format: ExportFormat, def: ExportDef): Promise<void> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ, fetchSize: FETCH_SIZE });
  let tx: Transaction | undefined;
  let version: string | null = null;
  const out = new Output(res, () => {
    res.writeHead(200, {
      'content-type': CONTENT_TYPE[format],
      'content-disposition': `attachment; filename="mlops-kg-${name}.${format}"`,
      'cache-control': 'no-store',
      ...(version ? { 'x-dataset-version': version } : {}),
    });
  });
  try {
    tx = session.beginTransaction({ timeout: Math.max(MIN_EXPORT_TIMEOUT_MS, db.txTimeoutMs), metadata: { app: 'mlops-kg', export: `${name}.${format}` } });
    version = ((await tx.run(EXPORT_DATASET_VERSION)).records[0]?.get('version') as string | null) ?? null;
    await def.write(tx, out, format);
    await tx.commit();
    await out.end();
  } catch (e) {
    if (e instanceof ClientGone) return;
    if (!res.headersSent && unavailable(e)) return sendJson(res, 503, { error: 'Neo4j does not answer; try again later' });
    throw e;
  } finally {
    if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  }
}

const EXPORT_PATH = /^\/export\/([A-Za-z-]+)\.([a-z]+)$/;

export const exportIndexRoute: Route = {
  name: '/export',
  matches: (method, url) => (url.pathname === '/export' || url.pathname === '/export/') && method === 'GET',
  handle: async (_req, res) => sendJson(res, 200, { exports: exportPaths(), kinds: entityExportNames(), docs: 'docs/explorer.md' }),
};

export const exportRoute: Route = {
  name: '/export/{name}.{format}',
  matches: (method, url) => url.pathname.startsWith('/export/') && url.pathname !== '/export/' && method === 'GET',
  handle: async (_req, res, url, { db }) => {
    const m = EXPORT_PATH.exec(url.pathname);
    const name = m?.[1] ?? '';
    const format = m?.[2] ?? '';
    const def = EXPORTS.get(name);
    if (!m || !def || !def.formats.includes(format as ExportFormat)) {
      return sendJson(res, 404, {
        error: `no export ${url.pathname}: use /export/{name}.csv or /export/{name}.json`,
        kinds: entityExportNames(),
        exports: exportPaths(),
      });
    }
    await runExport(db, res, name, format as ExportFormat, def);
  },
};
