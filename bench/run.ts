// npm run bench [-- --scale 1|10|100|1000] [--duration 5] [--connections 8] [--ops a,b] [--doors api,apiUncached,floor,peer] [--no-docs]
//
// Provisions a Neo4j the way the app does (NEO4J_URI, else Docker, else a local Neo4j; throw-away),
// starts the API on it (startService, which seeds the curated graph), grows the graph to the chosen
// scale with bench/generate.ts through the seed loader (timed), then measures every operation of
// bench/ops.ts through three doors on the same data: the API, the floor (bench/floor.ts) and the
// peer (@neo4j/graphql, bench/peer.ts). Each door runs in its own process (bench/serve.ts).
// Prints the table, writes bench/results/*.json and regenerates docs/performance.md.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { luceneQuery } from '../src/analysis/search-query.js';
import { parseSettings } from '../src/config/settings.js';
import { createDriver, Db } from '../src/neo4j/driver.js';
import { provisionNeo4j, type ProvisionedNeo4j } from '../src/provision/provision.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { encodeCursor } from '../src/graphql/cursor.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { loadDataset } from '../src/seed/loader.js';
import { FULLTEXT_INDEX } from '../src/neo4j/setup.js';
import { searchQuery } from '../src/cypher/search.js';
import { int as neo4jInt, type ProfiledPlan } from 'neo4j-driver';
import { profile, scaleDataset, SCALES } from './generate.js';
import { pickInputs } from './inputs.js';
import { measure, profiled, warmUp, type HttpRequest, type LoadResult } from './load.js';
import { OPS, opSpec, PAGE_SIZE, type OpInputs, type OpName } from './ops.js';
import { renderTable, rerenderDocs, writeDocs, type BenchRun, type DoorName, type OpResult } from './report.js';
import type { ChildMessage, Door } from './serve.js';
import { renderTracing, tracingOverhead } from './tracing.js';
import { BENCH_SERVE, buildBenchDoors, startNodeFlags } from '../scripts/build-server.js';

// ---- arguments ----------------------------------------------------------------------------------

interface Args {
  scale: number;
  durationSec: number;
  warmupSec: number;
  connections: number;
  ops: OpName[];
  doors: DoorName[];
  docs: boolean;
  /** Also measure tracing off vs on (bench/tracing.ts). */
  tracing: boolean;
  heap?: string;
  pageCache?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 10, durationSec: 5, warmupSec: 2, connections: 8, ops: OPS.map((o) => o.name), doors: ['api', 'apiUncached', 'floor', 'peer', 'bare'], docs: true, tracing: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--scale') args.scale = Number(value());
    else if (a === '--duration') args.durationSec = Number(value());
    else if (a === '--warmup') args.warmupSec = Number(value());
    else if (a === '--connections') args.connections = Number(value());
    else if (a === '--ops') args.ops = value().split(',').map((o) => opSpec(o as OpName).name);
    else if (a === '--doors') args.doors = value().split(',') as DoorName[];
    else if (a === '--heap') args.heap = value();
    else if (a === '--page-cache') args.pageCache = value();
    else if (a === '--no-docs') args.docs = false;
    else if (a === '--tracing') args.tracing = true;
    else if (a === '--render-docs') {
      console.log(`[bench] rewrote ${rerenderDocs()} from its data block`);
      process.exit(0);
    }
    else if (a === '--help') {
      console.log('npm run bench -- [--scale 1|10|100|1000] [--duration s] [--warmup s] [--connections n] [--ops a,b] [--doors api,apiUncached,floor,peer,bare] [--heap 2g] [--page-cache 1g] [--no-docs] [--tracing] | --render-docs');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  if (!(SCALES as readonly number[]).includes(args.scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  // At ×1000 the full matrix is one ~45 MB answer that takes minutes per door: measured up to ×100
  // unless asked for by name.
  if (args.scale >= 1000 && !argv.includes('--ops')) args.ops = args.ops.filter((o) => o !== 'coverageFull');
  // Every other door's answers are checked against the API's: it is always measured.
  if (!args.doors.includes('api')) throw new Error('--doors must include api (the other doors\' answers are checked against it)');
  return args;
}

/** Heap of the benchmark's local Neo4j: the app's default up to ×10, more for the large graphs' queries. */
const HEAP_BY_SCALE: Record<number, string> = { 1: '768m', 10: '768m', 100: '2g', 1000: '4g' };
/** Page cache of the benchmark's local Neo4j: enough to hold the store (~2.4 GB with its logs at ×1000). */
const PAGE_CACHE_BY_SCALE: Record<number, string> = { 1: '128m', 10: '256m', 100: '512m', 1000: '3g' };

const log = (line: string) => console.log(`[bench] ${line}`);

// ---- doors --------------------------------------------------------------------------------------

interface RunningDoor {
  readonly door: Door;
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

function startDoor(door: Door, env: NodeJS.ProcessEnv, logFile: string): Promise<RunningDoor> {
  const fd = openSync(logFile, 'a');
  // Compiled (see main), run by plain node as `npm start` runs the API, the API with npm start's V8 flags.
  const child = fork(BENCH_SERVE, [door], {
    // BENCH_NODE_OPTIONS: V8 flags for every door (e.g. --max-semi-space-size=2), to study memory.
    execArgv: [...(door === 'api' ? startNodeFlags() : []), ...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])],
    env,
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${door} did not start within 180 s (see ${logFile})`)), 180_000);
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve({
          door,
          url: m.url,
          child,
          stop: async () => {
            if (child.connected) child.send({ type: 'stop' });
            const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(t);
          },
        });
      } else if (m.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${door} failed to start: ${m.error}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${door} exited with code ${code} before it was ready (see ${logFile})`));
    });
  });
}

