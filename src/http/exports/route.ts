// GET /export/{name}.csv and /export/{name}.json: the graph as files for dashboards (docs/explorer.md).
//   {name} = the GraphQL list field of an entity kind (practices, openIssues, robustnessAspects...),
//   relations, coverage (the tool × practice matrix, CSV only) or coverage-cells (one row per cell).
// Streamed: rows come from one READ transaction (src/repos/exports.ts) as Neo4j sends them and are
// written as they come, with backpressure (src/http/exports/output.ts); no file is built in memory.
import type http from 'node:http';
import type { Db } from '../../neo4j/driver.js';
import { isDatabaseUnavailable, isTransactionTimeout } from '../../neo4j/unavailable.js';
import { withExportReader } from '../../repos/exports.js';
import { sendJson, type Route } from '../routes/types.js';
import { cacheControl, etagFor, ifNoneMatch, sendNotModified } from '../etag.js';
import { entityExportNames, EXPORTS, exportPaths, type ExportDef, type ExportFormat } from './catalogue.js';
import { ClientGone, Output } from './output.js';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** An export's ETag: the graph's version and the path, while that version is still the one known. */
interface ExportValidator {
  readonly etag: string;
  readonly maxAgeSeconds: number;
  stillCurrent(): boolean;
}

async function runExport(db: Db, res: http.ServerResponse, name: string, format: ExportFormat, def: ExportDef, validator?: ExportValidator): Promise<void> {
  let version: string | null = null;
  const out = new Output(res, () => {
    // Cacheable only when no load began since the version was known (checked once the export's own
    // transaction has started reading).
    const cacheable = validator?.stillCurrent() === true;
    res.writeHead(200, {
      'content-type': CONTENT_TYPE[format],
      'content-disposition': `attachment; filename="mlops-kg-${name}.${format}"`,
      ...(cacheable ? { etag: validator.etag, 'cache-control': cacheControl(validator.maxAgeSeconds) } : { 'cache-control': 'no-store' }),
      ...(version ? { 'x-dataset-version': version } : {}),
    });
  });
  try {
    await withExportReader(db, `${name}.${format}`, async (reader) => {
      version = await reader.datasetVersion();
      await def.write(reader, out, format);
    });
    await out.end();
  } catch (e) {
    if (e instanceof ClientGone) return;
    if (!res.headersSent && (isDatabaseUnavailable(e) || isTransactionTimeout(e))) return sendJson(res, 503, { error: 'Neo4j does not answer; try again later' }, { 'retry-after': '1' });
    throw e;
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
  handle: async (req, res, url, { db, graphVersion, httpCacheMaxAgeSeconds = 0 }) => {
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
    const snapshot = graphVersion ? graphVersion.fresh() ?? (await graphVersion.current()) : undefined;
    let validator: ExportValidator | undefined;
    if (graphVersion && snapshot?.version) {
      const etag = etagFor(snapshot.version, url.pathname);
      if (ifNoneMatch(req.headers['if-none-match'], etag)) return sendNotModified(res, etag, httpCacheMaxAgeSeconds, '');
      validator = { etag, maxAgeSeconds: httpCacheMaxAgeSeconds, stillCurrent: () => graphVersion.epoch === snapshot.epoch };
    }
    await runExport(db, res, name, format as ExportFormat, def, validator);
  },
};
