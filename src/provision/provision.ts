// Finds a Neo4j for this process, in the order the README gives:
//   a. NEO4J_URI is set: that server (compose service, Aura, a cluster; neo4j:// routing included);
//   b. a Docker engine answers: neo4j:5.26-community through testcontainers;
//   c. Java 17+ is present: Neo4j Community 5.26 from Maven Central, run locally (src/provision/local.ts);
//   d. none of these: an error that says how to get one.
// One module for `npm start`, the tests and the benchmarks.
import type { Settings } from '../config/settings.js';
import { dockerEngineAnswers, startDockerNeo4j } from './docker.js';
import { javaMajorVersion, startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from './local.js';

export type ProvisionPath = 'configured' | 'docker' | 'local-java';

export interface ProvisionedNeo4j {
  readonly path: ProvisionPath;
  readonly uri: string;
  readonly username: string;
  readonly password?: string;
  readonly database?: string;
  /** Stops a Neo4j this process started; a no-op for a configured one. */
  stop(): Promise<void>;
  /** Path c: the JVM and how it was started (src/neo4j/supervisor.ts restarts it the same way). */
  readonly local?: { readonly neo4j: LocalNeo4j; readonly options: LocalNeo4jOptions };
}

export class ProvisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisionError';
  }
}

export interface ProvisionOptions {
  readonly root: string;
  /** npm start keeps its local database between runs; tests and benchmarks use a fresh one. */
  readonly persistent: boolean;
  readonly log?: (line: string) => void;
  /** Skip the Docker probe (set MLOPSKG_NO_DOCKER=1 to force the local Java path). */
  readonly allowDocker?: boolean;
  /** JVM heap of a local Neo4j (path c), e.g. '4g'; default: src/provision/local.ts's small one. The benchmarks raise it for large graphs. */
  readonly heap?: string;
  /** Page cache of a local Neo4j (path c), e.g. '2g'; default 128m. */
  readonly pageCache?: string;
  /** JIT mode of a local Neo4j (path c); see LocalNeo4jOptions.jit. */
  readonly jit?: 'startup' | 'throughput';
  /** Path c only: prepares the new database home before Neo4j starts (LocalNeo4jOptions.prepareHome). */
  readonly prepareHome?: (home: string) => Promise<void>;
}

export async function provisionNeo4j(settings: Settings['neo4j'], options: ProvisionOptions): Promise<ProvisionedNeo4j> {
  const log = options.log ?? (() => {});
  if (settings.uri) {
    return { path: 'configured', ...settings, uri: settings.uri, stop: async () => {} };
  }
  if ((options.allowDocker ?? process.env.MLOPSKG_NO_DOCKER !== '1') && (await dockerEngineAnswers())) {
    log('Starting neo4j:5.26-community in Docker (testcontainers)...');
    const c = await startDockerNeo4j();
    return { path: 'docker', ...c, database: settings.database };
  }
  const java = await javaMajorVersion();
  if (java !== undefined && java >= 17) {
    log(`Starting a local Neo4j Community 5.26 on Java ${java}...`);
    const localOptions: LocalNeo4jOptions = { root: options.root, persistent: options.persistent, log, heap: options.heap, pageCache: options.pageCache, jit: options.jit, prepareHome: options.prepareHome };
    const local = await startLocalNeo4j(localOptions);
    return { path: 'local-java', uri: local.uri, username: local.username, password: local.password, stop: local.stop, local: { neo4j: local, options: localOptions } };
  }
  throw new ProvisionError(
    `No Neo4j available: set NEO4J_URI (and NEO4J_PASSWORD) to use a running server, start a Docker engine, or install Java 17+ and Maven${
      java !== undefined ? ` (found Java ${java})` : ''
    }.`,
  );
}
