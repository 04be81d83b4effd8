// Runs Neo4j Community 5.26 locally on the JVM, from its Maven Central artifacts: the path that
// `npm start`, `npm test` and CI take on machines with Java 17+ and no Docker engine.
//
// neo4j-local/pom.xml names the artifacts; Maven fetches them once into ~/.m2 and writes their
// classpath into .neo4j/ (gitignored); neo4j-local/Neo4jLocal.java starts the database embedded with
// the Bolt connector on a free loopback port and a generated password. The JVM exits when its
// standard input closes, so it never outlives the Node process that started it.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';

const run = promisify(execFile);

export interface LocalNeo4jOptions {
  /** Project root: neo4j-local/ is read from here and .neo4j/ written here. */
  readonly root: string;
  /** Keep the database between runs (npm start) or use a throw-away one (tests, benchmarks). */
  readonly persistent: boolean;
  /** Where progress lines go (first start downloads ~100 MB of jars). */
  readonly log?: (line: string) => void;
  /** JVM heap ceiling, e.g. '768m' (the default, for a 2-core, shared machine) or '4g'. */
  readonly heap?: string;
  /** Neo4j's page cache (the store's pages in memory), e.g. '128m' (the default) or '2g'. */
  readonly pageCache?: string;
  /**
   * 'startup' (the default) stops the JIT at C1: the JVM is ready sooner and uses less CPU while it
   * warms up, which suits tests and short runs. 'throughput' lets C2 compile the hot paths: slower to
   * warm up, several times faster on long, heavy work (bulk loads, benchmarks, a long-running API).
   */
  readonly jit?: 'startup' | 'throughput';
  readonly startTimeoutMs?: number;
  /**
   * Called with the new home before Neo4j first starts on it: the benchmark imports a large graph
   * there offline (src/provision/bulk-import.ts). Not called when a home is reused.
   */
  readonly prepareHome?: (home: string) => Promise<void>;
  /** Restart an existing database: its home, Bolt port and password (tests of outages use these). */
  readonly reuse?: { readonly home: string; readonly port: number; readonly password: string };
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly port: number;
  readonly home: string;
  /** Process id of the JVM. */
  readonly pid: number;
  /** Stops the JVM (and deletes a throw-away home unless keepHome). Safe to call more than once. */
  stop(options?: { keepHome?: boolean }): Promise<void>;
  /** Resolves when the JVM has exited, for whatever reason. */
  readonly exited: Promise<number | null>;
}

export class LocalNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

/** Major version of the `java` on PATH, or undefined when there is none. */
export async function javaMajorVersion(): Promise<number | undefined> {
  try {
    const { stderr, stdout } = await run('java', ['-version'], { timeout: 15_000 });
    const m = /version "(\d+)(?:\.(\d+))?/.exec(stderr + stdout);
    if (!m) return undefined;
    const major = Number(m[1]);
    return major === 1 ? Number(m[2]) : major;
  } catch {
    return undefined;
  }
}

