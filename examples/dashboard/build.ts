// Builds the static dashboard page from a running API:
//   npx tsx examples/dashboard/build.ts [API_URL] [--challenge ID] [--top N] [--out FILE]
// API_URL: the argument, else the environment variable API_URL, else http://127.0.0.1:4000/graphql.
// Writes examples/dashboard/out/index.html (gitignored) unless --out says otherwise.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CHALLENGE_ID, DEFAULT_TOP, fetchDashboard } from './client.js';
import { renderDashboard } from './render.js';

export const DEFAULT_OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out', 'index.html');

export interface BuildOptions {
  apiUrl: string;
  challengeId?: string;
  top?: number;
  out?: string;
}

/** Fetches, renders and writes the page; returns the file written and the HTML. */
export async function buildDashboard(options: BuildOptions): Promise<{ file: string; html: string }> {
  const data = await fetchDashboard(options.apiUrl, { challengeId: options.challengeId, top: options.top });
  const html = renderDashboard(data, { apiUrl: options.apiUrl, generatedAt: new Date().toISOString() });
  const file = options.out ?? DEFAULT_OUT;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, html);
  return { file, html };
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { challenge: { type: 'string' }, top: { type: 'string' }, out: { type: 'string' } },
  });
  const apiUrl = positionals[0] ?? process.env.API_URL ?? 'http://127.0.0.1:4000/graphql';
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 100) throw new Error(`--top must be an integer from 1 to 100, got ${values.top}`);
  const { file } = await buildDashboard({ apiUrl, challengeId: values.challenge ?? DEFAULT_CHALLENGE_ID, top, out: values.out });
  console.log(`dashboard: wrote ${path.relative(process.cwd(), file)} from ${apiUrl}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`dashboard: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
