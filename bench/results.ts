// What a benchmark run records (bench/results/*.json and the data block of docs/performance.md).
import type { LoadResult } from './load.js';
import type { OpName } from './ops.js';

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
  /** rounds: measurements per door and operation, doors in turn (absent: 1). */
  settings: { connections: number; durationSec: number; warmupSec: number; rounds?: number };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    neo4j: string;
    neo4jPath: string;
    loadAverageStart: number;
    loadAverageEnd: number;
    /** Load average (1 min) when each operation's measurements started. */
    loadAverageByOp?: Record<string, number>;
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
    /** Seconds per phase of the load (src/seed/loader.ts LoadPhase; csv, import, indexes for a bulk import). */
    phases?: Record<string, number>;
  };
  results: OpResult[];
  totalSeconds: number;
}

export type Measured = LoadResult & { roundTrips: number | null };

/** A door's measurement, or undefined when it was not measured or has no equivalent. */
export const measured = (d: DoorResult | undefined): Measured | undefined => (d && !('none' in d) ? d : undefined);
export const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
export const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits).replace(/\.0+$/, ''));
/** A ratio with two decimals; one under 0.01 is written as such, not rounded to 0. */
export const fmtRatio = (q: number | undefined) => (q !== undefined && q > 0 && q < 0.01 ? '<0.01' : fmt(q, 2));
