// Compiles src/ to dist/server/ (ES modules for Node, one .js per .ts, source maps): what `npm start`
// and the Docker image run with plain `node`. esbuild only transpiles (about a second); the types
// are checked by `npm run typecheck` (tsc --noEmit), which `npm test` runs.
//
//   tsx scripts/build-server.ts
//
// The output keeps src/'s layout, so src/config/paths.ts finds the project root from either place.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SERVER_SRC = path.join(ROOT, 'src');
export const SERVER_OUT = path.join(ROOT, 'dist', 'server');

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export async function buildServer(): Promise<{ files: number; ms: number }> {
  const started = performance.now();
  const entryPoints = await sources(SERVER_SRC);
  await rm(SERVER_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: SERVER_OUT,
    outbase: SERVER_SRC,
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
