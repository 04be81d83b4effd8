// Metrics of the self-healing parts: whether Neo4j answers (the breaker's last state), requests the
// breaker refused, and restarts of the local Neo4j by the supervisor. Read when /metrics is scraped.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Neo4jBreaker } from '../neo4j/breaker.js';

/** What the metrics read of a supervisor of the local Neo4j (src/provision/supervisor.ts). */
export interface RestartCounts {
  readonly restarts: number;
  readonly failedRestarts: number;
}

/** A counter whose value lives elsewhere (a plain number on the breaker or supervisor). */
function mirroredCounter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[], read: () => [Partial<Record<L, string>>, number][]): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.inc(labels, value);
    },
  });
}

export function registerReliabilityMetrics(registry: Registry, sources: { breaker?: Neo4jBreaker; supervisor?: RestartCounts }): void {
  const { breaker, supervisor } = sources;
  if (breaker) {
    new Gauge({
      name: 'mlopskg_neo4j_up',
      help: 'Whether Neo4j answered the last background probe (1) or not (0).',
      registers: [registry],
      collect() {
        this.set(breaker.open ? 0 : 1);
      },
    });
    mirroredCounter(registry, 'mlopskg_neo4j_breaker_trips_total', 'Times the circuit breaker opened (Neo4j found down).', [], () => [[{}, breaker.trips]]);
    mirroredCounter(registry, 'mlopskg_neo4j_breaker_rejections_total', 'Neo4j reads refused at once while the circuit breaker was open.', [], () => [[{}, breaker.rejected]]);
  }
  if (supervisor) {
    mirroredCounter(registry, 'mlopskg_neo4j_restarts_total', 'Restarts of the local Neo4j after its JVM exited, by outcome (ok, failed).', ['outcome'] as const, () => [
      [{ outcome: 'ok' }, supervisor.restarts],
      [{ outcome: 'failed' }, supervisor.failedRestarts],
    ]);
  }
}

/** Requests under way now (bounded by MAX_CONCURRENT_REQUESTS) and requests refused for want of room. */
export function registerLoadMetrics(registry: Registry, underWay: () => number): Counter {
  new Gauge({
    name: 'mlopskg_graphql_requests_under_way',
    help: 'GraphQL requests waiting for the graph version or executing now (at most MAX_CONCURRENT_REQUESTS).',
    registers: [registry],
    collect() {
      this.set(underWay());
    },
  });
  return new Counter({
    name: 'mlopskg_graphql_requests_shed_total',
    help: 'GraphQL requests refused at once (503) because MAX_CONCURRENT_REQUESTS were under way.',
    registers: [registry],
  });
}