/** Resolves the Neo4j jars with Maven (cached in ~/.m2) and returns the classpath file's path. */
export async function ensureClasspath(root: string, log: (line: string) => void = () => {}): Promise<string> {
  const pom = path.join(root, 'neo4j-local', 'pom.xml');
  const cacheDir = path.join(root, '.neo4j');
  const cpFile = path.join(cacheDir, 'classpath.txt');
  const stampFile = path.join(cacheDir, 'classpath.sha256');
  const pomHash = createHash('sha256').update(await readFile(pom)).digest('hex');
  if (existsSync(cpFile) && existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === pomHash) {
    const jars = (await readFile(cpFile, 'utf8')).trim().split(path.delimiter);
    if (jars.length > 0 && jars.every((j) => existsSync(j))) return cpFile;
  }
  await mkdir(cacheDir, { recursive: true });
  log('Resolving Neo4j Community from Maven Central (first run only; cached in ~/.m2)...');
  try {
    await run('mvn', ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], {
      timeout: 15 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stdout?: string };
    if (err.code === 'ENOENT') {
      throw new LocalNeo4jError('Maven (mvn) is needed to fetch Neo4j from Maven Central: install Maven, start Docker, or set NEO4J_URI.');
    }
    const detail = (err.stdout ?? '').split('\n').find((l) => l.includes('ERROR')) ?? err.message;
    throw new LocalNeo4jError(`Maven could not resolve Neo4j: ${detail.trim()}`);
  }
  await writeFile(stampFile, pomHash);
  return cpFile;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a local Neo4j and waits until Bolt accepts connections. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  const cpFile = await ensureClasspath(options.root, log);
  const cacheDir = path.join(options.root, '.neo4j');
  await removeAbandonedHomes(cacheDir);
  const home = options.reuse?.home ?? (options.persistent ? path.join(cacheDir, 'dbms') : await mkdtemp(path.join(cacheDir, 'tmp-dbms-')));
  await mkdir(home, { recursive: true });
  if (!options.persistent) await writeFile(path.join(home, OWNER_FILE), String(process.pid));
  if (options.prepareHome && !options.reuse) await options.prepareHome(home);
  const argFile = path.join(cacheDir, 'java.args');
  // The classpath goes through an @argfile: it is ~20 kB, too long to read in a process list.
  await writeFile(argFile, `-cp ${JSON.stringify((await readFile(cpFile, 'utf8')).trim())}\n`);
  const heap = memorySize('heap', options.heap ?? '768m');
  const pageCache = memorySize('pageCache', options.pageCache ?? '128m');
  const port = options.reuse?.port ?? (await freePort());
  const password = options.reuse?.password ?? randomBytes(18).toString('base64url');
  const child = spawn(
    'java',
    [
      `-Xmx${heap}`,
      '-Xss2m',
      '-XX:+UseSerialGC',
      ...((options.jit ?? 'startup') === 'startup' ? ['-XX:TieredStopAtLevel=1'] : []),
      `-Dneo4jlocal.pagecache=${pageCache}`,
      '-XX:+ExitOnOutOfMemoryError',
      `@${argFile}`,
      path.join(options.root, 'neo4j-local', 'Neo4jLocal.java'),
      home,
      String(port),
      password,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stderrTail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderrTail.push(d);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  // A closed pipe must not crash the parent when the JVM is gone.
  child.stdin!.on('error', () => {});

  /** Deletes a throw-away home, unless it is kept for a restart. */
  let keepHome = options.reuse !== undefined;
  const cleanup = async () => {
    if (!options.persistent && !keepHome) await rm(home, { recursive: true, force: true });
  };
  try {
    await waitForReady(child, exited, options.startTimeoutMs ?? 180_000);
  } catch (e) {
    child.kill('SIGKILL');
    await exited;
    await cleanup();
    const tail = stderrTail.join('').split('\n').filter((l) => l.trim() && !l.includes('warning')).slice(-3).join(' | ');
    throw new LocalNeo4jError(`the local Neo4j did not start: ${(e as Error).message}${tail ? ` (${tail})` : ''}`);
  }

  let stopping: Promise<void> | undefined;
  const stop = (opts: { keepHome?: boolean } = {}) =>
    (stopping ??= (async () => {
      keepHome = opts.keepHome ?? options.reuse !== undefined;
      child.stdin!.end();
      const graceful = await Promise.race([exited.then(() => true), delay(30_000).then(() => false)]);
      if (!graceful) {
        child.kill('SIGKILL');
        await exited;
      }
      await cleanup();
    })());
  return { uri: `bolt://127.0.0.1:${port}`, username: 'neo4j', password, port, home, pid: child.pid!, stop, exited };
}

/** A JVM-style size ('768m', '4g'): checked here so a typo fails with its name, not inside Java. */
function memorySize(name: string, value: string): string {
  if (!/^[1-9]\d*[kmg]$/i.test(value)) throw new LocalNeo4jError(`${name} must be a size like 512m or 4g, got ${JSON.stringify(value)}`);
  return value;
}

const OWNER_FILE = 'owner.pid';

/** Throw-away homes whose owning process died without cleaning up (killed, say): delete them. */
async function removeAbandonedHomes(cacheDir: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('tmp-dbms-'))) {
    const dir = path.join(cacheDir, name);
    const owner = await readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => undefined);
    // No owner file yet: another process may be creating it right now; only old ones are abandoned.
    const abandoned = owner === undefined ? Date.now() - (await stat(dir)).mtimeMs > 10 * 60_000 : !processAlive(Number(owner));
    if (abandoned) await rm(dir, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function waitForReady(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    lines.on('line', (line) => {
      if (line.startsWith('READY')) {
        clearTimeout(timer);
        resolve();
      } else if (line.startsWith('FAILED')) {
        clearTimeout(timer);
        reject(new Error(line.slice('FAILED '.length)));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the JVM exited with code ${code}`));
    });
  });
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
