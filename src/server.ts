// Starts the whole service: settings, a Neo4j (configured or provisioned), schema setup, seeding
// when the graph is empty or the seed changed, then the HTTP server. Returns a stop function that
// shuts everything down in order. Used by src/main.ts and by the tests.
import path from 'node:path';
import type { Logger } from 'pino';
import type { Settings } from './config/settings.js';
import { createApp, type App } from './http/app.js';
import { PROJECT_ROOT } from './config/paths.js';
import { Neo4jBreaker } from './neo4j/breaker.js';
import { createDriver, Db, verifyNeo4j, type DriverOptions } from './neo4j/driver.js';
import { provisionNeo4j, type ProvisionedNeo4j } from './provision/provision.js';
import { setupDatabase } from './neo4j/setup.js';
import { LocalNeo4jSupervisor } from './provision/supervisor.js';
import { registerReliabilityMetrics } from './http/reliability-metrics.js';
import { loadSeedDataset } from './seed/index.js';
import { readDatasetStamp } from './repos/dataset.js';
import { loadDataset } from './seed/loader.js';
import { startTracing, type Tracing } from './observability/tracing.js';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * The API's driver fails fast: a connection attempt gives up after 1 s, the driver does not retry
 * (a Neo4j that is down stays down for longer than a request may wait), and the breaker
 * (src/neo4j/breaker.ts) answers at once once Neo4j is known to be down.
 */
export const API_DRIVER_OPTIONS: DriverOptions = { connectionTimeoutMs: 1_000, acquisitionTimeoutMs: 5_000, maxRetryTimeMs: 0 };

export interface RunningService {
  readonly url: string;
  readonly app: App;
  readonly db: Db;
  readonly neo4j: ProvisionedNeo4j;
  /** Restarts the local Neo4j this process started when it dies (path c only). */
  readonly supervisor?: LocalNeo4jSupervisor;
  /** Present while tracing is on. */
  readonly tracing?: Tracing;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly settings: Settings;
  readonly logger: Logger;
  /** Keep a provisioned local database between runs (npm start) or not (tests). */
  readonly persistent?: boolean;
  /** An already running Neo4j to use instead of provisioning one (tests share one). */
  readonly neo4j?: ProvisionedNeo4j;
  /** Seed folder (default: the project's seed/); tests point it at fixtures. */
  readonly seedDir?: string;
  /** false: serve the graph as it is, without seeding it (the benchmark's bulk-imported graph). Default true. */
  readonly seed?: boolean;
  /** Test-only: trace into this exporter (e.g. an InMemorySpanExporter), whatever the settings say. */
  readonly traceExporter?: SpanExporter;
}

export async function startService(options: StartOptions): Promise<RunningService> {
  const { settings, logger } = options;
  // A long-running server: a local Neo4j gets the JVM's full JIT (slower to warm up, faster after).
  const neo4j =
    options.neo4j ??
    (await provisionNeo4j(settings.neo4j, { root: PROJECT_ROOT, persistent: options.persistent ?? true, jit: 'throughput', log: (l) => logger.info(l) }));
  const db = new Db(createDriver(neo4j, API_DRIVER_OPTIONS), neo4j.database, settings.requestTimeoutMs);
  // A local JVM this process started is restarted when it dies; the API stays up meanwhile.
  const supervisor =
    !options.neo4j && neo4j.local
      ? new LocalNeo4jSupervisor(neo4j.local.neo4j, {
          // Restarts use the quick-starting JIT: Neo4j is back sooner (about 10 s instead of 17 s on
          // 2 busy cores), at some throughput until the next planned restart.
          startOptions: { ...neo4j.local.options, jit: 'startup' },
          log: logger,
          afterRestart: async () => {
            await setupDatabase(db);
            await db.breaker?.probe();
          },
          onStatus: (reason) => {
            if (!db.breaker) return;
            db.breaker.degraded = reason;
            // Back: start the streak of probes readiness waits for now, not at the next tick.
            if (reason === undefined) void db.breaker.probe();
          },
        })
      : undefined;
  let app: App | undefined;
  const tracing = startTracing({ otlpEndpoint: settings.otlpEndpoint, exporter: options.traceExporter });
  const stopAll = async () => {
    if (app) await app.stop();
    logger.debug('http server drained');
    await tracing?.shutdown().catch((e: unknown) => logger.warn({ err: e }, 'tracing shutdown failed'));
    db.breaker?.stop();
    await db.close();
    logger.debug('driver closed');
    if (supervisor) await supervisor.stop();
    else if (!options.neo4j) await neo4j.stop();
    logger.debug('neo4j released');
  };
  try {
    await verifyNeo4j(db.driver, neo4j);
    await setupDatabase(db);
    if (options.seed !== false) await seedIfNeeded(db, logger, options.seedDir ?? path.join(PROJECT_ROOT, 'seed'));
    // From here on reads fail fast while Neo4j is down; the probe reads around the breaker.
    const probeDb = new Db(db.driver, db.database, 1_000);
    db.breaker = new Neo4jBreaker(async () => (await readDatasetStamp(probeDb))?.version ?? null);
    await db.breaker.start();
    app = await createApp({
      db,
      logger,
      limits: settings.limits,
      requestTimeoutMs: settings.requestTimeoutMs,
      responseCacheBytes: settings.responseCacheBytes,
      httpCacheMaxAgeSeconds: settings.httpCacheMaxAgeSeconds,
      corsOrigins: settings.corsOrigins,
      introspection: settings.introspection,
      tracing,
      federation: settings.federation,
      mcpMaxResultBytes: settings.mcpMaxResultBytes,
      server: settings.server,
    });
    registerReliabilityMetrics(app.metrics.registry, { breaker: db.breaker, supervisor });
    const url = await listen(app, settings.host, settings.port);
    let stopping: Promise<void> | undefined;
    return { url, app, db, neo4j, supervisor, tracing, stop: () => (stopping ??= stopAll()) };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

async function seedIfNeeded(db: Db, logger: Logger, seedDir: string): Promise<void> {
  const dataset = await loadSeedDataset(seedDir, PROJECT_ROOT);
  const stamp = await readDatasetStamp(db);
  if (stamp?.contentHash === dataset.contentHash) {
    logger.info({ datasetVersion: stamp.version }, 'dataset already loaded');
    return;
  }
  const result = await loadDataset(db, dataset);
  logger.info({ datasetVersion: result.version, previous: stamp?.version ?? null }, stamp ? 'seed changed: dataset reloaded' : 'empty graph: dataset loaded');
}

function listen(app: App, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(port, host, () => {
      app.server.off('error', reject);
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve(`http://${shownHost}:${actualPort}/graphql`);
    });
  });
}
