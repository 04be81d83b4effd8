// The benchmark's outputs: the table printed at the end of a run, and docs/performance.md, which
// keeps the latest run of every scale (in a data block at its end, so a run at one scale never
// loses the numbers of another) and checks them against the targets of the issue.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/paths.js';
import type { LoadResult } from './load.js';
import { OPS, type OpName } from './ops.js';
import { ANALYSIS, CHANGES, TARGET_NOTES } from './analysis.js';

/** apiUncached: the same API with its response cache off (RESPONSE_CACHE_MB=0); bare: node:http sending the API's bytes (bench/bare.ts). */
export type DoorName = 'api' | 'apiUncached' | 'floor' | 'peer' | 'bare';

export type DoorResult = (LoadResult & { roundTrips: number | null }) | { none: string };

export interface OpResult {
  op: OpName;
  title: string;
  depth: number;
  indexDriven: boolean;
  doors: Partial<Record<DoorName, DoorResult>>;
  checks: string[];
  /** Round trips of executing the query (the uncached API's when measured). */
  apiRoundTrips?: number;
  /** Round trips of the default API answering the same query again (a response cache hit). */
  apiHitRoundTrips?: number;
  responseBytes?: number;
  roundTripsByPageSize?: Record<string, number>;
  /** Concurrency it was measured at (1 for answers that take seconds). */
  connections?: number;
}

export interface BenchRun {
  at: string;
  scale: number;
  command: string;
  settings: { connections: number; durationSec: number; warmupSec: number };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    neo4j: string;
    neo4jPath: string;
    loadAverageStart: number;
    loadAverageEnd: number;
  };
  load: {
    entities: number;
    relations: number;
    addedEntities: number;
    addedRelations: number;
    seconds: number;
    relationsPerSec: number;
    mode: string;
    generateSeconds: number;
    heap: string | null;
    /** Absent in runs made before these were recorded (C1-only JIT, 128 MB page cache then). */
    pageCache?: string | null;
    /** Seconds per phase of the load (src/seed/loader.ts LoadPhase). */
    phases?: Record<string, number>;
  };
  results: OpResult[];
  totalSeconds: number;
}

export const DOCS_FILE = path.join(PROJECT_ROOT, 'docs', 'performance.md');
const DATA_START = '<!-- bench-data';
const DATA_END = 'bench-data -->';

const measured = (d: DoorResult | undefined): (LoadResult & { roundTrips: number | null }) | undefined => (d && !('none' in d) ? d : undefined);
const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits).replace(/\.0+$/, ''));
/** A ratio with two decimals; one under 0.01 is written as such, not rounded to 0. */
const fmtRatio = (q: number | undefined) => (q !== undefined && q > 0 && q < 0.01 ? '<0.01' : fmt(q, 2));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);

/** Rows of the results table: one per operation and door. */
function resultRows(run: BenchRun): string[][] {
  const rows: string[][] = [];
  for (const r of run.results) {
    const api = measured(r.doors.api);
    const floor = measured(r.doors.floor);
    const peer = measured(r.doors.peer);
    const uncached = measured(r.doors.apiUncached);
    const bare = measured(r.doors.bare);
    for (const door of ['api', 'apiUncached', 'floor', 'peer', 'bare'] as const) {
      const d = r.doors[door];
      if (!d) continue;
      const m = measured(d);
      const first = door === 'api';
      if (door === 'apiUncached') {
        rows.push([
          '',
          'mlops-kg API, response cache off',
          m ? fmt(m.p50, 0) : 'n/a',
          m ? fmt(m.p99, 0) : 'n/a',
          m ? fmt(m.rps, 0) : 'n/a',
          m ? fmt(m.rssMaxMb, 0) : 'n/a',
          m ? String(m.roundTrips ?? '–') : 'n/a',
          fmtRatio(ratio(uncached?.p50, floor?.p50)),
          peer ? fmtRatio(ratio(uncached?.p50, peer.p50)) : 'n/a',
          peer ? fmtRatio(ratio(uncached?.rps, peer.rps)) : 'n/a',
          '',
        ]);
        continue;
      }
      if (door === 'bare') {
        rows.push(['', 'bare node:http, same bytes', m ? fmt(m.p50, 0) : 'n/a', m ? fmt(m.p99, 0) : 'n/a', m ? fmt(m.rps, 0) : 'n/a', m ? fmt(m.rssMaxMb, 0) : 'n/a', '0', '', '', '', '']);
        continue;
      }
      rows.push([
        first ? `${r.title}${r.connections === 1 ? ' — one request at a time' : ''}` : '',
        door === 'api' ? 'mlops-kg API' : door === 'floor' ? 'floor (raw Cypher)' : '@neo4j/graphql',
        m ? fmt(m.p50, 0) : 'n/a',
        m ? fmt(m.p99, 0) : 'n/a',
        m ? fmt(m.rps, 0) : 'n/a',
        m ? fmt(m.rssMaxMb, 0) : 'n/a',
        m ? String(m.roundTrips ?? '–') : 'n/a',
        first ? fmtRatio(ratio(api?.p50, floor?.p50)) : '',
        first ? (peer ? fmtRatio(ratio(api?.p50, peer.p50)) : 'n/a') : '',
        first ? (peer ? fmtRatio(ratio(api?.rps, peer.rps)) : 'n/a') : '',
        first ? (bare ? fmtRatio(ratio(api?.rps, bare.rps)) : 'n/a') : '',
      ]);
    }
  }
  return rows;
}

