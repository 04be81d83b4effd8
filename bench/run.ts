// npm run bench [-- --help]
//
// Provisions a Neo4j the way the app does (NEO4J_URI, else Docker, else a local Neo4j; throw-away),
// grows the curated graph to the chosen scale (bench/generate.ts) and gets it into Neo4j, timed
// (bench/graph.ts: the seed loader, or the offline importer for a fresh large graph), then measures
// every operation of bench/ops.ts through the doors, each in its own process (bench/doors.ts): the
// API, the API without its response cache, the floor (bench/floor.ts), the peer (@neo4j/graphql,
// bench/peer.ts) and a bare node:http server sending the API's bytes (bench/bare.ts). Answers are
// checked first (bench/checks.ts); with --rounds n the doors are measured in turn n times and the
// medians kept. Prints the table, writes bench/results/*.json and regenerates docs/performance.md.
// package.json runs it with a larger heap limit and young generation (the ×1000 graph and its CSV are
// a few GB; with V8's default semispaces writing the CSV spent a fifth of its time collecting
// garbage); the doors get their own flags (bench/doors.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSettings } from '../src/config/settings.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { createDriver, Db } from '../src/neo4j/driver.js';
import { provisionNeo4j } from '../src/provision/provision.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { buildBenchDoors } from '../scripts/build-server.js';
import { commandOf, HEAP_BY_SCALE, PAGE_CACHE_BY_SCALE, parseArgs, USAGE, type Args } from './args.js';
import { checkOp, diffPrefix } from './checks.js';
import { startDoor, type RunningDoor } from './doors.js';
import { profile, scaleDataset } from './generate.js';
import { bulkLoad, loadTransactional, type LoadRecord } from './graph.js';
import { pickInputs } from './inputs.js';
import { measure, medianOf, profiled, warmUp, type LoadResult } from './load.js';
import { opSpec, type OpName } from './ops.js';
import { renderTable, rerenderDocs, writeDocs } from './report.js';
import { median, requestFor } from './requests.js';
import type { BenchRun, DoorName, OpResult } from './results.js';
import { renderTracing, tracingOverhead } from './tracing.js';

