// GET /healthz: the process is alive (200; "degraded" with the reason while not ready).
// GET /readyz: ready to serve (200), else 503 with the reason. Both tell one story, from one function
// (readiness below): with the breaker (the API) from the background probe's state (src/neo4j/breaker.ts),
// at once; without it (tests of the bare app), /readyz reads. Ready means: not draining, Neo4j
// answered the last few probes in a row (not just one: a restarting Neo4j answers, fails, answers),
// nothing (the local Neo4j's supervisor) reports it away, and a dataset is loaded.
import { readDatasetStamp } from '../../repos/dataset.js';
import type { Db } from '../../neo4j/driver.js';
import { sendJson, type Route, type RouteDeps } from './types.js';

interface Readiness {
  readonly ready: boolean;
  readonly reason?: string;
  readonly datasetVersion?: string;
  readonly checkedAt?: string;
}

/** Whether the API is ready, and why not; undefined when there is no probe state to read. */
export function readiness(db: Db, draining: boolean): Readiness | undefined {
  if (draining) return { ready: false, reason: 'shutting down: draining requests' };
  const b = db.breaker;
  const last = b?.last;
  if (!b || !last) return undefined;
  const checkedAt = new Date(last.at).toISOString();
  if (b.degraded) return { ready: false, reason: b.degraded, checkedAt };
  if (!last.ok || b.open) return { ready: false, reason: `Neo4j does not answer (${last.reason ?? 'unknown'})`, checkedAt };
  if (!b.settled) return { ready: false, reason: `Neo4j is back; waiting for ${b.readyAfter} probes in a row to succeed`, checkedAt };
  if (!last.datasetVersion) return { ready: false, reason: 'the dataset is not loaded yet' };
  return { ready: true, datasetVersion: last.datasetVersion, checkedAt };
}

const isDraining = (deps: RouteDeps) => deps.draining?.() ?? false;

export const healthRoute: Route = {
  name: '/healthz',
  matches: (method, url) => url.pathname === '/healthz' && (method === 'GET' || method === 'HEAD'),
  handle: async (_req, res, _url, deps) => {
    const r = readiness(deps.db, isDraining(deps));
    return sendJson(res, 200, r && !r.ready ? { status: 'degraded', reason: r.reason } : { status: 'ok' }, { 'cache-control': 'no-store' });
  },
};

export const readyRoute: Route = {
  name: '/readyz',
  matches: (method, url) => url.pathname === '/readyz' && (method === 'GET' || method === 'HEAD'),
  handle: async (_req, res, _url, deps) => {
    const headers = { 'cache-control': 'no-store' };
    const r = readiness(deps.db, isDraining(deps));
    if (r) {
      if (!r.ready) return sendJson(res, 503, { status: 'unavailable', reason: r.reason, ...(r.checkedAt ? { checkedAt: r.checkedAt } : {}) }, headers);
      return sendJson(res, 200, { status: 'ready', datasetVersion: r.datasetVersion, checkedAt: r.checkedAt }, headers);
    }
    try {
      const stamp = await readDatasetStamp(deps.db);
      if (!stamp) return sendJson(res, 503, { status: 'unavailable', reason: 'the dataset is not loaded yet' }, headers);
      return sendJson(res, 200, { status: 'ready', datasetVersion: stamp.version }, headers);
    } catch {
      return sendJson(res, 503, { status: 'unavailable', reason: 'Neo4j does not answer' }, headers);
    }
  },
};