// ---- requests per door --------------------------------------------------------------------------

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function apiVariables(op: OpName, input: unknown): Record<string, unknown> {
  if (op === 'nestedList') {
    const i = input as OpInputs['nestedList'][number];
    return { first: i.first, after: i.after ? encodeCursor(i.after.sortKey, i.after.id) : null };
  }
  return input as Record<string, unknown>;
}

function peerVariables(op: OpName, input: unknown): Record<string, unknown> {
  if (op === 'nestedList') {
    const i = input as OpInputs['nestedList'][number];
    return { first: i.first, where: i.after ? { sortKey: { gt: i.after.sortKey } } : {} };
  }
  if (op === 'search') return { phrase: luceneQuery((input as OpInputs['search'][number]).text) ?? '' };
  throw new Error(`the peer has no ${op}`);
}

function requestFor(door: DoorName, url: string, op: OpName, input: unknown): HttpRequest {
  const spec = opSpec(op);
  const pathname = new URL(url).pathname;
  if (door === 'api' || door === 'apiUncached' || door === 'bare') return { path: pathname, headers: JSON_HEADERS, body: JSON.stringify({ query: spec.apiQuery, variables: apiVariables(op, input) }) };
  if (door === 'floor') return { path: `/${op}`, headers: JSON_HEADERS, body: JSON.stringify(input) };
  if (!('query' in spec.peer)) throw new Error(`the peer has no ${op}`);
  return { path: pathname, headers: JSON_HEADERS, body: JSON.stringify({ query: spec.peer.query, variables: peerVariables(op, input) }) };
}

interface Probe {
  /** The response body as sent, and its content-type. */
  readonly text: string;
  readonly contentType: string;
  readonly status: number;
  readonly data: unknown;
  readonly errors?: unknown;
  readonly roundTrips: number | null;
  readonly bytes: number;
  readonly ms: number;
}

