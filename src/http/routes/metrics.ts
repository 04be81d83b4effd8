// GET /metrics: Prometheus text format (prom-client).
import { type Route } from './types.js';

export const metricsRoute: Route = {
  name: '/metrics',
  matches: (method, url) => url.pathname === '/metrics' && method === 'GET',
  handle: async (_req, res, _url, { metrics }) => {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(text);
  },
};
