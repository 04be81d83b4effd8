// The graph's version (src/cypher/graph-version.ts) as this process knows it, so that a cached answer
// is found without a Cypher round trip per request.
//
// - This process's own writes (the seed loader, through Db.writeTx) are seen at once: from the start
//   of a write transaction until the version has been read again after it ended, the version is
//   unknown (null) and nothing is served from or kept in a cache.
// - Writes made elsewhere (another process or replica seeding the same Neo4j) are seen by reading the
//   version again when the known one is older than `maxAgeMs` (1 s): a request that comes later waits
//   for that one shared read. So an answer kept for a version is served at most `maxAgeMs` after the
//   version was last read, and never after a re-read found another version: a load made elsewhere is
//   seen within `maxAgeMs` of its commit (plus the duration of one version read).
// - A read that fails (Neo4j away, or no answer within the read's own bound: a hung Neo4j must not
//   hold every request) leaves the version unknown: requests then execute and fail fast as they would
//   without a cache, except that an answer kept at the last version read may be served, marked stale
//   (`lastKnown`; src/http/cache-front.ts).
//
// `epoch` changes whenever the version may have changed (a local write began or ended, a re-read
// found another version): an answer computed while the epoch stayed the same was computed at that
// version and may be kept under it.

export interface GraphSnapshot {
  /** null: unknown, or no version a cache may rely on (no stamp yet, a load running). */
  readonly version: string | null;
  readonly epoch: number;
  /** Set when the version could not be read: the last version that was (answers kept at it may be served, marked stale). */
  readonly lastKnown?: string;
}

/** After a failed version read, requests go on without the version for this long before one reads again. */
const FAILED_READ_BACKOFF_MS = 250;

export class GraphVersionWatch {
  private version: string | null = null;
  private known = false;
  private readAt = 0;
  private writing = 0;
  private reading: Promise<GraphSnapshot> | undefined;
  private epochValue = 0;
  /** The last version read, kept while reads fail; cleared by a local write (the graph then moved). */
  private lastKnown: string | undefined;
  private failed = false;
  /** Version reads made (for tests and metrics). */
  reads = 0;

  constructor(
    private readonly readVersion: () => Promise<string | null>,
    readonly maxAgeMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get epoch(): number {
    return this.epochValue;
  }

  /** The version without waiting, when it is known and fresh; undefined when it must be read. */
  fresh(): GraphSnapshot | undefined {
    if (this.writing > 0) return { version: null, epoch: this.epochValue };
    if (this.known && this.now() - this.readAt < this.maxAgeMs) return { version: this.version, epoch: this.epochValue };
    // The last read failed moments ago: do not queue on another one at once (the breaker probes meanwhile).
    if (this.failed && this.now() - this.readAt < FAILED_READ_BACKOFF_MS) return this.unknown();
    return undefined;
  }

  /** The version: the known one when fresh, else one read shared by every request that asks meanwhile. */
  current(): Promise<GraphSnapshot> {
    const f = this.fresh();
    return f ? Promise.resolve(f) : this.refresh();
  }

  /** Reads the version now (or joins the read in flight). */
  refresh(): Promise<GraphSnapshot> {
    if (this.reading) return this.reading;
    const startedAt = this.now();
    const epochAtStart = this.epochValue;
    this.reads += 1;
    const done = (version: string | null, ok: boolean): GraphSnapshot => {
      this.reading = undefined;
      // A local write began or ended during the read: what it read may be from before the write.
      if (this.epochValue !== epochAtStart || this.writing > 0) return { version: null, epoch: this.epochValue };
      if (!ok) {
        this.known = false;
        this.failed = true;
        this.readAt = this.now();
        return this.unknown();
      }
      this.failed = false;
      if (!this.known || version !== this.version) this.epochValue += 1;
      this.version = version;
      this.known = true;
      this.lastKnown = version ?? undefined;
      // Fresh from when the read started: the bound counts from the older instant.
      this.readAt = startedAt;
      return { version, epoch: this.epochValue };
    };
    this.reading = this.readVersion().then(
      (v) => done(v, true),
      () => done(null, false),
    );
    return this.reading;
  }

  /** The version without waiting: fresh when it is, else unknown (with the last version read, if any). */
  peek(): GraphSnapshot {
    return this.fresh() ?? this.unknown();
  }

  private unknown(): GraphSnapshot {
    return this.lastKnown === undefined ? { version: null, epoch: this.epochValue } : { version: null, epoch: this.epochValue, lastKnown: this.lastKnown };
  }

  /** A write transaction of this process started: the version is unknown until it has ended and been read. */
  writeStarted(): void {
    this.lastKnown = undefined;
    this.writing += 1;
    this.epochValue += 1;
    this.known = false;
  }

  writeEnded(): void {
    this.writing = Math.max(0, this.writing - 1);
    this.epochValue += 1;
    this.known = false;
  }
}
