// A per-process cache for whole-graph answers (today: the full coverage matrix), keyed by the
// version of the dataset in the graph. The graph changes only when the seed loader writes it, and
// every load changes its version (src/cypher/graph-version.ts, read by src/repos/dataset.ts). So a request that finds an
// answer in the cache first reads the graph's version (one small round trip) and takes the answer
// only when it was computed at exactly that version: an answer is never served after a re-seed, by
// this process or any other. The query that computes an answer reads the version at its start and
// at its end (graphVersionCall), and the answer is kept only when both agree and no load is
// running; with no stamp (an empty or half-loaded graph) nothing is kept.

/** An answer and the version it was computed at (null: the version changed meanwhile, or there is none). */
export interface Versioned<T> {
  readonly value: T;
  readonly version: string | null;
}

/** The version of an answer whose query read the version before (`before`) and after (`after`) its work. */
export function versionOf(before: string | null, after: string | null): string | null {
  return before !== null && before === after ? before : null;
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(
    /** Answers larger than this (see `size`) are served but not kept: memory stays bounded. */
    private readonly maxSize: number,
    private readonly size: (value: T) => number,
  ) {}

  /**
   * The answer for `key`: the cached one when it was computed at the graph's current version (one
   * round trip to read the version), else computed by `compute` (its own round trip, which also
   * reads the version), and kept for the next requests when its version is known.
   */
  async get(currentVersion: () => Promise<string | null>, key: string, compute: () => Promise<Versioned<T>>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) {
      const now = await currentVersion();
      if (now !== null && now === cached.version) return cached.value;
      if (this.entries.get(key) === cached) this.entries.delete(key);
    }
    const { value, version } = await compute();
    if (version !== null && this.size(value) <= this.maxSize) this.entries.set(key, { version, value });
    return value;
  }
}
