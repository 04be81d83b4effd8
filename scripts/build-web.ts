// Builds the explorer page and GraphiQL into dist/web/ (gitignored) with esbuild: every script,
// style and font bundled, nothing loaded from a CDN. `npm start` and `npm test` run it first
// (prestart, pretest); the Docker image runs it in its build stage.
//
//   tsx scripts/build-web.ts            build (about a second)
//   tsx scripts/build-web.ts --check    also type-check web/ (web/tsconfig.json) and validate the
//                                       GraphiQL example queries against schema/*.graphql
//   tsx scripts/build-web.ts --force    build even when dist/web/ is up to date
//
// A build is skipped when dist/web/manifest.json records the same hash of its inputs (web/, README.md,
// schema/, package-lock.json and this script), so `npm start` stays fast.
// The output is deterministic: the same sources give the same files, whose names carry a content
// hash (explorer-3FQX2B7L.js), so the server can let browsers cache them for good. The build goes
// to a temporary folder that then replaces dist/web/, so a running server never serves half a build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildASTSchema, Kind, parse, print, validate, type NameNode, type OperationDefinitionNode } from 'graphql';
import { loadTypeDefs } from '../src/graphql/schema.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_SRC = path.join(ROOT, 'web');
export const WEB_OUT = path.join(ROOT, 'dist', 'web');

/** A GraphiQL tab: its query (named, so the tab has a title) and, optionally, variables. */
export interface ExampleQuery {
  readonly query: string;
  readonly variables?: string;
}

export interface BuildResult {
  readonly outDir: string;
  /** Entry name -> the files it needs, relative to outDir (e.g. "assets/explorer-3FQX2B7L.js"). */
  readonly entries: Record<string, { js: string; css: string[] }>;
  readonly examples: readonly ExampleQuery[];
  /** Hash of everything the build reads; the build is skipped when dist/web/ holds the same. */
  readonly inputsHash: string;
  readonly skipped: boolean;
}

/** The files a build reads: web/, README.md (examples), schema/ (checked examples), the lockfile, this script. */
async function inputFiles(): Promise<string[]> {
  const walk = async (dir: string): Promise<string[]> => {
    const out: string[] = [];
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) out.push(...(await walk(full)));
      else if (d.isFile()) out.push(full);
    }
    return out;
  };
  const files = [...(await walk(WEB_SRC)), ...(await walk(path.join(ROOT, 'schema'))), path.join(ROOT, 'README.md'), path.join(ROOT, 'package-lock.json'), path.join(ROOT, 'scripts', 'build-web.ts')];
  return files.map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort();
}

export async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const f of await inputFiles()) {
    hash.update(f).update('\0').update(await readFile(path.join(ROOT, f))).update('\0');
  }
  return hash.digest('hex');
}

async function builtManifest(): Promise<(Omit<BuildResult, 'examples' | 'skipped' | 'outDir'> & { examples: number }) | undefined> {
  try {
    return JSON.parse(await readFile(path.join(WEB_OUT, 'manifest.json'), 'utf8')) as Omit<BuildResult, 'examples' | 'skipped' | 'outDir'> & { examples: number };
  } catch {
    return undefined;
  }
}

// ---- the README's example queries ---------------------------------------------------------------

/**
 * The queries of README.md's "A first query" section: every ```graphql block and the query of every
 * curl command's JSON body (-d '{"query": ...}'), in order. An anonymous query gets an operation name
 * from its first field (GraphiQL titles tabs by operation name); the query is otherwise unchanged.
 */
export function readmeExamples(readme: string): ExampleQuery[] {
  const start = readme.search(/^## A first query\s*$/m);
  if (start < 0) throw new Error('README.md has no "## A first query" section to take the GraphiQL examples from');
  const rest = readme.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const found: string[] = [];
  for (const m of section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    const [, lang, body] = m;
    if (lang === 'graphql') found.push(body!.trim());
    if (lang === 'sh') {
      for (const d of body!.matchAll(/-d\s+'([^']*)'/g)) {
        const payload = JSON.parse(d[1]!) as { query?: unknown };
        if (typeof payload.query === 'string') found.push(payload.query.trim());
      }
    }
  }
  if (found.length === 0) throw new Error('README.md\'s "A first query" section holds no query');
  return found.map((q) => ({ query: `# From README.md, "A first query"\n${nameOperation(q)}\n` }));
}

/**
 * Gives an anonymous query an operation name from its first field (or alias), e.g. "ReadmeSources",
 * and prints it in graphql-js's standard layout (the README's curl query is on one line).
 */
