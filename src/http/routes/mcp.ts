// POST /mcp: the Model Context Protocol over Streamable HTTP (src/mcp/), stateless: the 2026-07-28
// revision per request, and 2025-era clients through the SDK's stateless fallback (GET and DELETE,
// their session operations, answer 405). It sits behind the same front door as /graphql: request id,
// security headers and CORS (src/http/app.ts; a browser origin CORS_ORIGINS does not allow is refused
// 403), the MAX_BODY_BYTES body limit (413 past it), and each
// tool call runs through the same Apollo Server, so it is counted, logged, limited and cached as an
// operation of /graphql is (under its operation name, e.g. FindEntities).
import type http from 'node:http';
import { createMcpHandler, type McpHttpHandler } from '@modelcontextprotocol/server';
import { mcpServerFactory } from '../../mcp/server.js';
import type { GraphQLExecutor } from '../../mcp/types.js';
import { sendJson, type Route, type RouteDeps } from './types.js';

/** The default of MCP_MAX_RESULT_BYTES, for an app started without settings (tests, benchmarks). */
const DEFAULT_MAX_RESULT_BYTES = 100_000;

/** One handler per app (keyed by its executor): the handler keeps nothing between requests. */
const handlers = new WeakMap<GraphQLExecutor, McpHttpHandler>();

function handlerFor(deps: RouteDeps): McpHttpHandler {
  const mcp = deps.mcp!;
  let handler = handlers.get(mcp.execute);
  if (!handler) {
    const factory = mcpServerFactory({ execute: mcp.execute, maxResultBytes: mcp.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES, logger: deps.logger });
    handler = createMcpHandler(factory, { legacy: 'stateless', onerror: (e) => deps.logger.warn({ err: e }, 'mcp request refused') });
    handlers.set(mcp.execute, handler);
  }
  return handler;
}

function webHeaders(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key.startsWith(':')) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

export const mcpRoute: Route = {
  name: '/mcp',
  matches: (_method, url) => url.pathname === '/mcp',
  async handle(req, res, url, deps) {
    if (!deps.mcp) throw new Error('the /mcp route needs the app to pass its executor');
    const method = (req.method ?? 'GET').toUpperCase();
    // The MCP spec asks servers to check Origin (DNS rebinding): a browser origin that CORS_ORIGINS does
    // not allow (app.ts then set no allow-origin header) is refused here, before anything runs.
    if (req.headers.origin && !res.hasHeader('access-control-allow-origin')) {
      req.resume();
      return sendJson(res, 403, { jsonrpc: '2.0', id: null, error: { code: -32600, message: `Origin ${req.headers.origin} is not allowed (CORS_ORIGINS)` } });
    }
    const body = method === 'POST' ? await deps.mcp.readBody(req) : undefined;
    // A client that goes away aborts the exchange.
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const request = new Request(new URL(url.pathname + url.search, 'http://localhost'), { method, headers: webHeaders(req), body, signal: abort.signal });
    const response = await handlerFor(deps).fetch(request);
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    if (!response.body) {
      res.end();
      return;
    }
    // JSON in one piece, or an SSE stream: written as it comes.
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  },
};