async function probe(url: string, r: HttpRequest): Promise<Probe> {
  const u = new URL(url);
  const t = performance.now();
  const send = () => fetch(`${u.protocol}//${u.host}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
  // A kept-alive connection the server closed meanwhile fails once: ask again on a new one.
  const res = await send().catch(() => send());
  const text = await res.text();
  const ms = performance.now() - t;
  let body: { data?: unknown; errors?: unknown; error?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { error: text.slice(0, 200) };
  }
  const trips = res.headers.get('x-cypher-round-trips');
  return { text, contentType: res.headers.get('content-type') ?? '', status: res.status, data: body.data, errors: body.errors ?? body.error, roundTrips: trips === null ? null : Number(trips), bytes: text.length, ms };
}

/** The peer's answer in the API's shape, where the shapes can be compared. */
function peerAsApi(op: OpName, data: any): unknown {
  if (op === 'nestedList') {
    const edges = data.page.edges as any[];
    const last = edges[edges.length - 1]?.node;
    return {
      challenges: {
        totalCount: data.all.totalCount,
        pageInfo: { hasNextPage: data.page.pageInfo.hasNextPage, endCursor: last ? encodeCursor(last.sortKey, last.id) : null },
        nodes: edges.map((e) => ({
          id: e.node.id,
          name: e.node.name,
          practices: (e.node.practicesConnection.edges as any[]).map((pe) => ({
            relation: { confidence: pe.properties.confidence },
            node: {
              id: pe.node.id,
              name: pe.node.name,
              tools: (pe.node.toolsConnection.edges as any[]).map((te) => ({
                relation: { level: te.properties.level, confidence: te.properties.confidence },
                node: { id: te.node.id, name: te.node.name },
              })),
            },
          })),
        })),
      },
    };
  }
  if (op === 'search') return { search: (data.searchEntities.edges as any[]).map((e) => ({ score: e.score, entity: { id: e.node.id, kind: e.node.kind, name: e.node.name } })) };
  return data;
}

function sameHits(a: any, b: any): boolean {
  const key = (x: any) => (x.search as any[]).map((h) => `${h.entity.id}@${h.score.toFixed(4)}`).sort().join(',');
  return key(a) === key(b);
}

function sameScores(a: any, b: any): boolean {
  const key = (x: any) => (x.search as any[]).map((h) => h.score.toFixed(4)).join(',');
  return key(a) === key(b);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const resultsDir = path.join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = path.join(resultsDir, `${stamp}-x${args.scale}.log`);
  const loadAvgStart = os.loadavg();
  log(`scale ×${args.scale}, ${args.connections} connections, ${args.durationSec} s per measurement (+${args.warmupSec} s warm-up); door logs: ${path.relative(PROJECT_ROOT, logFile)}`);
  if (loadAvgStart[0]! > os.availableParallelism()) log(`warning: load average ${loadAvgStart[0]!.toFixed(1)} on ${os.availableParallelism()} cores before the run: others are using this machine; numbers will be noisy`);

  const built = await buildBenchDoors();
  log(`doors compiled: ${built.files} files in ${built.ms} ms`);
  const settings = parseSettings(process.env);
  const heap = args.heap ?? HEAP_BY_SCALE[args.scale] ?? '768m';
  const pageCache = args.pageCache ?? PAGE_CACHE_BY_SCALE[args.scale] ?? '128m';
  // A local Neo4j runs with the full JIT here, as for `npm start`: the load and the measurements are
  // long, heavy work (the tests keep the quick-starting C1-only JIT).
  const neo4j: ProvisionedNeo4j = await provisionNeo4j(settings.neo4j, { root: PROJECT_ROOT, persistent: false, heap, pageCache, jit: 'throughput', log });
  log(`Neo4j: ${neo4j.path} at ${neo4j.uri}${neo4j.path === 'local-java' ? ` (heap ${heap}, page cache ${pageCache})` : ''}`);
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
    // The API first: startService sets the database up and seeds the curated graph (clone 0 of every scale).
    const api = await startDoor('api', env, logFile);
    doors.push(api);
    log(`API up at ${api.url}`);
    // The same API with its response cache off: what executing each query costs. Started before the
    // scaled load, like the first: an API started later would find a graph whose stamp is not the
    // seed's and load the seed into it again (reading the whole large graph to diff it).
    const apiUncached = args.doors.includes('apiUncached') ? await startDoor('api', { ...env, RESPONSE_CACHE_MB: '0' }, logFile) : undefined;
    if (apiUncached) doors.push(apiUncached);

    const base = await loadSeedDataset(path.join(PROJECT_ROOT, 'seed'), PROJECT_ROOT);
    let t = performance.now();
    let scaled = scaleDataset(base, args.scale);
    const generateSec = (performance.now() - t) / 1000;
    const shape = profile(scaled);
    log(`generated ×${args.scale}: ${shape.entities} entities, ${shape.relations} relations in ${generateSec.toFixed(1)} s`);
    t = performance.now();
    const phases: Record<string, number> = {};
    const loaded = await loadDataset(db, scaled, { onPhase: (phase, ms) => (phases[phase] = Math.round(ms / 100) / 10) });
    const loadSec = (performance.now() - t) / 1000;
    const load = {
      entities: shape.entities,
      relations: shape.relations,
      addedEntities: loaded.changes.addedEntities.length,
      addedRelations: loaded.changes.addedRelations.length,
      seconds: Math.round(loadSec * 10) / 10,
      relationsPerSec: Math.round(shape.relations / loadSec),
      mode: loaded.mode ?? 'one-transaction',
      generateSeconds: Math.round(generateSec * 10) / 10,
      heap: neo4j.path === 'local-java' ? heap : null,
      pageCache: neo4j.path === 'local-java' ? pageCache : null,
      phases,
    };
    log(`loaded in ${load.seconds} s (${load.mode}): ${load.relationsPerSec} relationships/s (${Object.entries(phases).map(([p, sec]) => `${p} ${sec} s`).join(', ')})`);
    const inputs = pickInputs(base, scaled, args.scale);
    scaled = undefined as never; // let the large dataset go before measuring

    const versions = await db.read<{ name: string; versions: string[]; edition: string }>('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
    const neo4jVersion = versions.records.map((r) => `${r.get('name')} ${r.get('versions').join('/')} ${r.get('edition')}`).join(', ');

    const byDoor = new Map<DoorName, RunningDoor>([['api', api]]);
    if (apiUncached) byDoor.set('apiUncached', apiUncached);
    if (args.doors.includes('floor')) {
      const d = await startDoor('floor', env, logFile);
      doors.push(d);
      byDoor.set('floor', d);
    }
    if (args.doors.includes('peer')) {
      const d = await startDoor('peer', env, logFile);
      doors.push(d);
      byDoor.set('peer', d);
    }
    // A bare node:http server sending the API's own answer bytes: the least that serving a kept answer costs.
    if (args.doors.includes('bare')) {
      const d = await startDoor('bare', env, logFile);
      doors.push(d);
      byDoor.set('bare', d);
    }

    // Warm every operation up once before measuring any, through both API doors: the JVM compiles
    // Neo4j's read paths with its full JIT during the first seconds of load, and V8 compiles each API
    // process's own paths (the cached one's hit path included); neither may land on the first operation
    // measured. The whole-graph coverage matrix is left to its own warm-up from ×100 on (answers of
    // megabytes, seconds each): warmed here, its garbage would sit in the next operation's heap.
    for (const warmDoor of [apiUncached, api]) {
      if (!warmDoor) continue;
      for (const opName of args.ops) {
        if (opName === 'coverageFull' && args.scale >= 100) continue;
        const requests = (inputs[opName] as unknown[]).map((input) => requestFor('api', warmDoor.url, opName, input));
        await warmUp({ baseUrl: warmDoor.url, requests, connections: args.connections, child: warmDoor.child, amount: opName === 'coverageFull' ? 8 : undefined }, args.warmupSec);
      }
    }

    const results: OpResult[] = [];
    for (const opName of args.ops) {
      const spec = opSpec(opName);
      const opInputs = inputs[opName] as unknown[];
      const result: OpResult = { op: opName, title: spec.title, depth: spec.depth, indexDriven: spec.indexDriven, doors: {}, checks: [] };
      // Checks, one request at a time: every door answers, the API and the floor agree, round trips.
      const answers = new Map<DoorName, Probe[]>();
      for (const [name, door] of byDoor) {
        if (!args.doors.includes(name)) continue;
        if (name === 'bare') continue; // given the API's answers below
        if (name === 'peer' && !('query' in spec.peer)) {
          result.doors.peer = { none: spec.peer.none };
          continue;
        }
        const probes: Probe[] = [];
        // One unrecorded request first: one-time work (e.g. @neo4j/graphql asks the database for
        // its version on its first request) is not the operation's cost.
        await probe(door.url, requestFor(name, door.url, opName, opInputs[0]));
        for (const input of opInputs) {
          const p = await probe(door.url, requestFor(name, door.url, opName, input));
          if (p.status !== 200 || p.errors) throw new Error(`${name} ${opName} ${JSON.stringify(input)}: HTTP ${p.status} ${JSON.stringify(p.errors).slice(0, 500)}`);
          probes.push(p);
        }
        answers.set(name, probes);
      }
      const apiAnswers = answers.get('api')!;
      const bareDoor = byDoor.get('bare');
      if (bareDoor && args.doors.includes('bare')) {
        const reqs = opInputs.map((input) => requestFor('bare', bareDoor.url, opName, input));
        // Sent over IPC (megabytes for a whole coverage matrix): probe only once the door has them.
        const set = new Promise<void>((resolve) => {
          const on = (m: ChildMessage) => {
            if (m.type !== 'answers-set') return;
            bareDoor.child.off('message', on);
            resolve();
          };
          bareDoor.child.on('message', on);
        });
        bareDoor.child.send({ type: 'answers', answers: reqs.map((r, i) => ({ body: r.body, text: apiAnswers[i]!.text, contentType: apiAnswers[i]!.contentType })) });
        await set;
        const bareProbes: Probe[] = [];
        for (const r of reqs) bareProbes.push(await probe(bareDoor.url, r));
        const differing = bareProbes.filter((p, i) => p.text !== apiAnswers[i]!.text).length;
        result.checks.push(differing === 0 ? 'bare node:http door sends the API\'s bytes' : `bare node:http door DIFFERS from the API's bytes on ${differing} inputs`);
        answers.set('bare', bareProbes);
      }
      if (opName === 'search') {
        // What a search's cost grows with: the full-text index's hits, each read and ordered (docs/performance.md).
        const counts: number[] = [];
        for (const input of opInputs as OpInputs['search']) {
          const q = luceneQuery(input.text);
          if (q === null) continue;
          const res = await db.read<{ hits: number }>('CALL db.index.fulltext.queryNodes($index, $query) YIELD node RETURN count(node) AS hits', { index: FULLTEXT_INDEX, query: q });
          counts.push(Number(res.records[0]?.get('hits') ?? 0));
        }
        counts.sort((a, b) => a - b);
        // Neo4j's own profile of the API's statement for the first input: what the index's hits cost it.
        const first = luceneQuery((opInputs as OpInputs['search'])[0]!.text);
        const profiled = first === null ? undefined : await db.read(`PROFILE ${searchQuery(['aliases'])}`, { index: FULLTEXT_INDEX, query: first, kinds: null, first: neo4jInt(100), probe: neo4jInt(500) });
        const total = (p: ProfiledPlan | false | undefined): { dbHits: number; rows: number } =>
          p ? p.children.reduce((acc, c) => { const t = total(c); return { dbHits: acc.dbHits + t.dbHits, rows: Math.max(acc.rows, t.rows) }; }, { dbHits: p.dbHits, rows: p.rows }) : { dbHits: 0, rows: 0 };
        const plan = total(profiled?.summary.profile);
        result.checks.push(`full-text index hits per search input: median ${counts[Math.floor(counts.length / 2)] ?? 0}, at most ${counts.at(-1) ?? 0}; Neo4j's PROFILE of the API's statement (first input): ${plan.dbHits} db hits, ${plan.rows} rows at its widest`);
      }
      const uncachedAnswers = answers.get('apiUncached');
      if (uncachedAnswers) {
        const differing = apiAnswers.filter((a, i) => !isDeepStrictEqual(a.data, uncachedAnswers[i]!.data)).length;
        result.checks.push(differing === 0 ? 'API answers equal with and without the response cache' : `API answers DIFFER with and without the response cache on ${differing} inputs`);
        // Asked again, the cached API answers from memory: its round trips then.
        const again = await probe(api.url, requestFor('api', api.url, opName, opInputs[1] ?? opInputs[0]));
        result.apiHitRoundTrips = again.roundTrips ?? undefined;
      }
      // Round trips of executing the query: the uncached API's (a cached one adds its version read).
      const execDoor = byDoor.get('apiUncached') && uncachedAnswers ? byDoor.get('apiUncached')! : api;
      const execAnswers = uncachedAnswers ?? apiAnswers;
      const floorAnswers = answers.get('floor');
      if (floorAnswers) {
        const differing = apiAnswers.filter((a, i) => !isDeepStrictEqual(a.data, floorAnswers[i]!.data)).length;
        result.checks.push(differing === 0 ? `API and floor answers equal (${opInputs.length} inputs)` : `API and floor answers DIFFER on ${differing} of ${opInputs.length} inputs`);
        if (differing > 0) {
          const i = apiAnswers.findIndex((a, j) => !isDeepStrictEqual(a.data, floorAnswers[j]!.data));
          writeFileSync(path.join(resultsDir, `${stamp}-diff-${opName}.json`), JSON.stringify({ input: opInputs[i], api: apiAnswers[i]!.data, floor: floorAnswers[i]!.data }, null, 1));
        }
      }
      const peerAnswers = answers.get('peer');
      if (peerAnswers) {
        const same = apiAnswers.filter((a, i) => {
          const p = peerAsApi(opName, peerAnswers[i]!.data);
          return isDeepStrictEqual(a.data, p) || (opName === 'search' && sameHits(a.data, p));
        }).length;
        result.checks.push(`peer answers equal to the API's on ${same} of ${opInputs.length} inputs${opName === 'search' ? ' (same hits and scores; ties may come in another order)' : ''}`);
        if (opName === 'search' && same < opInputs.length) {
          // Where scores tie across the last place, the peer may pick other hits of the same score.
          const scores = apiAnswers.filter((a, i) => sameScores(a.data, peerAsApi(opName, peerAnswers[i]!.data))).length;
          result.checks.push(`peer scores equal to the API's, rank by rank, on ${scores} of ${opInputs.length} inputs`);
        }
      }
      const trips = execAnswers.map((a) => a.roundTrips ?? NaN);
      result.apiRoundTrips = Math.max(...trips);
      result.responseBytes = Math.round(apiAnswers.reduce((s, a) => s + a.bytes, 0) / apiAnswers.length);
      if (opName === 'nestedList') {
        // The same pages at other sizes: the round trips must not grow with the page size.
        const sizes: Record<string, number> = {};
        for (const first of [5, PAGE_SIZE, 50]) {
          let most = 0;
          for (const input of opInputs as OpInputs['nestedList']) {
            const p = await probe(execDoor.url, requestFor('api', execDoor.url, opName, { ...input, first }));
            if (p.status !== 200 || p.errors) throw new Error(`api nestedList at page size ${first}: HTTP ${p.status} ${JSON.stringify(p.errors).slice(0, 300)}`);
            most = Math.max(most, p.roundTrips ?? NaN);
          }
          sizes[String(first)] = most;
        }
        result.roundTripsByPageSize = sizes;
      }
      for (const [name, p] of answers) {
        const rt = p.map((x) => x.roundTrips).filter((x): x is number => x !== null);
        if (rt.length > 0) result.doors[name] = { ...(result.doors[name] ?? {}), roundTrips: Math.max(...rt) } as never;
      }
      log(`${opName}: ${result.checks.join('; ')}; API round trips ${result.apiRoundTrips} (cache hit: ${result.apiHitRoundTrips ?? '–'}); ~${Math.round((result.responseBytes ?? 0) / 1024)} kB per answer`);

      // Load, door after door. Answers that take more than a second one at a time (whole-graph
      // answers on large graphs) are measured one at a time, a fixed number of requests.
      const slowest = Math.max(...[...answers.values()].map((p) => median(p.map((x) => x.ms))));
      const heavy = slowest > 1000;
      const connections = heavy ? 1 : args.connections;
      const amount = heavy ? Math.min(10, Math.max(3, Math.round((args.durationSec * 1000) / slowest))) : undefined;
      if (heavy) result.checks.push(`measured one request at a time, ${amount} requests per door (one answer takes ${Math.round(slowest)} ms alone)`);
      result.connections = connections;
      for (const [name, door] of byDoor) {
        if (!answers.has(name)) continue;
        const requests = opInputs.map((input) => requestFor(name, door.url, opName, input));
        await warmUp({ baseUrl: door.url, requests, connections, child: door.child, ...(heavy ? { amount: 1 } : {}) }, args.warmupSec);
        // BENCH_PROFILE=api,floor,peer: a V8 CPU profile of the door during the measurement.
        const profileFile = process.env.BENCH_PROFILE?.split(',').includes(name) ? path.join(resultsDir, 'profiles', `${stamp}-${opName}-${name}.cpuprofile`) : undefined;
        if (profileFile) mkdirSync(path.dirname(profileFile), { recursive: true });
        const m: LoadResult = await profiled(door.child, profileFile, () =>
          measure({ baseUrl: door.url, requests, connections, durationSec: args.durationSec, amount, child: door.child }),
        );
        result.doors[name] = { ...m, roundTrips: (result.doors[name] as { roundTrips?: number } | undefined)?.roundTrips ?? null };
        log(`  ${name.padEnd(11)} p50 ${m.p50} ms  p99 ${m.p99} ms  ${m.rps} req/s  RSS ${m.rssIdleMb} -> ${m.rssMaxMb} MB (heap ${m.heapUsedMaxMb}/${m.heapTotalMaxMb} MB)${m.non2xx || m.errors ? `  (${m.non2xx} non-2xx, ${m.errors} errors)` : ''}`);
      }
      results.push(result);
    }

    // --tracing: the same operations with tracing off and on (spans exported to a local sink).
    if (args.tracing) {
      log('tracing off vs on (two more API processes, response cache off):');
      const rows = await tracingOverhead({
        startApi: (extra) => startDoor('api', { ...env, ...extra }, logFile),
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
      command: `npm run bench -- --scale ${args.scale}${args.durationSec !== 5 ? ` --duration ${args.durationSec}` : ''}${args.connections !== 8 ? ` --connections ${args.connections}` : ''}`,
      settings: { connections: args.connections, durationSec: args.durationSec, warmupSec: args.warmupSec },
      machine: {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
        node: process.version,
        neo4j: neo4jVersion,
        neo4jPath: neo4j.path,
        loadAverageStart: Math.round(loadAvgStart[0]! * 100) / 100,
        loadAverageEnd: Math.round(os.loadavg()[0]! * 100) / 100,
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
      const doc = writeDocs(run);
      log(`summary: ${path.relative(PROJECT_ROOT, doc)}`);
    }
    log(`done in ${run.totalSeconds} s`);
  } finally {
    for (const d of doors.reverse()) await d.stop().catch(() => {});
    await db.close();
    await neo4j.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`[bench] failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