function nameOperation(query: string): string {
  const doc = parse(query);
  const definitions = doc.definitions.map((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION || d.name) return d;
    const first = d.selectionSet.selections[0];
    const field = first?.kind === Kind.FIELD ? (first.alias ?? first.name).value : 'Query';
    const name: NameNode = { kind: Kind.NAME, value: `Readme${field.charAt(0).toUpperCase()}${field.slice(1)}` };
    return { ...d, name } satisfies OperationDefinitionNode;
  });
  return print({ ...doc, definitions });
}

/** The example queries written for GraphiQL (web/graphiql/examples.json): the three analysis use-cases. */
async function ownExamples(): Promise<ExampleQuery[]> {
  const raw = JSON.parse(await readFile(path.join(WEB_SRC, 'graphiql', 'examples.json'), 'utf8')) as { query: string | string[]; variables?: unknown }[];
  return raw.map((e) => ({
    query: (Array.isArray(e.query) ? e.query.join('\n') : e.query) + '\n',
    ...(e.variables === undefined ? {} : { variables: JSON.stringify(e.variables, null, 2) }),
  }));
}

/** Fails when an example does not validate against the schema (run by --check, so by npm test). */
export function checkExamples(examples: readonly ExampleQuery[]): void {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
  for (const e of examples) {
    const errors = validate(schema, parse(e.query));
    if (errors.length > 0) throw new Error(`GraphiQL example does not validate: ${errors[0]!.message}\n${e.query}`);
  }
}

// ---- the build ----------------------------------------------------------------------------------

function typecheckWeb(): void {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(WEB_SRC, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web/ does not type-check:\n${r.stdout}${r.stderr}`);
}

function page(template: string, entry: { js: string; css: string[] }): string {
  const styles = entry.css.map((c) => `<link rel="stylesheet" href="/${c}">`).join('\n    ');
  const script = `<script type="module" src="/${entry.js}"></script>`;
  return template.replace('<!--STYLES-->', styles).replace('<!--SCRIPTS-->', script);
}

export async function buildWeb(options: { check?: boolean; force?: boolean; log?: (line: string) => void } = {}): Promise<BuildResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const examples = [...readmeExamples(await readFile(path.join(ROOT, 'README.md'), 'utf8')), ...(await ownExamples())];
  if (options.check) {
    typecheckWeb();
    checkExamples(examples);
  }
  const hash = await inputsHash();
  const built = await builtManifest();
  if (!options.force && built?.inputsHash === hash) {
    log(`web: dist/web/ is up to date (inputs ${hash.slice(0, 12)})`);
    return { outDir: WEB_OUT, entries: built.entries, examples, inputsHash: hash, skipped: true };
  }

  const tmp = `${WEB_OUT}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { explorer: 'web/explorer/main.ts', graphiql: 'web/graphiql/main.ts' },
    outdir: path.join(tmp, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      __GRAPHIQL_EXAMPLES__: JSON.stringify(examples),
    },
  });

  const entries: BuildResult['entries'] = {};
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint || !file.endsWith('.js')) continue;
    const name = path.basename(meta.entryPoint).replace(/\.tsx?$/, '') === 'main' ? path.basename(path.dirname(meta.entryPoint)) : path.basename(meta.entryPoint);
    const rel = (f: string) => path.relative(tmp, path.resolve(ROOT, f)).split(path.sep).join('/');
    entries[name] = { js: rel(file), css: meta.cssBundle ? [rel(meta.cssBundle)] : [] };
  }
  for (const name of ['explorer', 'graphiql']) {
    const entry = entries[name];
    if (!entry) throw new Error(`esbuild produced no bundle for ${name}`);
    const template = await readFile(path.join(WEB_SRC, `${name}.html`), 'utf8');
    await writeFile(path.join(tmp, `${name}.html`), page(template, entry));
  }
  await writeFile(path.join(tmp, 'manifest.json'), JSON.stringify({ inputsHash: hash, entries, examples: examples.length }, null, 2) + '\n');

  // Swap the new build in.
  const old = `${WEB_OUT}.old-${process.pid}`;
  await rm(old, { recursive: true, force: true });
  await rename(WEB_OUT, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(tmp, WEB_OUT);
  await rm(old, { recursive: true, force: true });
  log(`web: built ${Object.keys(entries).join(', ')} into ${path.relative(ROOT, WEB_OUT)}/ in ${Math.round(performance.now() - started)} ms`);
  return { outDir: WEB_OUT, entries, examples, inputsHash: hash, skipped: false };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildWeb({ check: process.argv.includes('--check'), force: process.argv.includes('--force'), log: (l) => console.error(l) });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
