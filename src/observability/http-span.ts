// The span of one HTTP request: the root of a request's tree (the GraphQL operation and its Cypher
// round trips are its children through the active context). The URL's query string is left out:
// a GET /graphql carries the query and its variables there.
import type http from 'node:http';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR } from './attributes.js';
import type { Tracing } from './tracing.js';

export function traceHttpRequest(tracing: Tracing, req: http.IncomingMessage, res: http.ServerResponse, requestId: string, work: () => Promise<void>): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  // A low-cardinality name: the route for the API, the method alone for anything else.
  const route = pathname === '/graphql' ? '/graphql' : undefined;
  const span = tracing.tracer.startSpan(
    route ? `${method} ${route}` : method,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': method, 'url.path': pathname.slice(0, 200), ...(route ? { 'http.route': route } : {}), [ATTR.requestId]: requestId },
    },
    ROOT_CONTEXT,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    const roundTrips = Number(res.getHeader('x-cypher-round-trips'));
    if (Number.isFinite(roundTrips)) span.setAttribute(ATTR.roundTrips, roundTrips);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(ROOT_CONTEXT, span), work);
}
