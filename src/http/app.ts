// The HTTP front: Apollo Server 5 on Node's own http server, plus the routes of src/http/routes.
// Apollo has no Node http integration beyond `standalone`, whose fixed routing we cannot extend,
// so requests reach it through executeHTTPGraphQLRequest, as integrations do. Around it: request
// ids and logs, CORS, security headers, the body and token limits, batching refusal, metrics.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Limits } from '../config/settings.js';
import { ErrorCode } from '../domain/error-codes.js';
import { createContext, type RequestContext } from '../graphql/context.js';
import type { Db } from '../neo4j/driver.js';
import { createResolvers } from '../resolvers/index.js';
import { loadTypeDefs } from '../graphql/schema.js';
import { buildSubgraph } from '../graphql/subgraph.js';
import { formatError } from './errors.js';
import { checkTokens, limitValidationRules, refusal } from './limits.js';
import { createMetrics, type Metrics } from './metrics.js';
import { ResponseCache } from '../cache/response-cache.js';
import { GraphVersionWatch } from '../cache/graph-version-watch.js';
import { graphVersion } from '../repos/dataset.js';
import { CacheFront } from './cache-front.js';
import { RawCache } from './raw-cache.js';
import { observabilityPlugin, type RequestMeta } from './plugins/observability.js';
import { responseCachePlugin, stringifyResult } from './plugins/response-cache.js';
import { ROUTES } from './routes/index.js';
import { traceHttpRequest } from '../observability/http-span.js';
import type { Tracing } from '../observability/tracing.js';
import { tracingPlugin } from './plugins/tracing.js';
import { sendJson } from './routes/types.js';
import { createExecutor } from './execute.js';
import type { GraphQLExecutor } from '../mcp/types.js';

export interface AppOptions {
  readonly db: Db;
  readonly logger: Logger;
  readonly limits: Limits;
  readonly requestTimeoutMs: number;
  /** Bytes of whole answers kept per dataset version (0: no response cache). */
  readonly responseCacheBytes?: number;
  readonly corsOrigins: '*' | readonly string[];
  readonly introspection: boolean;
  /** Cache-Control max-age of GET answers, in seconds (0: clients revalidate with the ETag). */
  readonly httpCacheMaxAgeSeconds?: number;
  /** Spans for requests, operations and Cypher reads (src/observability/); absent: tracing off. */
  readonly tracing?: Tracing;
  /** 'subgraph': serve the schema as an Apollo Federation 2 subgraph. */
  readonly federation?: 'off' | 'subgraph';
  /** The most JSON bytes one MCP tool call returns (MCP_MAX_RESULT_BYTES; src/mcp/). */
  readonly mcpMaxResultBytes?: number;
}

export interface App {
  readonly server: http.Server;
  readonly apollo: ApolloServer<AppContext>;
  readonly metrics: Metrics;
  /** The graph's version as this process knows it (no round trip per request). */
  readonly graphVersion: GraphVersionWatch;
  /** Runs one operation in-process through the same Apollo Server (the MCP tools: src/http/execute.ts). */
  readonly execute: GraphQLExecutor;
  /** Stops accepting, drains in-flight requests, stops Apollo. Does not close the driver. */
  stop(): Promise<void>;
}

export type AppContext = RequestContext & { meta?: RequestMeta };

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphQLError,
  ) {
    super(error.message);
  }
}