const HEADER = ['operation', 'door', 'p50 ms', 'p99 ms', 'req/s', 'RSS MB', 'round trips', 'API/floor p50', 'API/peer p50', 'API/peer req/s', 'API/bare req/s'];

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The table printed at the end of a run (plain text). */
export function renderTable(run: BenchRun): string {
  const rows = [HEADER, ...resultRows(run)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const text = rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
  const peerless = run.results.filter((r) => r.doors.peer && 'none' in r.doors.peer).map((r) => `  ${r.op}: ${(r.doors.peer as { none: string }).none}`);
  return [
    `×${run.scale}: ${run.load.entities} entities, ${run.load.relations} relations; loaded in ${run.load.seconds} s (${run.load.relationsPerSec} relationships/s, ${run.load.mode})`,
    `${run.settings.connections} connections, ${run.settings.durationSec} s per measurement; load average ${run.machine.loadAverageStart} -> ${run.machine.loadAverageEnd} on ${run.machine.cpus} cores`,
    '',
    text,
    ...(peerless.length ? ['', '@neo4j/graphql has no equivalent for:', ...peerless] : []),
    '',
    ...targets(new Map([[run.scale, run]])).map((t) => `${t.met === true ? 'MET   ' : t.met === false ? 'MISSED' : 'n/a   '} ${t.target}: ${t.detail}`),
  ].join('\n');
}

// ---- targets ------------------------------------------------------------------------------------

export interface TargetCheck {
  readonly id: string;
  readonly target: string;
  /** undefined: not measured (yet). */
  readonly met: boolean | undefined;
  readonly detail: string;
}

/** Checks the targets of the issue against the runs at hand (latest per scale). */
export function targets(runs: Map<number, BenchRun>): TargetCheck[] {
  const scales = [...runs.keys()].sort((a, b) => a - b);
  const main = runs.get(10) ?? runs.get(scales[0]!)!;
  const out: TargetCheck[] = [];

  // 1. API p50 <= 1.2 x floor, every operation.
  {
    const misses: string[] = [];
    const hits: string[] = [];
    const uncached: string[] = [];
    for (const scale of scales) {
      for (const r of runs.get(scale)!.results) {
        const q = ratio(measured(r.doors.api)?.p50, measured(r.doors.floor)?.p50);
        if (q === undefined) continue;
        (q <= 1.2 ? hits : misses).push(`${r.op} ×${scale}: ${fmtRatio(q)}×`);
        const u = ratio(measured(r.doors.apiUncached)?.p50, measured(r.doors.floor)?.p50);
        if (u !== undefined) uncached.push(`${r.op} ×${scale}: ${fmtRatio(u)}×`);
      }
    }
    out.push({
      id: 'p50-vs-floor',
      target: 'API p50 ≤ 1.2× the floor, every operation',
      met: misses.length + hits.length === 0 ? undefined : misses.length === 0,
      detail:
        (misses.length ? `missed on ${misses.join(', ')}` : `all within (API as configured by default, response cache on): ${hits.join(', ')}`) +
        (uncached.length ? `; with the response cache off (every query executed): ${uncached.join(', ')}` : ''),
    });
  }

  // 1b. Executing every query (response cache off): API p50 <= 1.2x the floor at x10, every operation.
  {
    const r10 = runs.get(10);
    const parts: string[] = [];
    const misses: string[] = [];
    for (const r of r10?.results ?? []) {
      const q = ratio(measured(r.doors.apiUncached)?.p50, measured(r.doors.floor)?.p50);
      if (q === undefined) continue;
      parts.push(`${r.op} ${fmtRatio(q)}× (${fmt(measured(r.doors.apiUncached)?.p50, 0)} vs ${fmt(measured(r.doors.floor)?.p50, 0)} ms)`);
      if (q > 1.2) misses.push(r.op);
    }
    out.push({
      id: 'uncached-vs-floor',
      target: 'API p50 ≤ 1.2× the floor at ×10 with the response cache off, every operation',
      met: parts.length === 0 ? undefined : misses.length === 0,
      detail: parts.length ? `${misses.length ? `missed on ${misses.join(', ')}; ` : ''}${parts.join(', ')}` : 'needs a ×10 run with the apiUncached and floor doors',
    });
  }

  // 2. >= 2x the peer's throughput on the nested list.
  {
    const parts: string[] = [];
    let met: boolean | undefined;
    for (const scale of scales) {
      const r = runs.get(scale)!.results.find((x) => x.op === 'nestedList');
      const q = ratio(measured(r?.doors.api)?.rps, measured(r?.doors.peer)?.rps);
      if (q === undefined) continue;
      parts.push(`×${scale}: ${fmt(q, 2)}× (${fmt(measured(r?.doors.api)?.rps, 0)} vs ${fmt(measured(r?.doors.peer)?.rps, 0)} req/s)`);
      met = (met ?? true) && q >= 2;
    }
    out.push({ id: 'nested-vs-peer', target: "≥ 2× @neo4j/graphql's throughput on the nested list", met, detail: parts.join(', ') || 'not measured' });
  }

  // 3. Round trips <= nesting depth, constant in page size.
  {
    const bad: string[] = [];
    const seen: string[] = [];
    for (const r of main.results) {
      if (r.apiRoundTrips === undefined) continue;
      seen.push(`${r.op} ${r.apiRoundTrips}/${r.depth}${r.apiHitRoundTrips !== undefined ? ` (cache hit ${r.apiHitRoundTrips})` : ''}`);
      if (r.apiRoundTrips > r.depth) bad.push(`${r.op}: ${r.apiRoundTrips} round trips for depth ${r.depth}`);
    }
    const nested = main.results.find((r) => r.op === 'nestedList')?.roundTripsByPageSize;
    const values = nested ? Object.values(nested) : [];
    const constant = values.length > 0 && values.every((v) => v === values[0]);
    if (nested && !constant) bad.push(`nested list round trips vary with page size: ${JSON.stringify(nested)}`);
    out.push({
      id: 'round-trips',
      target: 'Cypher round trips ≤ nesting depth, constant in page size',
      met: seen.length === 0 ? undefined : bad.length === 0,
      detail: bad.length
        ? bad.join('; ')
        : `round trips of executing each query/depth: ${seen.join(', ')}; a response cache hit costs none (the process knows the graph's version); nested list at page sizes ${Object.keys(nested ?? {}).join('/')}: ${values.join('/')} round trips`,
    });
  }

  // 4. p50 at x1000 <= 2x p50 at x1 for id- and index-driven operations.
  {
    const small = runs.get(1);
    const large = runs.get(1000);
    if (!small || !large) {
      out.push({ id: 'scale-p50', target: 'p50 at ×1000 ≤ 2× p50 at ×1 (id- and index-driven operations)', met: undefined, detail: `needs runs at ×1 and ×1000 (have ${scales.map((s) => `×${s}`).join(', ')})` });
    } else {
      const parts: string[] = [];
      const misses: string[] = [];
      for (const r of large.results.filter((x) => x.indexDriven)) {
        const big = measured(r.doors.api)?.p50;
        const base = measured(small.results.find((x) => x.op === r.op)?.doors.api)?.p50;
        // autocannon gives whole milliseconds: two answers under 1 ms (cache hits) compare as equal.
        if (big === 0 && base === 0) {
          parts.push(`${r.op} both under 1 ms`);
          continue;
        }
        const q = ratio(big, base);
        if (q === undefined) continue;
        parts.push(`${r.op} ${fmt(q, 2)}×`);
        if (q > 2) misses.push(r.op);
      }
      out.push({
        id: 'scale-p50',
        target: 'p50 at ×1000 ≤ 2× p50 at ×1 (id- and index-driven operations)',
        met: parts.length === 0 ? undefined : misses.length === 0,
        detail: `${misses.length ? `missed on ${misses.join(', ')}; ` : ''}${parts.join(', ')}`,
      });
    }
  }

  // 4b. Cached answers near the floor of node:http: the API's req/s >= 0.3x a bare server's sending the same bytes.
  {
    const parts: string[] = [];
    let met: boolean | undefined;
    for (const scale of scales) {
      for (const r of runs.get(scale)!.results) {
        if (r.connections === 1) continue; // answers of megabytes, one at a time: not a cache-hit measure
        const q = ratio(measured(r.doors.api)?.rps, measured(r.doors.bare)?.rps);
        if (q === undefined) continue;
        parts.push(`${r.op} ×${scale}: ${fmt(q, 2)}× (${fmt(measured(r.doors.api)?.rps, 0)} vs ${fmt(measured(r.doors.bare)?.rps, 0)} req/s)`);
        met = (met ?? true) && q >= 0.3;
      }
    }
    out.push({ id: 'cached-vs-bare', target: "cached answers ≥ 0.3× the requests/s of a bare node:http server sending the same bytes", met, detail: parts.join(', ') || 'not measured' });
  }

  // 5. API RSS < 200 MB through the whole bench at x10 (both API doors), per operation; other scales for reference.
  {
    const parts: string[] = [];
    let met: boolean | undefined;
    const apiRss = (r: OpResult) => Math.max(measured(r.doors.api)?.rssMaxMb ?? 0, measured(r.doors.apiUncached)?.rssMaxMb ?? 0);
    const r10 = runs.get(10);
    if (r10) {
      parts.push(`×10, per operation (the larger of the two API doors): ${r10.results.map((r) => `${r.op} ${fmt(apiRss(r), 0)} MB`).join(', ')}`);
      met = r10.results.every((r) => apiRss(r) < 200);
    }
    for (const scale of scales.filter((s) => s !== 10)) {
      const worst = runs.get(scale)!.results.map((r) => ({ op: r.op, rss: apiRss(r) })).sort((a, b) => b.rss - a.rss)[0];
      if (worst) parts.push(`×${scale}: at most ${fmt(worst.rss, 0)} MB (${worst.op})`);
    }
    out.push({ id: 'rss', target: 'API RSS < 200 MB through the whole bench at ×10', met, detail: parts.join('; ') || 'not measured' });
  }

  // 5b. Search at x1000 (executed, response cache off): p50 <= 5x its p50 at x1.
  {
    const at = (scale: number) => measured(runs.get(scale)?.results.find((r) => r.op === 'search')?.doors.apiUncached)?.p50;
    const q = ratio(at(1000), at(1));
    out.push({
      id: 'search-scale',
      target: 'search p50 at ×1000 ≤ 5× its p50 at ×1 (response cache off)',
      met: q === undefined ? undefined : q <= 5,
      detail: q === undefined ? 'needs ×1 and ×1000 runs of search with the apiUncached door' : `${fmtRatio(q)}× (${fmt(at(1000), 0)} ms at ×1000, ${fmt(at(1), 0)} ms at ×1)`,
    });
  }

  // 6. x1000 load >= 50,000 relationships/s.
  {
    const large = runs.get(1000);
    out.push({
      id: 'load-rate',
      target: 'loading the ×1000 graph at ≥ 50,000 relationships/s',
      met: large ? large.load.relationsPerSec >= 50_000 : undefined,
      detail: large
        ? `${large.load.relationsPerSec} relationships/s (${large.load.relations} relations, ${large.load.entities} entities in ${large.load.seconds} s, ${large.load.mode})`
        : `no ×1000 run yet; ${scales.map((s) => `×${s}: ${runs.get(s)!.load.relationsPerSec} relationships/s`).join(', ')}`,
    });
  }
  return out;
}

// ---- docs/performance.md ------------------------------------------------------------------------

function readStoredRuns(): Map<number, BenchRun> {
  const runs = new Map<number, BenchRun>();
  if (!existsSync(DOCS_FILE)) return runs;
  const text = readFileSync(DOCS_FILE, 'utf8');
  const start = text.indexOf(DATA_START);
  const end = text.indexOf(DATA_END);
  if (start < 0 || end < 0) return runs;
  try {
    const stored = JSON.parse(text.slice(start + DATA_START.length, end)) as BenchRun[];
    for (const r of stored) runs.set(r.scale, r);
  } catch {
    // A hand-edited block that no longer parses: start again from this run.
  }
  return runs;
}

function loadTable(runs: Map<number, BenchRun>): string {
  const rows = [...runs.values()]
    .sort((a, b) => a.scale - b.scale)
    .map((r) => [
      `×${r.scale}`,
      String(r.load.entities),
      String(r.load.relations),
      String(r.load.addedRelations),
      fmt(r.load.seconds),
      String(r.load.relationsPerSec),
      r.load.mode,
      r.load.heap ?? '–',
      r.load.pageCache === undefined ? '128m (C1 JIT)' : (r.load.pageCache ?? '–'),
      r.load.phases ? `${fmt(r.load.phases.entities)} / ${fmt(r.load.phases.relations)}` : '–',
      fmt(r.load.generateSeconds),
    ]);
  return markdownTable(['scale', 'entities', 'relations', 'relations added', 'load s', 'relationships/s', 'how', 'Neo4j heap', 'page cache', 'entities / relations s', 'generate s'], rows);
}

export function renderDocs(runs: Map<number, BenchRun>): string {
  const scales = [...runs.keys()].sort((a, b) => a - b);
  const main = runs.get(10) ?? runs.get(scales[0]!)!;
  const checks = targets(runs);
  const mark = (m: boolean | undefined) => (m === true ? '**met**' : m === false ? '**missed**' : 'not measured');
  const sections: string[] = [];
  sections.push(`# Performance

Generated by \`npm run bench\` (bench/run.ts) from its latest run at each scale; the analysis
paragraphs come from bench/analysis.ts. Do not edit by hand: run the benchmark again.

What is measured: the key operations of the API, each through several doors on the same Neo4j and the
same data, in one run, under the same load (autocannon, fixed concurrency and duration):

- **mlops-kg API**: the GraphQL API over HTTP, started with \`startService\` (src/server.ts) with its own
  defaults (query limits, deadlines, request logs at \`info\`), in its own process;
- **floor**: a bare \`node:http\` handler answering each operation with one hand-written Cypher query
  through neo4j-driver, plus the same post-processing (ranking, cells, the greedy cover) where the
  operation needs it, no GraphQL (bench/floor.ts). Before each measurement the API's and the floor's
  answers are compared and must be equal;
- **@neo4j/graphql 7**: the reference GraphQL-over-Neo4j library, on Apollo Server 5 like the API, with
  equivalent type definitions (bench/peer.ts); where it has no equivalent operation the table says
  n/a and the reason is given below.
- **bare node:http, same bytes**: a node:http server that reads the request and sends the API's own
  answer bytes for it (bench/bare.ts), checked byte for byte before loading; the API's cached
  requests/s are given as a ratio to it (column API/bare req/s).

Each door runs in its own process (its RSS is sampled every 200 ms under load); the load generator runs
in the benchmark's process. Latencies are per request, in milliseconds; round trips are the API's
\`x-cypher-round-trips\` header (1 for the floor, the number of Cypher queries for the peer).

## Reproduce

\`\`\`sh
npm ci
${main.command}          # the default scale: ×10, about ${Math.max(1, Math.round(main.totalSeconds / 60))} min on the machine below
npm run bench -- --scale 1000 # the large graph (set a longer --duration for steadier numbers)
\`\`\`

Neo4j is found as for \`npm start\` (NEO4J_URI, else Docker, else a local Neo4j Community from Maven
Central, throw-away). The benchmark's local Neo4j runs with the JVM's full JIT (\`npm start\`'s setting; the
tests use the quicker-starting C1-only JIT) and gets a larger heap and page cache for the large graphs
(the \`heap\` and \`page cache\` columns below).
Raw results: \`bench/results/*.json\` (not committed).

## Machine

${[...runs.values()]
  .sort((a, b) => a.scale - b.scale)
  .map(
    (r) =>
      `- ×${r.scale} run, ${r.at.slice(0, 16).replace('T', ' ')} UTC: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.neo4j} (${r.machine.neo4jPath}); load average ${r.machine.loadAverageStart} at the start, ${r.machine.loadAverageEnd} at the end; ${r.settings.connections} connections, ${r.settings.durationSec} s per measurement after ${r.settings.warmupSec} s of warm-up; whole run ${r.totalSeconds} s`,
  )
  .join('\n')}

The machine is shared: a load average above the core count means other processes were competing for the
CPU during the run, which slows every door alike but adds noise.

## Loading the synthetic graph

bench/generate.ts grows the curated graph ×N (seeded, deterministic): clone 0 is the curated data, clones
1..N-1 copy every entity but the three sources under suffixed ids, and each copied relation keeps its type
and start and, with probability 5 %, ends in a random other clone (out-degree per type kept exactly,
in-degree in expectation). The benchmark's API seeds the curated graph at start, then the scaled dataset
is loaded on top of it with the seed loader (src/seed/loader.ts), timed.

${loadTable(runs)}
`);

  for (const scale of scales) {
    const run = runs.get(scale)!;
    const peerless = run.results.filter((r) => r.doors.peer && 'none' in r.doors.peer);
    sections.push(`## Results at ×${scale}

${markdownTable(HEADER, resultRows(run))}

Checks before loading each operation: ${run.results.map((r) => `${r.op}: ${r.checks.join('; ')}`).join('. ')}.
${run.results.find((r) => r.roundTripsByPageSize) ? `Nested list round trips by page size: ${Object.entries(run.results.find((r) => r.roundTripsByPageSize)!.roundTripsByPageSize!).map(([k, v]) => `${k} → ${v}`).join(', ')}.` : ''}
${peerless.length ? `\n@neo4j/graphql has no equivalent for: ${peerless.map((r) => `**${r.op}** (${(r.doors.peer as { none: string }).none})`).join('; ')}.` : ''}
`);
  }

  sections.push(`## Targets

${markdownTable(
  ['target', 'status', 'measured'],
  checks.map((c) => [c.target, mark(c.met), c.detail]),
)}

${checks
  .filter((c) => TARGET_NOTES[c.id])
  .map((c) => `**${c.target}** (${mark(c.met)}). ${TARGET_NOTES[c.id]}`)
  .join('\n\n')}

## Per operation

${OPS.filter((o) => ANALYSIS[o.name])
  .map((o) => `**${o.title}.** ${ANALYSIS[o.name]}`)
  .join('\n\n')}

## What was changed to make it fast

${CHANGES}
`);

  const data = [...runs.values()].sort((a, b) => a.scale - b.scale);
  sections.push(`${DATA_START}\n${JSON.stringify(data)}\n${DATA_END}\n`);
  return sections.join('\n');
}

/** Merges this run into the stored ones and rewrites docs/performance.md; returns its path. */
export function writeDocs(run: BenchRun): string {
  const runs = readStoredRuns();
  runs.set(run.scale, run);
  mkdirSync(path.dirname(DOCS_FILE), { recursive: true });
  writeFileSync(DOCS_FILE, renderDocs(runs));
  return DOCS_FILE;
}

/** Re-renders docs/performance.md from its own data block (after editing bench/analysis.ts). */
export function rerenderDocs(): string {
  const runs = readStoredRuns();
  if (runs.size === 0) throw new Error(`${DOCS_FILE} holds no benchmark data yet: run npm run bench`);
  writeFileSync(DOCS_FILE, renderDocs(runs));
  return DOCS_FILE;
}
