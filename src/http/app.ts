// The HTTP front: Apollo Server 5 on Node's own http server, plus /healthz and /readyz.
// Apollo has no built-in Node http integration beyond `standalone`, whose fixed routing we
// cannot extend, so requests reach it through executeHTTPGraphQLRequest, as integrations do.
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import { createContext, type RequestContext } from '../context.js';
import type { Db } from '../neo4j/driver.js';
import { createResolvers } from '../resolvers/index.js';
import { loadTypeDefs } from '../schema.js';
import { ROUTES } from './routes/index.js';
import { sendJson } from './routes/types.js';
import { formatError } from './errors.js';

export interface AppOptions {
  readonly db: Db;
  readonly logger: Logger;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
}

export interface App {
  readonly server: http.Server;
  readonly apollo: ApolloServer<RequestContext>;
  /** Stops accepting, drains in-flight requests, stops Apollo. Does not close the driver. */
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function createApp(options: AppOptions): Promise<App> {
  const server = http.createServer();
  const apollo = new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: createResolvers() as never,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  server.on('request', (req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) options.logger.error({ err: e }, 'request failed');
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: e instanceof HttpError ? e.message : 'Internal server error' }] });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const route = ROUTES.find((r) => r.matches(method, url, req));
    if (route) return route.handle(req, res, url, { db: options.db, logger: options.logger });
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}; the API is at /graphql` });

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = method === 'POST' ? await readBody(req, headers.get('content-type'), maxBodyBytes) : undefined;
    let context: RequestContext | undefined;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => (context = createContext(options.db)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // How many Cypher round trips the request cost: benchmarks and curious clients read it.
    if (context) res.setHeader('x-cypher-round-trips', String(context.db.roundTrips));
    res.statusCode = response.status ?? 200;
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
    stop: async () => {
      await apollo.stop();
    },
  };
}

async function readBody(req: http.IncomingMessage, contentType: string | undefined, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `request body too large: ${declared} bytes, the limit is ${limit}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request body too large: over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (contentType && /^application\/(graphql-response\+)?json\b/i.test(contentType.trim())) {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'request body is not valid JSON');
    }
  }
  return text;
}
