// GET /docs: the API reference, docs/reference/index.html, generated from the SDL by scripts/build-docs.ts
// (committed; `npm test` fails when it is stale), and GET /docs/style.css, its stylesheet. The page has
// no script and loads nothing but that stylesheet: the Content-Security-Policy below allows no more.
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/paths.js';
import { sendFile } from './explorer.js';
import { sendJson, type Route } from './types.js';

export const DOCS_DIR = path.join(PROJECT_ROOT, 'docs', 'reference');

/** Stricter than the explorer's: no script, no connection, styles only from this server. */
export const DOCS_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The paths under /docs and the file each serves; anything else under /docs/ is 404. */
const FILES: Record<string, string> = {
  '/docs': 'index.html',
  '/docs/': 'index.html',
  '/docs/index.html': 'index.html',
  '/docs/style.css': 'style.css',
};

export const docsRoute: Route = {
  name: '/docs',
  matches: (method, url) => (url.pathname === '/docs' || url.pathname.startsWith('/docs/')) && (method === 'GET' || method === 'HEAD'),
  handle: async (req, res, url) => {
    const file = FILES[url.pathname];
    const sent = file !== undefined && (await sendFile(req, res, path.join(DOCS_DIR, file), { 'cache-control': 'no-cache', 'content-security-policy': DOCS_CSP, 'x-content-type-options': 'nosniff' }));
    if (!sent) sendJson(res, 404, { error: `no document ${url.pathname}; the API reference is at /docs` });
  },
};
