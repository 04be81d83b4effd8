// Neo4j's offline importer (`neo4j-admin database import full`) run in-process on the JVM from the
// Maven Central artifacts, as neo4j-local/Neo4jLocal.java runs the database: org.neo4j:neo4j brings
// org.neo4j:neo4j-import-tool (the importer, org.neo4j.importer.ImportCommand) and
// org.neo4j:neo4j-command-line (org.neo4j.cli.AdminTool, the `neo4j-admin` entry point), so the
// classpath of neo4j-local/pom.xml already holds them. The importer writes a new store into a
// database home that no running Neo4j has open: the bulk path for a fresh, large database (the
// benchmark's ×1000 graph). The files come from src/seed/import-files.ts. With Docker or a server,
// the same files go to the image's or the server's own `neo4j-admin database import full` (README.md).
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureClasspath } from './local.js';

const run = promisify(execFile);

export interface BulkImportOptions {
  /** Project root (neo4j-local/ and the .neo4j/ classpath cache). */
  readonly root: string;
  /** The database home the local Neo4j will start on (src/provision/local.ts); its `neo4j` database must not exist yet. */
  readonly home: string;
  readonly nodes: readonly string[];
  readonly relationships: readonly string[];
  /** Whether a field of the files spans lines (src/seed/import-files.ts says): read on one thread then. */
  readonly multilineFields: boolean;
  /** Heap of the importer's JVM (it keeps its own caches off-heap), e.g. '2g'. */
  readonly heap?: string;
  /** Off-heap memory the importer may use for its caches, e.g. '2g' (its default: 90 % of what is free). */
  readonly maxOffHeap?: string;
  readonly log?: (line: string) => void;
}

/** The importer's arguments, as `neo4j-admin` takes them (also what README.md shows for Docker). */
export function importArguments(o: Pick<BulkImportOptions, 'nodes' | 'relationships' | 'multilineFields' | 'maxOffHeap'> & { reportFile?: string }): string[] {
  return [
    'database', 'import', 'full',
    ...o.nodes.map((f) => `--nodes=${f}`),
    ...o.relationships.map((f) => `--relationships=${f}`),
    '--array-delimiter=;',
    // The files number their nodes (src/seed/import-files.ts): no map from string ids to build.
    '--id-type=actual',
    // Only when a summary or description holds a line break: the importer then parses on one thread.
    ...(o.multilineFields ? ['--multiline-fields=true'] : []),
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    ...(o.maxOffHeap ? [`--max-off-heap-memory=${o.maxOffHeap}`] : []),
    // The importer's report of bad rows goes to the working directory unless told otherwise.
    ...(o.reportFile ? [`--report-file=${o.reportFile}`] : []),
    'neo4j',
  ];
}

/** Runs the importer into `home`; returns its stage times and its last lines of output (the counts it imported). */
export async function bulkImport(o: BulkImportOptions): Promise<string> {
  const cpFile = await ensureClasspath(o.root, o.log);
  const conf = path.join(o.home, 'conf');
  await mkdir(conf, { recursive: true });
  const argFile = path.join(o.root, '.neo4j', 'import.args');
  await writeFile(argFile, `-cp ${JSON.stringify((await readFile(cpFile, 'utf8')).trim())}\n`);
  try {
    const { stdout } = await run('java', [`-Xmx${o.heap ?? '1g'}`, '-XX:+UseParallelGC', `@${argFile}`, 'org.neo4j.cli.AdminTool', ...importArguments({ ...o, reportFile: path.join(o.home, 'import.report') })], {
      env: { ...process.env, NEO4J_HOME: o.home, NEO4J_CONF: conf },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60 * 60_000,
    });
    const lines = stdout.split('\n').filter((l) => l.trim());
    // Each stage's time ("Node import COMPLETED in 20s 694ms", ...), then the counts it imported.
    return [...lines.filter((l) => /COMPLETED in/.test(l)), ...lines.slice(-6)].join('\n');
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    const tail = `${err.stdout ?? ''}\n${err.stderr ?? ''}`.split('\n').filter((l) => l.trim()).slice(-8).join(' | ');
    throw new Error(`the offline import failed: ${tail || err.message}`, { cause: e });
  }
}