export async function createApp(options: AppOptions): Promise<App> {
  const { limits } = options;
  const server = http.createServer();
  const cache = options.responseCacheBytes ? new ResponseCache(options.responseCacheBytes) : undefined;
  const metrics = createMetrics(() => options.db.inFlight, () => cache?.size.bytes ?? 0);
  // This process's writes are seen at once; others' within watch.maxAgeMs (src/cache/graph-version-watch.ts).
  const watch = new GraphVersionWatch(() => graphVersion(options.db));
  const unwatch = options.db.onWrite((phase) => (phase === 'start' ? watch.writeStarted() : watch.writeEnded()));
  const front = new CacheFront({ watch, raw: cache ? new RawCache(cache, watch) : undefined, metrics, logger: options.logger, maxAgeSeconds: options.httpCacheMaxAgeSeconds ?? 0 });
  const apollo = new ApolloServer<AppContext>({
    // FEDERATION=subgraph: the same SDL and resolvers as a federation 2 subgraph (src/graphql/subgraph.ts).
    ...(options.federation === 'subgraph' ? { schema: buildSubgraph(loadTypeDefs(), createResolvers()) } : { typeDefs: loadTypeDefs(), resolvers: createResolvers() }),
    formatError,
    // Answers from the response cache go out as the text it kept; others as Apollo would write them.
    stringifyResult,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // src/main.ts owns SIGINT/SIGTERM and stops everything in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    validationRules: limitValidationRules(limits),
    // A backstop behind checkTokens (which says how many tokens the query had).
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      ...(options.tracing ? [tracingPlugin(options.tracing, { datasetVersion: () => options.db.breaker?.last?.datasetVersion ?? undefined, database: options.db.database })] : []),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // The schema declares no @cacheControl hints, so the default plugin would only wrap every
      // field resolution to compute a policy nobody reads (a measurable share of CPU per request).
      ApolloServerPluginCacheControlDisabled(),
      observabilityPlugin(limits, metrics),
      // After the limits: a cached answer is still refused when its query is over them.
      responseCachePlugin(cache, {
        count: (outcome) => metrics.responseCache.inc({ outcome }),
        stillCurrent: (snapshot) => watch.epoch === snapshot.epoch,
        operationLabel: (name) => metrics.operationLabel(name),
      }),
    ],
  });
  await apollo.start();
  const execute = createExecutor({ apollo, db: options.db, requestTimeoutMs: options.requestTimeoutMs, watch, logger: options.logger });

  server.on('request', (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    // The request's child logger is made when first used: an answer from the cache never makes it.
    let child: Logger | undefined;
    const meta: RequestMeta = {
      requestId,
      get logger() {
        return (child ??= options.logger.child({ reqId: requestId }));
      },
      startedAt: performance.now(),
    };
    const work = () => handle(req, res, meta);
    (options.tracing ? traceHttpRequest(options.tracing, req, res, requestId, work) : work()).catch((e: unknown) => {
      if (e instanceof HttpRefusal) {
        const limit = e.error.extensions.limit;
        if (typeof limit === 'string') metrics.refusals.inc({ limit });
        if (!res.headersSent) sendJson(res, e.status, { errors: [{ message: e.error.message, extensions: withoutHttp(e.error.extensions) }] });
        return;
      }
      meta.logger.error({ err: e }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, meta: RequestMeta): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    applyCors(req, res, options.corsOrigins);
    if (method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const route = ROUTES.find((r) => r.matches(method, url, req));
    if (route) {
      const mcp = { execute, maxResultBytes: options.mcpMaxResultBytes, readBody: (r: http.IncomingMessage) => readBodyText(r, limits.maxBodyBytes) };
      return route.handle(req, res, url, { db: options.db, logger: meta.logger, metrics, graphVersion: watch, httpCacheMaxAgeSeconds: options.httpCacheMaxAgeSeconds ?? 0, mcp });
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}; the API is at /graphql` });

    const bodyText = method === 'POST' ? await readBodyText(req, limits.maxBodyBytes) : undefined;
    const pass = await front.before(req, res, method, url.search, bodyText, meta);
    if (pass === true) return;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = bodyText === undefined ? undefined : parseBody(bodyText, headers.get('content-type'));
    if (Array.isArray(body)) {
      throw new HttpRefusal(400, refusal('batch', 1, body.length, 'the number of operations in one request (batching is off)'));
    }
    const query = method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
    const tooManyTokens = checkTokens(query, limits);
    if (tooManyTokens) throw new HttpRefusal(400, tooManyTokens);

    let context: AppContext | undefined;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => (context = { ...createContext(options.db, options.requestTimeoutMs), meta }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // How many Cypher round trips the request cost: benchmarks and curious clients read it.
    if (context) res.setHeader('x-cypher-round-trips', String(context.db.roundTrips));
    res.statusCode = response.status ?? 200;
    if (context?.meta) front.after(res, pass, res.statusCode, response.headers, context.meta);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    server,
    apollo,
    metrics,
    graphVersion: watch,
    execute,
    stop: async () => {
      unwatch();
      await apollo.stop();
    },
  };
}

/** A caller's own request id is kept when it is a sane token; otherwise a new one is made. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

function applyCors(req: http.IncomingMessage, res: http.ServerResponse, origins: '*' | readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (origins !== '*' && !origins.includes(origin)) return;
  res.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
  if (origins !== '*') res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type, accept, apollo-require-preflight, x-apollo-operation-name, x-request-id, mcp-protocol-version, mcp-method, mcp-name, mcp-session-id');
  res.setHeader('access-control-expose-headers', 'x-request-id, x-cypher-round-trips, x-response-cache');
  res.setHeader('access-control-max-age', '600');
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}

/**
 * The request body as text, refused past `limit` bytes. Read with 'data' and 'end' listeners rather
 * than `for await`: the stream's async iterator costs more per request than a cached answer's whole
 * lookup (docs/performance.md).
 */
function readBodyText(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = (actual: number | string) => new HttpRefusal(413, refusal('bodyBytes', limit, actual, 'the request body size in bytes'));
  if (declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(declared));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (settle: () => void) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      settle();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Drain the rest unread, and answer now.
      done(() => reject(tooLarge(`more than ${limit}`)));
      req.resume();
    };
    const onEnd = () => done(() => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    const onError = (e: Error) => done(() => reject(e));
    // A client that goes away mid-body: no 'end' comes.
    const onClose = () => done(() => reject(new Error('the client closed the connection before the request body ended')));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (contentType && /^application\/(graphql-response\+)?json\b/i.test(contentType.trim())) {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpRefusal(400, new GraphQLError('The request body is not valid JSON.', { extensions: { code: ErrorCode.BAD_REQUEST } }));
    }
  }
  return text;
}
