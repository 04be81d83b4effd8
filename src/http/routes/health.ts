// GET /healthz: the process is alive (200; "degraded" with the reason while Neo4j is away).
// GET /readyz: Neo4j answers and the dataset is loaded. With the breaker (the API), both answer from
// the background probe's last state (src/neo4j/breaker.ts), at once; without it, /readyz reads.
import { readDatasetStamp } from '../../repos/dataset.js';
import { sendJson, type Route } from './types.js';

export const healthRoute: Route = {
  name: '/healthz',
  matches: (method, url) => url.pathname === '/healthz' && (method === 'GET' || method === 'HEAD'),
  handle: async (_req, res, _url, { db }) => {
    const b = db.breaker;
    const reason = b?.degraded ?? (b?.open ? `Neo4j does not answer (${b.last?.reason ?? 'unknown'})` : undefined);
    return sendJson(res, 200, reason ? { status: 'degraded', reason } : { status: 'ok' });
  },
};

export const readyRoute: Route = {
  name: '/readyz',
  matches: (method, url) => url.pathname === '/readyz' && (method === 'GET' || method === 'HEAD'),
  handle: async (_req, res, _url, { db }) => {
    const last = db.breaker?.last;
    if (last) {
      const headers = { 'cache-control': 'no-store' };
      if (!last.ok) return sendJson(res, 503, { status: 'unavailable', reason: db.breaker?.degraded ?? 'Neo4j does not answer', checkedAt: new Date(last.at).toISOString() }, headers);
      if (!last.datasetVersion) return sendJson(res, 503, { status: 'unavailable', reason: 'the dataset is not loaded yet' }, headers);
      return sendJson(res, 200, { status: 'ready', datasetVersion: last.datasetVersion, checkedAt: new Date(last.at).toISOString() }, headers);
    }
    try {
      const stamp = await readDatasetStamp(db);
      if (!stamp) return sendJson(res, 503, { status: 'unavailable', reason: 'the dataset is not loaded yet' });
      return sendJson(res, 200, { status: 'ready', datasetVersion: stamp.version });
    } catch {
      return sendJson(res, 503, { status: 'unavailable', reason: 'Neo4j does not answer' });
    }
  },
};
