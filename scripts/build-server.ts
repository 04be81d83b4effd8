// Compiles src/ to dist/server/ (ES modules for Node, one .js per .ts, source maps): what `npm start`
// and the Docker image run with plain `node`. esbuild only transpiles (about a second); the types
// are checked by `npm run typecheck` (tsc --noEmit), which `npm test` runs.
//
//   tsx scripts/build-server.ts
//
// The output keeps src/'s layout, so src/config/paths.ts finds the project root from either place.
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SERVER_SRC = path.join(ROOT, 'src');
export const SERVER_OUT = path.join(ROOT, 'dist', 'server');
/** The benchmark's doors (bench/serve.ts and what it starts) with the src/ they run, compiled alike. */
export const BENCH_OUT = path.join(ROOT, 'dist', 'bench');
export const BENCH_SERVE = path.join(BENCH_OUT, 'bench', 'serve.js');

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * The V8 flags `npm start` gives node (package.json's start script): the benchmark starts its API
 * door with them, and the Dockerfile's CMD repeats them (test/process.test.ts checks).
 */
export function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const command = /\bnode\s+(.*?)\s*dist\/server\/main\.js/.exec(pkg.scripts.start);
  if (!command) throw new Error(`package.json's start script does not run node dist/server/main.js: ${pkg.scripts.start}`);
  return command[1]!.split(/\s+/).filter(Boolean);
}

export async function buildServer(): Promise<{ files: number; ms: number }> {
  return compile([SERVER_SRC], SERVER_SRC, SERVER_OUT);
}

/**
 * The benchmark's doors run compiled, as `npm start` runs the API, so that their memory and CPU are
 * the deployed process's, not a TypeScript loader's (tsx adds a loader thread). src/ and bench/ keep
 * their layout under dist/bench/, so bench/serve.js's `../src/…` imports resolve.
 */
export async function buildBenchDoors(): Promise<{ files: number; ms: number }> {
  return compile([SERVER_SRC, path.join(ROOT, 'bench')], ROOT, BENCH_OUT);
}

async function compile(dirs: readonly string[], outbase: string, outdir: string): Promise<{ files: number; ms: number }> {
  const started = performance.now();
  const entryPoints = (await Promise.all(dirs.map(sources))).flat();
  await rm(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir,
    outbase,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  return { files: entryPoints.length, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, ms } = await buildServer();
  console.log(`server: compiled ${files} files into ${path.relative(ROOT, SERVER_OUT)}/ in ${ms} ms`);
}