const log = (line: string) => console.log(`[bench] ${line}`);
const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === 'help') return console.log(USAGE);
  if (parsed === 'render-docs') return log(`rewrote ${rerenderDocs()} from its data block`);
  const args: Args = parsed;
  const started = Date.now();
  const resultsDir = path.join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = path.join(resultsDir, `${stamp}-x${args.scale}.log`);
  const loadAvgStart = load1();
  log(`scale ×${args.scale}, ${args.connections} connections, ${args.durationSec} s per measurement (+${args.warmupSec} s warm-up)${args.rounds > 1 ? `, ${args.rounds} rounds` : ''}; door logs: ${path.relative(PROJECT_ROOT, logFile)}`);
  if (loadAvgStart > os.availableParallelism()) log(`warning: load average ${loadAvgStart.toFixed(1)} on ${os.availableParallelism()} cores before the run: others are using this machine; numbers will be noisy`);

  const built = await buildBenchDoors();
  log(`doors compiled: ${built.files} files in ${built.ms} ms`);
  const base = await loadSeedDataset(path.join(PROJECT_ROOT, 'seed'), PROJECT_ROOT);
  let t = performance.now();
  let scaled = scaleDataset(base, args.scale);
  const generateSec = Math.round((performance.now() - t) / 100) / 10;
  const shape = profile(scaled);
  log(`generated ×${args.scale}: ${shape.entities} entities, ${shape.relations} relations in ${generateSec} s`);

  const settings = parseSettings(process.env);
  const heap = args.heap ?? HEAP_BY_SCALE[args.scale] ?? '768m';
  const pageCache = args.pageCache ?? PAGE_CACHE_BY_SCALE[args.scale] ?? '128m';
  const bulk = args.load === 'bulk' ? bulkLoad(scaled, PROJECT_ROOT, log) : undefined;
  // A local Neo4j runs with the full JIT here, as for `npm start`: the load and the measurements are long, heavy work.
  const neo4j = await provisionNeo4j(settings.neo4j, { root: PROJECT_ROOT, persistent: false, heap, pageCache, jit: 'throughput', log, prepareHome: bulk?.prepareHome });
  log(`Neo4j: ${neo4j.path} at ${neo4j.uri}${neo4j.path === 'local-java' ? ` (heap ${heap}, page cache ${pageCache})` : ''}`);
  if (bulk && !bulk.imported) log('the offline import needs the benchmark\'s own local Neo4j: loading through the seed loader instead');
  const db = new Db(createDriver(neo4j), neo4j.database, 600_000);
  const doors: RunningDoor[] = [];
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // As the API is deployed (Dockerfile): graphql-js then skips its development-only checks.
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password ?? '',
      NEO4J_DATABASE: neo4j.database ?? '',
      // Whole-graph answers at ×100 and ×1000 take longer than the API's default deadline.
      ...(args.scale >= 100 && !process.env.REQUEST_TIMEOUT_MS ? { REQUEST_TIMEOUT_MS: '120000' } : {}),
    };
    const start = async (name: DoorName, door: Parameters<typeof startDoor>[0], extraEnv: NodeJS.ProcessEnv = {}) => {
      const d = await startDoor(door, { ...env, ...extraEnv }, logFile, { seed: !bulk?.imported });
      doors.push(d);
      byDoor.set(name, d);
      return d;
    };
    const byDoor = new Map<DoorName, RunningDoor>();
    let loaded: LoadRecord;
    if (bulk?.imported) {
      loaded = await bulk.finish(db);
      await start('api', 'api');
      if (args.doors.includes('apiUncached')) await start('apiUncached', 'api', { RESPONSE_CACHE_MB: '0' });
    } else {
      // The API first: startService sets the database up and seeds the curated graph (clone 0 of every
      // scale). The uncached API too, before the load: one started later would find a stamp that is not
      // the seed's and load the seed into it again.
      await start('api', 'api');
      if (args.doors.includes('apiUncached')) await start('apiUncached', 'api', { RESPONSE_CACHE_MB: '0' });
      loaded = await loadTransactional(db, scaled);
    }
    const load: BenchRun['load'] = { ...loaded, generateSeconds: generateSec, heap: neo4j.path === 'local-java' ? heap : null, pageCache: neo4j.path === 'local-java' ? pageCache : null };
    log(`loaded in ${load.seconds} s (${load.mode}): ${load.relationsPerSec} relationships/s (${Object.entries(load.phases ?? {}).map(([p, sec]) => `${p} ${sec} s`).join(', ')})`);
    const inputs = pickInputs(base, scaled, args.scale);
    scaled = undefined as never; // let the large dataset go before measuring

    const versions = await db.read<{ name: string; versions: string[]; edition: string }>('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
    const neo4jVersion = versions.records.map((r) => `${r.get('name')} ${r.get('versions').join('/')} ${r.get('edition')}`).join(', ');
    for (const name of ['floor', 'peer', 'bare'] as const) if (args.doors.includes(name)) await start(name, name);

    // Warm every operation up once before measuring any, through both API doors: the JVM compiles
    // Neo4j's read paths with its full JIT during the first seconds of load, and V8 compiles each API
    // process's own paths (the cached one's hit path included). The whole-graph coverage matrix is left
    // to its own warm-up from ×100 on (answers of megabytes: its garbage would sit in the next operation's heap).
    for (const warmDoor of [byDoor.get('apiUncached'), byDoor.get('api')!]) {
      if (!warmDoor) continue;
      for (const op of args.ops) {
        if (op === 'coverageFull' && args.scale >= 100) continue;
        const requests = (inputs[op] as unknown[]).map((input) => requestFor('api', warmDoor.url, op, input));
        await warmUp({ baseUrl: warmDoor.url, requests, connections: args.connections, child: warmDoor.child, amount: op === 'coverageFull' ? 8 : undefined }, args.warmupSec);
      }
    }

    const results: OpResult[] = [];
    const loadAverageByOp: Record<string, number> = {};
    for (const op of args.ops) {
      const spec = opSpec(op);
      const opInputs = inputs[op] as unknown[];
      const result: OpResult = { op, title: spec.title, depth: spec.depth, indexDriven: spec.indexDriven, doors: {}, checks: [] };
      const answers = await checkOp({ doors: byDoor, db, diffPrefix: diffPrefix(resultsDir, stamp) }, op, opInputs, result, 'none' in spec.peer ? spec.peer.none : undefined);
      log(`${op}: ${result.checks.join('; ')}; API round trips ${result.apiRoundTrips} (cache hit: ${result.apiHitRoundTrips ?? '–'}); ~${Math.round((result.responseBytes ?? 0) / 1024)} kB per answer`);
      loadAverageByOp[op] = load1();
      await measureOp(args, op, opInputs, result, answers, byDoor, path.join(resultsDir, 'profiles', stamp));
      results.push(result);
    }

    // --tracing: the same operations with tracing off and on (spans exported to a local sink).
    if (args.tracing) {
      log('tracing off vs on (two more API processes, response cache off):');
      const rows = await tracingOverhead({
        startApi: (extra) => startDoor('api', { ...env, ...extra }, logFile, { seed: !bulk?.imported }),
        ops: args.ops.filter((o) => o !== 'coverageFull'),
        requestsFor: (url, op) => (inputs[op as OpName] as unknown[]).map((input) => requestFor('api', url, op as OpName, input)),
        connections: args.connections,
        durationSec: args.durationSec,
        warmupSec: args.warmupSec,
        log,
      });
      console.log('\n' + renderTracing(rows) + '\n');
    }

    const run: BenchRun = {
      at: new Date().toISOString(),
      scale: args.scale,
      command: commandOf(args),
      settings: { connections: args.connections, durationSec: args.durationSec, warmupSec: args.warmupSec, rounds: args.rounds },
      machine: {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
        node: process.version,
        neo4j: neo4jVersion,
        neo4jPath: neo4j.path,
        loadAverageStart: loadAvgStart,
        loadAverageEnd: load1(),
        loadAverageByOp,
      },
      load,
      results,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    console.log('\n' + renderTable(run) + '\n');
    const file = path.join(resultsDir, `${stamp}-x${args.scale}.json`);
    writeFileSync(file, JSON.stringify(run, null, 2));
    log(`results: ${path.relative(PROJECT_ROOT, file)}`);
    // A run with --no-docs (a few operations, an experiment) is not the latest of its scale.
    if (args.docs) {
      writeFileSync(path.join(resultsDir, `latest-x${args.scale}.json`), JSON.stringify(run, null, 2));
      log(`summary: ${path.relative(PROJECT_ROOT, writeDocs(run))}`);
    }
    log(`done in ${run.totalSeconds} s`);
  } finally {
    for (const d of doors.reverse()) await d.stop().catch(() => {});
    await db.close();
    await neo4j.stop();
  }
}

