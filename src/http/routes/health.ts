// GET /healthz: the process is alive. GET /readyz: Neo4j answers and the dataset is loaded.
import { readDatasetStamp } from '../../repos/dataset.js';
import { sendJson, type Route } from './types.js';

export const healthRoute: Route = {
  name: '/healthz',
  matches: (method, url) => url.pathname === '/healthz' && (method === 'GET' || method === 'HEAD'),
  handle: async (_req, res) => sendJson(res, 200, { status: 'ok' }),
};

export const readyRoute: Route = {
  name: '/readyz',
  matches: (method, url) => url.pathname === '/readyz' && (method === 'GET' || method === 'HEAD'),
  handle: async (_req, res, _url, { db }) => {
    try {
      const stamp = await readDatasetStamp(db);
      if (!stamp) return sendJson(res, 503, { status: 'unavailable', reason: 'the dataset is not loaded yet' });
      return sendJson(res, 200, { status: 'ready', datasetVersion: stamp.version });
    } catch {
      return sendJson(res, 503, { status: 'unavailable', reason: 'Neo4j does not answer' });
    }
  },
};
