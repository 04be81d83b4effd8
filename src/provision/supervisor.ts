// Keeps the local Neo4j this process started (src/neo4j/local.ts) running: when its JVM exits
// without being asked to, it is started again on the same store (same home, Bolt port and password,
// so the driver's address stays valid), with backoff, and `afterRestart` sets the database up again.
// While it is away the API stays up and fails requests fast (src/neo4j/breaker.ts); /healthz says
// "degraded" with the reason. After too many failed restarts in a row `giveUp` is called: the
// process exits non-zero and an outer supervisor (systemd, compose's restart policy) takes over.
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from './local.js';

export interface SupervisorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SupervisorOptions {
  /** How the first JVM was started (root, persistence, heap, page cache, JIT): restarts use the same. */
  readonly startOptions: LocalNeo4jOptions;
  readonly log: SupervisorLog;
  /** After a restart, before it counts as back: the database setup (constraints, indexes). */
  readonly afterRestart: () => Promise<void>;
  /** The reason Neo4j is away while restarting, undefined once it is back. */
  readonly onStatus?: (degraded: string | undefined) => void;
  /** Failed restarts in a row before giving up (default 5). */
  readonly maxFailedRestarts?: number;
  /** Wait before restart attempt n (1-based); default 250 ms doubling up to 8 s. */
  readonly backoffMs?: (attempt: number) => number;
  /** Called once when restarts keep failing; default: exit the process with status 1. */
  readonly giveUp?: (reason: string) => void;
  /** Injected for tests; default startLocalNeo4j. */
  readonly start?: (options: LocalNeo4jOptions) => Promise<LocalNeo4j>;
}

export class LocalNeo4jSupervisor {
  /** Restarts that brought Neo4j back, and attempts that failed. */
  restarts = 0;
  failedRestarts = 0;
  /** Milliseconds from the JVM's exit to Neo4j answering again, for the last restart. */
  lastRestartMs: number | undefined;
  private stopping = false;
  /** When the last restart brought Neo4j back, and how many attempts that outage had used. */
  private backAt = -Infinity;
  private attemptsUsed = 0;
  private restarting: Promise<void> | undefined;

  constructor(
    private local: LocalNeo4j,
    private readonly options: SupervisorOptions,
  ) {
    this.watch(local);
  }

  /** The JVM running now (its pid changes with each restart). */
  get current(): LocalNeo4j {
    return this.local;
  }

  get isRestarting(): boolean {
    return this.restarting !== undefined;
  }

  /** Stops supervising, then stops the JVM (deleting a throw-away home). */
  async stop(): Promise<void> {
    this.stopping = true;
    // A restart under way finishes starting its JVM (bounded by its start timeout), then stops.
    await this.restarting?.catch(() => undefined);
    await this.local.stop({ keepHome: false });
  }

  private watch(local: LocalNeo4j): void {
    void local.exited.then((code) => {
      if (this.stopping || local !== this.local) return;
      this.restarting = this.restart(code).finally(() => (this.restarting = undefined));
    });
  }

  private async restart(exitCode: number | null): Promise<void> {
    const exitedAt = performance.now();
    const { home, port, password } = this.local;
    const max = this.options.maxFailedRestarts ?? 5;
    const backoff = this.options.backoffMs ?? ((n: number) => Math.min(250 * 2 ** (n - 1), 8_000));
    const start = this.options.start ?? startLocalNeo4j;
    this.options.log.warn({ pid: this.local.pid, exitCode }, 'the local Neo4j exited unexpectedly; restarting it on the same store');
    // A JVM that dies again soon after coming back is the same outage: its attempts keep counting.
    const firstAttempt = exitedAt - this.backAt < CRASH_LOOP_MS ? this.attemptsUsed + 1 : 1;
    for (let attempt = firstAttempt; !this.stopping; attempt++) {
      const reason = `the local Neo4j exited (code ${exitCode}); restart attempt ${attempt} of ${max}`;
      this.options.onStatus?.(reason);
      await delay(backoff(attempt));
      if (this.stopping) return;
      let next: LocalNeo4j | undefined;
      try {
        next = await start({ ...this.options.startOptions, reuse: { home, port, password } });
        if (this.stopping) {
          await next.stop({ keepHome: false });
          return;
        }
        this.local = next;
        this.watch(next);
        await retried(this.options.afterRestart);
        this.restarts += 1;
        this.backAt = performance.now();
        this.attemptsUsed = attempt;
        this.lastRestartMs = Math.round(performance.now() - exitedAt);
        this.options.onStatus?.(undefined);
        this.options.log.info({ pid: next.pid, attempt, ms: this.lastRestartMs }, 'the local Neo4j is back');
        return;
      } catch (e) {
        this.failedRestarts += 1;
        this.options.log.error({ err: e, attempt }, 'restarting the local Neo4j failed');
        // A JVM that started but failed its setup is stopped before the next attempt.
        if (next && next === this.local) {
          this.local = { ...next, exited: new Promise(() => {}) };
          await next.stop({ keepHome: true }).catch(() => undefined);
        }
        if (attempt >= max) {
          const why = `the local Neo4j could not be restarted after ${attempt} attempts: ${(e as Error).message}`;
          this.options.onStatus?.(why);
          (this.options.giveUp ?? defaultGiveUp)(why);
          return;
        }
      }
    }
  }
}

/** A JVM that exits within this long after a restart counts toward the same run of failures. */
const CRASH_LOOP_MS = 30_000;

function defaultGiveUp(reason: string): void {
  process.stderr.write(`mlops-kg: ${reason}; exiting so that an outer supervisor restarts the service\n`);
  process.exit(1);
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The setup right after a restart may meet pooled connections to the dead JVM (each fails once, and
 * the driver drops it): a few quick tries before the restart counts as failed.
 */
async function retried(work: () => Promise<void>, tries = 5): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= tries) throw e;
      await delay(200 * i);
    }
  }
}