/**
 * Loads one operation through every door that answered. Answers that take more than a second one at
 * a time (whole-graph answers on large graphs) are measured one at a time, a fixed number of requests.
 * With several rounds the doors take turns (A, B, A, B...) and each door's medians are kept.
 */
async function measureOp(args: Args, op: OpName, inputs: unknown[], result: OpResult, answers: Map<DoorName, { ms: number }[]>, byDoor: Map<DoorName, RunningDoor>, profilePrefix: string): Promise<void> {
  const slowest = Math.max(...[...answers.values()].map((p) => median(p.map((x) => x.ms))));
  const heavy = slowest > 1000;
  const connections = heavy ? 1 : args.connections;
  const amount = heavy ? Math.min(10, Math.max(3, Math.round((args.durationSec * 1000) / slowest))) : undefined;
  if (heavy) result.checks.push(`measured one request at a time, ${amount} requests per door (one answer takes ${Math.round(slowest)} ms alone)`);
  result.connections = connections;
  const rounds = new Map<DoorName, LoadResult[]>();
  for (let round = 0; round < (heavy ? 1 : args.rounds); round++) {
    for (const [name, door] of byDoor) {
      if (!answers.has(name)) continue;
      const requests = inputs.map((input) => requestFor(name, door.url, op, input));
      await warmUp({ baseUrl: door.url, requests, connections, child: door.child, ...(heavy ? { amount: 1 } : {}) }, args.warmupSec);
      // BENCH_PROFILE=api,floor,peer: a V8 CPU profile of the door during the (first) measurement.
      const profileFile = round === 0 && process.env.BENCH_PROFILE?.split(',').includes(name) ? `${profilePrefix}-${op}-${name}.cpuprofile` : undefined;
      if (profileFile) mkdirSync(path.dirname(profileFile), { recursive: true });
      let m = await profiled(door.child, profileFile, () => measure({ baseUrl: door.url, requests, connections, durationSec: args.durationSec, amount, child: door.child }));
      // No answer came back within the duration (a busy machine, slow answers): a few, one at a time.
      if (m.requests === 0) {
        m = await measure({ baseUrl: door.url, requests, connections: 1, durationSec: args.durationSec, amount: 3, child: door.child });
        result.checks.push(`${name}: no answer within ${args.durationSec} s at ${connections} connections in round ${round + 1}, measured with 3 requests one at a time instead`);
      }
      rounds.set(name, [...(rounds.get(name) ?? []), m]);
    }
  }
  for (const [name, ms] of rounds) {
    const m = medianOf(ms);
    result.doors[name] = { ...m, roundTrips: (result.doors[name] as { roundTrips?: number } | undefined)?.roundTrips ?? null };
    log(`  ${name.padEnd(11)} p50 ${m.p50} ms  p99 ${m.p99} ms  ${m.rps} req/s  RSS ${m.rssIdleMb} -> ${m.rssMaxMb} MB (heap ${m.heapUsedMaxMb}/${m.heapTotalMaxMb} MB)${ms.length > 1 ? `  (median of ${ms.length}: ${ms.map((x) => x.rps).join(', ')} req/s)` : ''}${m.non2xx || m.errors ? `  (${m.non2xx} non-2xx, ${m.errors} errors)` : ''}`);
  }
}

main().catch((e: unknown) => {
  console.error(`[bench] failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
