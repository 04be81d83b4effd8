// npm run soak [-- --minutes 10 --concurrency 10]: a bounded soak of the whole service, with the
// database killed in the middle. Starts a local Neo4j (Java path, throw-away store) and the API
// itself, sends the public example queries (docs/examples/*.graphql) at a fixed concurrency to
// 127.0.0.1 only, kills the Neo4j JVM (kill -9) halfway through, and lets the supervisor bring it
// back. Reports errors by code, p99 and RSS per 30 s window, the restart, and the graph's content
// hash before and after (they must be equal: nothing lost). Not part of `npm test`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { parseSettings } from '../src/config/settings.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { graphContentHash } from '../src/seed/loader.js';
import { startService } from '../src/server.js';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    window: { type: 'string', default: '30' },
  },
});
const minutes = Number(args.minutes);
const concurrency = Number(args.concurrency);
const windowMs = Number(args.window) * 1000;
if (!(minutes > 0) || !(concurrency >= 1)) throw new Error('--minutes and --concurrency must be positive numbers');

const EXAMPLES = path.join(PROJECT_ROOT, 'docs', 'examples');
const queries = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => JSON.stringify({ query: readFileSync(path.join(EXAMPLES, f), 'utf8') }));

// The local Java path, so that there is a JVM to kill and a supervisor to bring it back.
process.env.MLOPSKG_NO_DOCKER = '1';
console.log(`soak: ${minutes} min at concurrency ${concurrency} over ${queries.length} example queries; starting Neo4j and the API...`);
const svc = await startService({
  settings: parseSettings({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
  logger: pino({ level: 'warn' }),
  persistent: false,
});
const supervisor = svc.supervisor;
if (!supervisor) throw new Error('soak needs the local Neo4j path (Java 17+, no NEO4J_URI)');
const hashBefore = await graphContentHash(svc.db);

interface Window {
  readonly index: number;
  latencies: number[];
  ok: number;
  errors: Map<string, number>;
  rssMb: number;
}

const windows: Window[] = [];
const startedAt = performance.now();
const endAt = startedAt + minutes * 60_000;
const killAt = startedAt + (minutes * 60_000) / 2;
const windowOf = (t: number): Window => {
  const index = Math.floor((t - startedAt) / windowMs);
  while (windows.length <= index) windows.push({ index: windows.length, latencies: [], ok: 0, errors: new Map(), rssMb: 0 });
  return windows[index]!;
};
const totals = new Map<string, number>();
const count = (w: Window, key: string) => {
  w.errors.set(key, (w.errors.get(key) ?? 0) + 1);
  totals.set(key, (totals.get(key) ?? 0) + 1);
};

let next = 0;
async function worker(): Promise<void> {
  while (performance.now() < endAt) {
    const body = queries[next++ % queries.length]!;
    const t0 = performance.now();
    let key: string | undefined;
    try {
      const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body, signal: AbortSignal.timeout(15_000) });
      const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      if (res.status !== 200 || json.errors?.length) key = `${res.status} ${json.errors?.[0]?.extensions?.code ?? '-'}`;
    } catch (e) {
      key = (e as Error).name === 'TimeoutError' ? 'no answer within 15 s' : `network: ${(e as Error).message}`;
    }
    const w = windowOf(t0);
    w.latencies.push(performance.now() - t0);
    if (key) {
      count(w, key);
      // A polite client: it waits before trying again (the API says Retry-After: 1).
      await new Promise((r) => setTimeout(r, 100));
    } else {
      w.ok += 1;
      totals.set('ok', (totals.get('ok') ?? 0) + 1);
    }
  }
}

// RSS of this process (the API; the load generator shares it) at the end of each window.
const rssTimer = setInterval(() => {
  windowOf(performance.now()).rssMb = process.memoryUsage().rss / 2 ** 20;
}, 1_000);

let killedPid: number | undefined;
let killedAtMs: number | undefined;
let backAtMs: number | undefined;
const killer = setTimeout(() => {
  killedPid = supervisor.current.pid;
  killedAtMs = performance.now() - startedAt;
  console.log(`soak: kill -9 ${killedPid} (the Neo4j JVM) at ${(killedAtMs / 1000).toFixed(0)} s`);
  process.kill(killedPid, 'SIGKILL');
  const watch = setInterval(() => {
    if (supervisor.restarts > 0) {
      backAtMs = performance.now() - startedAt;
      clearInterval(watch);
    }
  }, 100);
}, killAt - startedAt);

await Promise.all(Array.from({ length: concurrency }, worker));
clearInterval(rssTimer);
clearTimeout(killer);
const hashAfter = await graphContentHash(svc.db);
await svc.stop();

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
  `| window | requests | ok | errors | p50 ms | p99 ms | RSS MB |`,
  `|---|---|---|---|---|---|---|`,
  ...windows.map((w) => {
    const errs = [...w.errors].map(([k, n]) => `${k}: ${n}`).join(', ') || '0';
    const from = (w.index * windowMs) / 1000;
    return `| ${from}-${from + windowMs / 1000} s | ${w.latencies.length} | ${w.ok} | ${errs} | ${p(w.latencies, 0.5).toFixed(1)} | ${p(w.latencies, 0.99).toFixed(1)} | ${w.rssMb.toFixed(0)} |`;
  }),
];
console.log(`\n## Soak: ${minutes} min, concurrency ${concurrency}, ${queries.length} example queries, Neo4j killed at ${((killedAtMs ?? 0) / 1000).toFixed(0)} s\n`);
console.log(lines.join('\n'));
console.log(`
- requests: ${all.length}; outcomes: ${JSON.stringify(Object.fromEntries(totals))}
- p99 over the run: ${p(all, 0.99).toFixed(1)} ms; p50 ${p(all, 0.5).toFixed(1)} ms
- Neo4j restart: ${supervisor.restarts} (failed attempts ${supervisor.failedRestarts}); back ${supervisor.lastRestartMs ?? '?'} ms after the kill (supervisor's count, setup included)${backAtMs && killedAtMs ? `, seen back by the soak at +${((backAtMs - killedAtMs) / 1000).toFixed(1)} s` : ''}
- RSS: ${warm.toFixed(0)} MB after warm-up (the first minute), ${last.toFixed(0)} MB at the end (${(((last - warm) / warm) * 100).toFixed(1)} %); ${(windows[0]?.rssMb ?? 0).toFixed(0)} MB after the first window
- graph content hash: before ${hashBefore.slice(0, 16)}, after ${hashAfter.slice(0, 16)}: ${hashBefore === hashAfter ? 'equal' : 'DIFFERENT'}
`);
const failed = hashBefore !== hashAfter || supervisor.restarts !== 1 || (totals.get('no answer within 15 s') ?? 0) > 0;
process.exit(failed ? 1 : 0);
