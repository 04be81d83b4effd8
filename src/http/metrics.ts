// Prometheus metrics (prom-client), one registry per app so tests can run several apps at once.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly latency: Histogram<'operation'>;
  readonly refusals: Counter<'limit'>;
  readonly responseCache: Counter<'outcome'>;
  /** Label an operation name safely: bounded, so a client cannot blow up the label set. */
  operationLabel(name: string | null | undefined): string;
}

const MAX_OPERATION_LABELS = 200;

export function createMetrics(neo4jInFlight: () => number, responseCacheBytes: () => number = () => 0): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'mlopskg_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, error, refused, unavailable).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'mlopskg_graphql_request_duration_seconds',
    help: 'Time from request to response, by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'mlopskg_query_refusals_total',
    help: 'Requests refused before execution, by the limit they hit.',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const responseCache = new Counter({
    name: 'mlopskg_response_cache_total',
    help: 'Query operations by how the response cache answered them: hit (from memory), miss (executed), not-modified (HTTP 304 to an If-None-Match).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'mlopskg_response_cache_bytes',
    help: 'Size of the answer texts the response cache holds now (JSON characters).',
    registers: [registry],
    collect() {
      this.set(responseCacheBytes());
    },
  });
  new Gauge({
    name: 'mlopskg_neo4j_queries_in_flight',
    help: 'Neo4j queries running now (each holds a pooled connection): the pool in use.',
    registers: [registry],
    collect() {
      this.set(neo4jInFlight());
    },
  });
  const seen = new Set<string>();
  return {
    registry,
    requests,
    latency,
    refusals,
    responseCache,
    operationLabel(name) {
      if (!name || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'anonymous';
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_LABELS) return 'other';
      seen.add(name);
      return name;
    },
  };
}
