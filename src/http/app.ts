// The HTTP front: Apollo Server 5 on Node's own http server, plus the routes of src/http/routes.
// Apollo has no Node http integration beyond `standalone`, whose fixed routing we cannot extend,
// so requests reach it through executeHTTPGraphQLRequest, as integrations do. Around it: request
// ids and logs, CORS, security headers (headers.ts), the body (body.ts) and token limits, batching
// refusal, persisted-query checks (persisted.ts), cost before work (document-check.ts), the cache
// front (cache-front.ts: cached, stale and shared answers), the bound on requests under way, the
// GraphQL-over-HTTP watershed (watershed.ts), server timeouts, the shutdown drain (drain.ts), metrics.
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
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
import { CacheFront, type CachePass } from './cache-front.js';
import { sendAnswer } from './single-flight.js';
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
import { applyCors, requestIdOf, SECURITY_HEADERS } from './headers.js';
import { registerLoadMetrics } from './reliability-metrics.js';
import type { Counter } from 'prom-client';
import { ClientGone, HttpRefusal, parseBody, readBodyText } from './body.js';
import { Drain } from './drain.js';
import { DOCUMENT_REFUSAL_CODES, DocumentOutcomes } from './document-check.js';
import { checkPersistedQuery, getExtensions } from './persisted.js';
import { errorCodesOf, isRequestError, wantsGraphQLResponse, watershedStatus } from './watershed.js';
import type { ServerSettings } from '../config/settings.js';

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
  /** Timeouts, the bound on requests executing at once, the shutdown grace (defaults: the settings' defaults). */
  readonly server?: Partial<ServerSettings>;
}

/** The graph's version is read with this bound: a hung Neo4j must not hold every request (cached ones included). */
export const VERSION_READ_TIMEOUT_MS = 1_000;

const SERVER_DEFAULTS: ServerSettings = { maxConcurrentRequests: 64, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, shutdownGraceMs: 15_000 };

export interface App {
  readonly server: http.Server;
  readonly apollo: ApolloServer<AppContext>;
  readonly metrics: Metrics;
  /** The graph's version as this process knows it (no round trip per request). */
  readonly graphVersion: GraphVersionWatch;
  /** Runs one operation in-process through the same Apollo Server (the MCP tools: src/http/execute.ts). */
  readonly execute: GraphQLExecutor;
  /** Set while draining (after SIGTERM): /readyz answers 503. */
  readonly drain: Drain;
  /** Stops accepting, drains in-flight requests (within the shutdown grace), stops Apollo. Does not close the driver. */
  stop(): Promise<void>;
}

export type AppContext = RequestContext & { meta?: RequestMeta };


