// GET /metrics: Prometheus text format (prom-client), for the scraper, not for browsers: a request
// that carries an Origin (a page of some site asking) is refused, and no CORS header is ever sent here
// (src/http/app.ts skips CORS for this path), whatever CORS_ORIGINS allows for the API.
import { sendJson, type Route } from './types.js';

export const metricsRoute: Route = {
  name: '/metrics',
  matches: (method, url) => url.pathname === '/metrics' && method === 'GET',
  handle: async (req, res, _url, { metrics }) => {
    if (req.headers.origin !== undefined) return sendJson(res, 403, { error: '/metrics is for the metrics scraper; it is not served to web pages' });
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(text);
  },
};
