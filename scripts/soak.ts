// npm run soak [-- --minutes 10 --concurrency 10 --kill yes]: a bounded soak of the whole service
// under real traffic. Runs the compiled API as `npm start` does (node with its V8 flags, a local
// Neo4j from the Java path with its supervisor) in a child process, so that the RSS measured is the
// API's alone, and sends it, at a fixed concurrency and to 127.0.0.1 only, a mix of requests:
// - cached: the public example queries (docs/examples/*.graphql), byte for byte, again and again;
// - uncached: entities by id with varying selections, searches with varying words and page sizes,
//   analyses (practicesAddressing, recommendStack, paths) with varying arguments, so that most of
//   them miss every cache and are parsed, validated, costed and executed.
// With --kill yes (the default) it kills the Neo4j JVM (kill -9) halfway and lets the supervisor
// bring it back. Reports per window: requests, cache hits, errors by code, p50, p99 and the API's RSS;
// then RSS growth after warm-up, the restart, the graph's stats before and after, and the exit of the
// API after SIGTERM (its drain). Not part of `npm test`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { buildServer, SERVER_OUT, startNodeFlags } from './build-server.js';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    window: { type: 'string', default: '30' },
    kill: { type: 'string', default: 'yes' },
    /** Share of requests that are the cached example queries (the rest vary). */
    cached: { type: 'string', default: '0.3' },
  },
});
const minutes = Number(args.minutes);
const concurrency = Number(args.concurrency);
const windowMs = Number(args.window) * 1000;
const cachedShare = Number(args.cached);
const kill = args.kill === 'yes';
if (!(minutes > 0) || !(concurrency >= 1) || !(cachedShare >= 0 && cachedShare <= 1)) throw new Error('--minutes and --concurrency must be positive, --cached from 0 to 1');

const EXAMPLES = path.join(PROJECT_ROOT, 'docs', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => JSON.stringify({ query: readFileSync(path.join(EXAMPLES, f), 'utf8') }));