export async function createApp(options: AppOptions): Promise<App> {
  const { limits } = options;
  const srv = { ...SERVER_DEFAULTS, ...options.server };
  // Slow clients are cut: headers and whole requests have deadlines, checked every second (Node's
  // default check runs every 30 s, so a 10 s headers timeout could take 40 s to act).
  const server = http.createServer({ headersTimeout: srv.headersTimeoutMs, requestTimeout: srv.requestTimeoutMs, keepAliveTimeout: srv.keepAliveTimeoutMs, connectionsCheckingInterval: 1_000 });
  server.keepAliveTimeout = srv.keepAliveTimeoutMs;
  const drain = new Drain(server);
  const documents = new DocumentOutcomes(limits.maxSelections ?? 500, limits.maxTokens);
  let underWay = 0;
  let shed: Counter | undefined;
  const cache = options.responseCacheBytes ? new ResponseCache(options.responseCacheBytes) : undefined;
  const metrics = createMetrics(() => options.db.inFlight, () => cache?.size.bytes ?? 0);
  // This process's writes are seen at once; others' within watch.maxAgeMs (src/cache/graph-version-watch.ts).
  const watch = new GraphVersionWatch(() => graphVersion({ read: (cypher, params) => options.db.read(cypher, params, VERSION_READ_TIMEOUT_MS) }));
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
  const operationExecutor = createExecutor({ apollo, db: options.db, requestTimeoutMs: options.requestTimeoutMs, watch, logger: options.logger });
  shed = registerLoadMetrics(metrics.registry, () => underWay);

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
        if (res.headersSent) return;
        const headers: Record<string, string> = e.status === 503 ? { 'retry-after': '1' } : {};
        let status = e.status;
        if (status === 400 && isRequestError(e.error.extensions)) {
          // The watershed (src/http/watershed.ts): 200 to application/json clients, 400 to the others.
          if (wantsGraphQLResponse(req.headers.accept)) headers['content-type'] = 'application/graphql-response+json; charset=utf-8';
          else status = 200;
        }
        sendJson(res, status, { errors: [{ message: e.error.message, extensions: withoutHttp(e.error.extensions) }] }, headers);
        return;
      }
      if (e instanceof ClientGone) {
        // Not a fault of ours, and nobody to answer: one quiet line, no stack.
        meta.logger.info({ outcome: 'client-gone' }, e.message);
        res.destroy();
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
    // /metrics is never readable cross-origin (src/http/routes/metrics.ts).
    if (url.pathname !== '/metrics') applyCors(req, res, options.corsOrigins);
    if (method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const route = ROUTES.find((r) => r.matches(method, url, req));
    if (route) {
      const mcp = { execute: operationExecutor, maxResultBytes: options.mcpMaxResultBytes, readBody: (r: http.IncomingMessage) => readBodyText(r, limits.maxBodyBytes) };
      return route.handle(req, res, url, { db: options.db, logger: meta.logger, metrics, graphVersion: watch, httpCacheMaxAgeSeconds: options.httpCacheMaxAgeSeconds ?? 0, draining: () => drain.draining, mcp });
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}; the API is at /graphql` });

    const bodyText = method === 'POST' ? await readBodyText(req, limits.maxBodyBytes) : undefined;
    // A bounded number of requests are under way at once (waiting on the graph's version or executing);
    // the rest get what memory holds, else are told at once to come back (503, Retry-After).
    if (underWay >= srv.maxConcurrentRequests) {
      if ((await front.before(req, res, method, url.search, bodyText, meta, false)) === true) return;
      shed?.inc();
      throw new HttpRefusal(503, new GraphQLError('The server has too many requests under way; retry in a second.', { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }));
    }
    underWay += 1;
    let pass: CachePass | true | undefined;
    try {
      pass = await front.before(req, res, method, url.search, bodyText, meta);
      if (pass !== true) await graphql(req, res, meta, method, url, bodyText, pass);
    } finally {
      underWay -= 1;
      // Identical requests waiting on this one execute by themselves when it gave nothing to share.
      if (pass && pass !== true) pass.share?.(undefined);
    }
  }

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, meta: RequestMeta, method: string, url: URL, bodyText: string | undefined, pass: CachePass): Promise<void> {
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
    const badPersisted = checkPersistedQuery(method === 'POST' ? (body as { extensions?: unknown } | undefined)?.extensions : getExtensions(url), query);
    if (badPersisted) throw new HttpRefusal(400, badPersisted);
    // Cost before work: counted on the parsed document (once per query text), before validation.
    const accept = req.headers.accept ?? '';
    if (typeof query === 'string') {
      const costly = documents.check(query);
      // An operation type the API does not serve, by GET: 405 as for any non-query GET.
      if (costly) throw new HttpRefusal(method === 'GET' && costly.extensions.operationType ? 405 : 400, costly);
      // The same document refused before: the same answer, without parsing or validating it again.
      const known = documents.refused(query, accept);
      if (known) {
        metrics.requests.inc({ operation: 'anonymous', outcome: 'error' });
        return void sendAnswer(res, known, 'refused');
      }
    }
    await execute(req, res, meta, method, url, headers, body, pass, query, accept);
  }

  async function execute(req: http.IncomingMessage, res: http.ServerResponse, meta: RequestMeta, method: string, url: URL, headers: HeaderMap, body: unknown, pass: CachePass, query: unknown, accept: string): Promise<void> {
    let context: AppContext | undefined;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      // The deadline counts from the request's arrival (the wait for the graph's version included).
      context: async () => (context = { ...createContext(options.db, options.requestTimeoutMs, Date.now() - (performance.now() - meta.startedAt)), meta }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // How many Cypher round trips the request cost: benchmarks and curious clients read it.
    if (context) res.setHeader('x-cypher-round-trips', String(context.db.roundTrips));
    const errorCodes = response.body.kind === 'complete' ? errorCodesOf(response.body.string) : [];
    res.statusCode = watershedStatus(response.status ?? 200, response.headers.get('content-type'), errorCodes);
    if (context?.meta) front.after(res, pass, res.statusCode, response.headers, context.meta);
    if (response.body.kind === 'complete') {
      const answer = { status: res.statusCode, headers: [...response.headers], text: response.body.string, ok: errorCodes.length === 0 };
      pass.share?.(answer);
      // A document that does not parse or validate is refused the same way next time, from memory.
      if (typeof query === 'string' && errorCodes.length > 0 && errorCodes.every((c) => DOCUMENT_REFUSAL_CODES.has(c))) documents.keepRefusal(query, accept, answer);
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
    execute: operationExecutor,
    drain,
    stop: async () => {
      const { cut, waitedMs } = await drain.drain(srv.shutdownGraceMs);
      options.logger.info({ cut, waitedMs }, cut ? 'drain: grace period over, connections cut' : 'drain: every accepted request answered');
      unwatch();
      await apollo.stop();
    },
  };
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}
