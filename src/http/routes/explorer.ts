// GET /: the explorer page (docs/explorer.md); GET /assets/{file}: the bundles it and GraphiQL load.
// Everything is served from dist/web/, which scripts/build-web.ts writes (npm start and npm test
// build it first; the Docker image builds it in its build stage). Nothing is loaded from elsewhere:
// the Content-Security-Policy below lets the page reach only this server.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/paths.js';
import type { Route } from './types.js';

export const WEB_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

/** Only this server: scripts, styles, fonts and requests. Inline styles are allowed (React and CodeMirror set them). */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Sends a built page (explorer.html, graphiql.html), or 503 with what to run when it is not built. */
export async function sendPage(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<void> {
  const sent = await sendFile(req, res, path.join(WEB_DIR, file), { 'cache-control': 'no-cache', 'content-security-policy': PAGE_CSP });
  if (!sent) {
    const text = `The web pages are not built (no dist/web/${file}). Run: npm run build:web\n`;
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
    res.end(req.method === 'HEAD' ? undefined : text);
  }
}

/** Streams a file with its content type; false when there is no such file. */
export async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, headers: Record<string, string>): Promise<boolean> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) return false;
    size = s.size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': String(size),
    ...headers,
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res).on('finish', resolve);
  });
  return true;
}

export const explorerRoute: Route = {
  name: '/',
  matches: (method, url) => url.pathname === '/' && (method === 'GET' || method === 'HEAD'),
  handle: (req, res) => sendPage(req, res, 'explorer.html'),
};

/**
 * Asset names carry a content hash (explorer-3FQX2B7L.js): they never change, so they are cached for
 * good. Source maps (.map) are not served: they would publish the bundles' sources.
 */
const ASSET_NAME = /^\/assets\/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:js|css|txt|png|svg))$/;

export const webAssetRoute: Route = {
  name: '/assets/{file}',
  matches: (method, url) => url.pathname.startsWith('/assets/') && (method === 'GET' || method === 'HEAD'),
  handle: async (req, res, url) => {
    const name = ASSET_NAME.exec(url.pathname)?.[1];
    const hashed = name !== undefined && /-[A-Z0-9]{8}\./.test(name);
    const sent =
      name !== undefined &&
      (await sendFile(req, res, path.join(WEB_DIR, 'assets', name), { 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' }));
    if (!sent) {
      const text = JSON.stringify({ error: `no asset ${url.pathname}` });
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    }
  },
};
