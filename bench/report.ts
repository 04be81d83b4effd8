// The benchmark's outputs: the table printed at the end of a run, and docs/performance.md, which
// keeps the latest run of every scale (in a data block at its end, so a run at one scale never
// loses the numbers of another) and checks them against the targets of the issue.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { OPS } from './ops.js';
import { ANALYSIS, TARGET_NOTES } from './analysis.js';
import { CHANGES } from './changes.js';
import { fmt, fmtRatio, measured, ratio, type BenchRun } from './results.js';
import { targets } from './targets.js';

export const DOCS_FILE = path.join(PROJECT_ROOT, 'docs', 'performance.md');
const DATA_START = '<!-- bench-data';
const DATA_END = 'bench-data -->';

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
        first ? `${r.title}${r.connections === 1 ? ' — one request at a time' : ''}${run.machine.loadAverageByOp?.[r.op] !== undefined ? ` (load avg ${fmt(run.machine.loadAverageByOp[r.op], 1)})` : ''}` : '',
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
      r.load.phases ? Object.entries(r.load.phases).filter(([k]) => k !== 'read' && k !== 'diff' && k !== 'stamp').map(([k, v]) => `${k} ${fmt(v)}`).join(', ') : '–',
      fmt(r.load.generateSeconds),
    ]);
  return markdownTable(['scale', 'entities', 'relations', 'relations added', 'load s', 'relationships/s', 'how', 'Neo4j heap', 'page cache', 'phases s', 'generate s'], rows);
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
      `- ×${r.scale} run, ${r.at.slice(0, 16).replace('T', ' ')} UTC: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.neo4j} (${r.machine.neo4jPath}); load average ${r.machine.loadAverageStart} at the start, ${r.machine.loadAverageEnd} at the end (and per operation in its results table); ${r.settings.connections} connections, ${r.settings.durationSec} s per measurement after ${r.settings.warmupSec} s of warm-up${(r.settings.rounds ?? 1) > 1 ? `, ${r.settings.rounds} rounds per door, the doors in turn, medians` : ''}; whole run ${r.totalSeconds} s`,
  )
  .join('\n')}

The machine is shared: a load average above the core count means other processes were competing for the
CPU during the run, which slows every door alike but adds noise.

## Loading the synthetic graph

bench/generate.ts grows the curated graph ×N (seeded, deterministic): clone 0 is the curated data; clones
1..N-1 hold, for every curated entity but the sources, a new entity of the same kind under a suffixed id,
with a new name, summary and aliases drawn from the curated graph's vocabulary (bench/vocabulary.ts: new
tools get coined names, new practices and challenges names in the field's words, lengths as the kind's);
each relation is copied with its type and start and, with probability 5 %, ends in a random other clone
(the curated out-degree per type kept exactly, in-degree in expectation). How the graph gets into Neo4j
(bench/graph.ts): **batched**, the API seeds the curated graph at start and the seed loader
(src/seed/loader.ts) adds the rest in transactions, as into a live database; **bulk import**, from ×100
on a local Neo4j, the whole graph is written as CSV (src/seed/import-files.ts) and imported offline by
Neo4j's importer into the fresh database before it starts (src/provision/bulk-import.ts), then the
normal setup builds the constraints and indexes (the full-text index included): its load time is the
CSV and the import, and the index build that follows is the \`indexes\` phase.

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
