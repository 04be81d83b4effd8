// The benchmark's command line (npm run bench -- --help) and the per-scale settings of its Neo4j.
import { opSpec, OPS, type OpName } from './ops.js';
import { SCALES } from './generate.js';
import type { DoorName } from './results.js';

export interface Args {
  scale: number;
  durationSec: number;
  warmupSec: number;
  connections: number;
  /** Measurements per door and operation, the doors taken in turn (A, B, A, B...); medians reported. */
  rounds: number;
  ops: OpName[];
  doors: DoorName[];
  /** How the synthetic graph gets into Neo4j: the seed loader's transactions, or the offline importer. */
  load: 'transactional' | 'bulk';
  docs: boolean;
  /** Also measure tracing off vs on (bench/tracing.ts). */
  tracing: boolean;
  heap?: string;
  pageCache?: string;
}

export const USAGE =
  'npm run bench -- [--scale 1|10|100|1000] [--duration s] [--warmup s] [--connections n] [--rounds n] [--ops a,b] [--doors api,apiUncached,floor,peer,bare] [--load transactional|bulk] [--heap 2g] [--page-cache 1g] [--no-docs] [--tracing] | --render-docs';

/** The arguments, or which of --render-docs and --help was asked (the caller does those). */
export function parseArgs(argv: string[]): Args | 'render-docs' | 'help' {
  const args: Args = { scale: 10, durationSec: 5, warmupSec: 2, connections: 8, rounds: 1, ops: OPS.map((o) => o.name), doors: ['api', 'apiUncached', 'floor', 'peer', 'bare'], load: 'transactional', docs: true, tracing: false };
  let load: string | undefined;
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
    else if (a === '--rounds') args.rounds = Number(value());
    else if (a === '--ops') args.ops = value().split(',').map((o) => opSpec(o as OpName).name);
    else if (a === '--doors') args.doors = value().split(',') as DoorName[];
    else if (a === '--load') load = value();
    else if (a === '--heap') args.heap = value();
    else if (a === '--page-cache') args.pageCache = value();
    else if (a === '--no-docs') args.docs = false;
    else if (a === '--tracing') args.tracing = true;
    else if (a === '--render-docs') return 'render-docs';
    else if (a === '--help') return 'help';
    else throw new Error(`unknown argument ${a} (try --help)`);
  }
  if (!(SCALES as readonly number[]).includes(args.scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  if (!Number.isInteger(args.rounds) || args.rounds < 1) throw new Error('--rounds must be a positive integer');
  if (load !== undefined && load !== 'transactional' && load !== 'bulk') throw new Error('--load must be transactional or bulk');
  // A fresh graph of 100,000 entities and more goes in through the offline importer (where the
  // benchmark runs its own Neo4j; bench/graph.ts falls back to the loader otherwise).
  args.load = (load as Args['load'] | undefined) ?? (args.scale >= 100 ? 'bulk' : 'transactional');
  // At ×1000 the full matrix is one ~45 MB answer that takes minutes per door: measured up to ×100
  // unless asked for by name.
  if (args.scale >= 1000 && !argv.includes('--ops')) args.ops = args.ops.filter((o) => o !== 'coverageFull');
  // Every other door's answers are checked against the API's: it is always measured.
  if (!args.doors.includes('api')) throw new Error('--doors must include api (the other doors\' answers are checked against it)');
  return args;
}

/** Heap of the benchmark's local Neo4j: the app's default up to ×10, more for the large graphs' queries. */
export const HEAP_BY_SCALE: Record<number, string> = { 1: '768m', 10: '768m', 100: '2g', 1000: '4g' };
/** Page cache of the benchmark's local Neo4j: enough to hold the store (the importer estimates ~4.6 GB at ×1000). */
export const PAGE_CACHE_BY_SCALE: Record<number, string> = { 1: '128m', 10: '256m', 100: '512m', 1000: '5g' };

/** The command that reproduces a run (what docs/performance.md shows). */
export function commandOf(args: Args): string {
  return `npm run bench -- --scale ${args.scale}${args.durationSec !== 5 ? ` --duration ${args.durationSec}` : ''}${args.connections !== 8 ? ` --connections ${args.connections}` : ''}${args.rounds !== 1 ? ` --rounds ${args.rounds}` : ''}`;
}