console.log(`soak: ${minutes} min at concurrency ${concurrency}, ${Math.round(cachedShare * 100)} % cached example queries, the rest varied; building and starting the API...`);
await buildServer();
const api = spawn(process.execPath, [...startNodeFlags(), path.join(SERVER_OUT, 'main.js')], {
  cwd: PROJECT_ROOT,
  env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', MLOPSKG_NO_DOCKER: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const apiExited = new Promise<number | null>((resolve) => api.on('exit', (code) => resolve(code)));
const [readyLine] = (await once(createInterface({ input: api.stdout! }), 'line')) as [string];
const url = /(http:\/\/\S+\/graphql)/.exec(readyLine)?.[1];
if (!url) throw new Error(`the API did not say where it listens: ${readyLine}`);
const base = url.replace(/\/graphql$/, '');

/** The RSS of a process, in MB (Linux /proc). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** The Neo4j JVM the API started: its child process running java. */
function jvmPid(parent: number): number | undefined {
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8').trim();
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/.exec(stat) ?? [];
      if (comm === 'java' && Number(rest?.split(' ')[1]) === parent) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data: T; errors?: unknown[] };
  if (json.errors) throw new Error(`soak setup query failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

type Ids = { nodes: { id: string; name: string }[] };
const STATS = '{ stats { entities relations datasetVersion } }';
const statsBefore = await gql<{ stats: unknown }>(STATS);
const lists = await gql<{ practices: Ids; challenges: Ids; tools: Ids; components: Ids }>(
  '{ practices(first: 100) { nodes { id name } } challenges(first: 100) { nodes { id name } } tools(first: 100) { nodes { id name } } components(first: 100) { nodes { id name } } }',
);
const everyone = [...lists.practices.nodes, ...lists.challenges.nodes, ...lists.tools.nodes, ...lists.components.nodes];
const words = [...new Set(everyone.flatMap((e) => e.name.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3))];

// A fixed-seed generator: the same run sends the same requests.
let seed = 20261204;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const SHAPES = ['id name', 'id name kind summary', 'id name citations { locator confidence source { id } }', 'id name links(first: 10) { relation { type confidence } node { id } }'];
/** One request body: a cached example, or one of the varied kinds. */
function nextBody(): string {
  if (rand() < cachedShare) return pick(examples);
  switch (int(0, 4)) {
    case 0:
      return JSON.stringify({ query: `query E($id: ID!) { entity(id: $id) { ${pick(SHAPES)} } }`, variables: { id: pick(everyone).id } });
    case 1:
      return JSON.stringify({ query: 'query S($t: String!, $n: Int) { search(text: $t, first: $n) { score entity { id name } } }', variables: { t: `${pick(words)} ${rand() < 0.5 ? pick(words) : ''}`.trim(), n: int(1, 30) } });
    case 2:
      return JSON.stringify({
        query: 'query P($c: ID!, $n: Int, $m: Confidence) { practicesAddressing(challengeId: $c, first: $n, minConfidence: $m) { practice { id name } score confidence citations { locator } } }',
        variables: { c: pick(lists.challenges.nodes).id, n: int(1, 30), m: rand() < 0.5 ? 'STATED' : 'INFERRED' },
      });
    case 3:
      return JSON.stringify({
        query: 'query R($c: [ID!]!, $k: Int) { recommendStack(challengeIds: $c, maxTools: $k) { tools { id name } coverageRatio reason } }',
        variables: { c: Array.from({ length: int(1, 3) }, () => pick(lists.challenges.nodes).id), k: int(1, 8) },
      });
    default:
      return JSON.stringify({
        query: 'query H($a: ID!, $b: ID!, $h: Int, $n: Int) { paths(fromId: $a, toId: $b, maxHops: $h, first: $n) { paths { length confidence entities { id } } reason } }',
        variables: { a: pick(lists.practices.nodes).id, b: pick([...lists.tools.nodes, ...lists.challenges.nodes]).id, h: int(2, 4), n: int(1, 5) },
      });
  }
}

interface Window {
  readonly index: number;
  latencies: number[];
  ok: number;
  hits: number;
  errors: Map<string, number>;
  rssMb: number;
}
const windows: Window[] = [];
const startedAt = performance.now();
const endAt = startedAt + minutes * 60_000;
const windowOf = (t: number): Window => {
  const index = Math.floor((t - startedAt) / windowMs);
  while (windows.length <= index) windows.push({ index: windows.length, latencies: [], ok: 0, hits: 0, errors: new Map(), rssMb: 0 });
  return windows[index]!;
};
const totals = new Map<string, number>();
const bump = (key: string) => totals.set(key, (totals.get(key) ?? 0) + 1);

async function worker(): Promise<void> {
  while (performance.now() < endAt) {
    const body = nextBody();
    const t0 = performance.now();
    let key: string | undefined;
    let hit = false;
    try {
      const res = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body, signal: AbortSignal.timeout(15_000) });
      const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      hit = ['hit', 'shared', 'stale'].includes(res.headers.get('x-response-cache') ?? '');
      if (res.status !== 200 || json.errors?.length) key = `${res.status} ${json.errors?.[0]?.extensions?.code ?? '-'}`;
    } catch (e) {
      key = (e as Error).name === 'TimeoutError' ? 'no answer within 15 s' : `network: ${(e as Error).message}`;
    }
    const w = windowOf(t0);
    w.latencies.push(performance.now() - t0);
    if (hit) w.hits += 1;
    if (key) {
      w.errors.set(key, (w.errors.get(key) ?? 0) + 1);
      bump(key);
      // A polite client: it waits before trying again (the API says Retry-After: 1).
      await new Promise((r) => setTimeout(r, 100));
    } else {
      w.ok += 1;
      bump('ok');
    }
  }
}

// The API's RSS, sampled every second (the window keeps its last sample).
const rssSamples: number[] = [];
const rssTimer = setInterval(() => {
  const mb = rssMb(api.pid!);
  rssSamples.push(mb);
  windowOf(performance.now()).rssMb = mb;
}, 1_000);

let killedAtMs: number | undefined;
let backAtMs: number | undefined;
const killer = kill
  ? setTimeout(() => {
      const pid = jvmPid(api.pid!);
      if (!pid) return console.log('soak: no Neo4j JVM found under the API; not killing');
      killedAtMs = performance.now() - startedAt;
      console.log(`soak: kill -9 ${pid} (the Neo4j JVM) at ${(killedAtMs / 1000).toFixed(0)} s`);
      process.kill(pid, 'SIGKILL');
      const poll = setInterval(() => {
        void fetch(`${base}/readyz`).then((r) => {
          if (r.status === 200 && performance.now() - startedAt > killedAtMs! + 2_000 && backAtMs === undefined) {
            backAtMs = performance.now() - startedAt;
            clearInterval(poll);
          }
        }, () => undefined);
      }, 250);
    }, (minutes * 60_000) / 2)
  : undefined;

await Promise.all(Array.from({ length: concurrency }, worker));
clearInterval(rssTimer);
if (killer) clearTimeout(killer);
const statsAfter = await gql<{ stats: unknown }>(STATS);
const stopAt = performance.now();
api.kill('SIGTERM');
const exitCode = await apiExited;
const stopMs = performance.now() - stopAt;

// ---- the report ----------------------------------------------------------------------------------

const p = (xs: number[], q: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const all = windows.flatMap((w) => w.latencies);
// Warm-up: the first minute (JIT, pools and caches fill up); RSS is compared from its end on.
const warmIndex = Math.min(windows.length - 1, Math.max(0, Math.round(60_000 / windowMs) - 1));
const warm = windows[warmIndex]?.rssMb ?? 0;
const last = windows.at(-1)?.rssMb ?? 0;
const lines = [
  `| window | requests | cache hits | ok | errors | p50 ms | p99 ms | API RSS MB |`,
  `|---|---|---|---|---|---|---|---|`,
  ...windows.map((w) => {
    const errs = [...w.errors].map(([k, n]) => `${k}: ${n}`).join(', ') || '0';
    const from = (w.index * windowMs) / 1000;
    return `| ${from}-${from + windowMs / 1000} s | ${w.latencies.length} | ${w.hits} | ${w.ok} | ${errs} | ${p(w.latencies, 0.5).toFixed(1)} | ${p(w.latencies, 0.99).toFixed(1)} | ${w.rssMb.toFixed(0)} |`;
  }),
];
console.log(`\n## Soak: ${minutes} min, concurrency ${concurrency}, ${Math.round(cachedShare * 100)} % cached, ${kill ? `Neo4j killed at ${((killedAtMs ?? 0) / 1000).toFixed(0)} s` : 'no kill'}\n`);
console.log(lines.join('\n'));
const hits = windows.reduce((n, w) => n + w.hits, 0);
console.log(`
- requests: ${all.length} (${hits} answered from a cache); outcomes: ${JSON.stringify(Object.fromEntries(totals))}
- p99 over the run: ${p(all, 0.99).toFixed(1)} ms; p50 ${p(all, 0.5).toFixed(1)} ms
- Neo4j: ${kill ? `killed at ${((killedAtMs ?? 0) / 1000).toFixed(0)} s, ready again ${backAtMs && killedAtMs ? `${((backAtMs - killedAtMs) / 1000).toFixed(1)} s after` : 'not seen'}` : 'not killed'}
- API RSS: ${warm.toFixed(0)} MB after warm-up (the first minute), ${last.toFixed(0)} MB at the end (${(((last - warm) / warm) * 100).toFixed(1)} %), highest ${Math.max(...rssSamples).toFixed(0)} MB
- graph stats: before ${JSON.stringify(statsBefore.stats)}, after ${JSON.stringify(statsAfter.stats)}: ${JSON.stringify(statsBefore) === JSON.stringify(statsAfter) ? 'equal' : 'DIFFERENT'}
- SIGTERM: the API exited ${exitCode} after ${Math.round(stopMs)} ms
`);
const failed = JSON.stringify(statsBefore) !== JSON.stringify(statsAfter) || (totals.get('no answer within 15 s') ?? 0) > 0 || exitCode !== 0 || (kill && backAtMs === undefined);
process.exit(failed ? 1 : 0);
