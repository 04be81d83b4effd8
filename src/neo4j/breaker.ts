// Fail fast while Neo4j is down: a circuit breaker in front of every read, and a background probe
// loop whose last answer /readyz reports (no probe per request).
//
// Closed (Neo4j answers): reads go through. A read that fails because Neo4j is unreachable opens
// the breaker; so does a failed probe. Open: reads fail at once with the driver's own
// ServiceUnavailable code (src/http/errors.ts turns it into SERVICE_UNAVAILABLE), and one probe at a
// time runs in the background (every downIntervalMs, and when a request arrives). The first probe
// that answers closes it again: recovery needs no restart.

import { bounded, isDatabaseUnavailable, NoAnswerError } from './unavailable.js';

/** What a read gets while the breaker is open: shaped like the driver's own error. */
export class BreakerOpenError extends Error {
  readonly code = 'ServiceUnavailable';
  constructor(reason: string) {
    super(`Neo4j is unavailable (circuit open: ${reason})`);
    this.name = 'BreakerOpenError';
  }
}

export interface ProbeState {
  /** Neo4j answered the last probe. */
  readonly ok: boolean;
  /** When the last probe ended (epoch ms). */
  readonly at: number;
  /** The loaded dataset's version (null: Neo4j answers but holds no dataset). */
  readonly datasetVersion: string | null;
  readonly reason?: string;
}

export interface BreakerOptions {
  /** Probe period while Neo4j answers. */
  readonly upIntervalMs?: number;
  /** Probe period while it does not. */
  readonly downIntervalMs?: number;
  /** A probe that takes longer counts as a failure. */
  readonly probeTimeoutMs?: number;
  /** Probes that must succeed in a row before Neo4j counts as settled (ready) again (default 3). */
  readonly readyAfter?: number;
}

export class Neo4jBreaker {
  /** Open: reads fail at once. */
  open = false;
  /** Set by whoever knows why Neo4j is away (the local supervisor while it restarts it); /healthz shows it. */
  degraded: string | undefined;
  last: ProbeState | undefined;
  /** Reads refused while open, and times the breaker opened (for /metrics). */
  rejected = 0;
  trips = 0;
  /** Probes that succeeded in a row (a failure resets it). */
  okInARow = 0;
  readonly readyAfter: number;
  private probing: Promise<ProbeState> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly upIntervalMs: number;
  private readonly downIntervalMs: number;
  private readonly probeTimeoutMs: number;

  constructor(
    /** One cheap read that does not go through the breaker: the dataset version, or null. */
    private readonly probeFn: () => Promise<string | null>,
    options: BreakerOptions = {},
  ) {
    this.upIntervalMs = options.upIntervalMs ?? 2_000;
    this.downIntervalMs = options.downIntervalMs ?? 250;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 1_000;
    this.readyAfter = options.readyAfter ?? 3;
  }

  /**
   * Neo4j answered the last `readyAfter` probes in a row: /readyz may say ready. Reads go through from
   * the first probe that answers (the breaker closes), but readiness waits for a streak, so that a
   * Neo4j coming back (which answers, fails, answers) does not flip a load balancer to and fro.
   */
  get settled(): boolean {
    return !this.open && this.okInARow >= this.readyAfter;
  }

  /** Before a read: throws at once while open, and lets a probe go in the background. */
  check(): void {
    if (!this.open) return;
    this.rejected += 1;
    void this.probe();
    throw new BreakerOpenError(this.degraded ?? this.last?.reason ?? 'Neo4j did not answer');
  }

  /** After a failed read: an unreachable Neo4j opens the breaker; one that gave no answer in time is probed. */
  failed(e: unknown): void {
    // A slow query is not an outage, but a hung Neo4j looks the same from here: the probe (bounded
    // by probeTimeoutMs) tells them apart, and opens the breaker when Neo4j does not answer it either.
    if (e instanceof NoAnswerError) return void this.probe();
    if (!isDatabaseUnavailable(e) || e instanceof BreakerOpenError) return;
    this.trip(firstLine(e));
    void this.probe();
  }

  /** Probes now (one at a time; callers share the probe in flight). */
  probe(): Promise<ProbeState> {
    return (this.probing ??= this.runProbe().finally(() => (this.probing = undefined)));
  }

  /** Starts the probe loop (after a first probe, so /readyz has a state from the start). */
  async start(): Promise<void> {
    this.running = true;
    // The first streak is probed back to back: the process is ready as soon as it is shown to be.
    for (let i = 0; i < this.readyAfter && !this.settled; i++) {
      await this.probe();
      if (this.open) break;
    }
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(
      () => {
        void this.probe().finally(() => this.schedule());
      },
      // While down, or back but not settled yet, probe often.
      this.settled ? this.upIntervalMs : this.downIntervalMs,
    );
    this.timer.unref();
  }

  private trip(reason: string): void {
    this.okInARow = 0;
    if (!this.open) {
      this.open = true;
      this.trips += 1;
    }
    this.last = { ok: false, at: Date.now(), datasetVersion: this.last?.datasetVersion ?? null, reason };
  }

  private async runProbe(): Promise<ProbeState> {
    try {
      const datasetVersion = await bounded(this.probeFn(), this.probeTimeoutMs, () => new Error(`no answer within ${this.probeTimeoutMs} ms`));
      this.open = false;
      // A probe while something (the supervisor) says Neo4j is away does not count toward the streak.
      this.okInARow = this.degraded ? 0 : this.okInARow + 1;
      this.last = { ok: true, at: Date.now(), datasetVersion };
    } catch (e) {
      // Any failure of the probe (unreachable, timed out, refused) means reads would fail too.
      this.trip(firstLine(e));
    }
    return this.last!;
  }
}

function firstLine(e: unknown): string {
  return String((e as { message?: unknown } | null)?.message ?? e).split('\n')[0]!.slice(0, 200);
}
