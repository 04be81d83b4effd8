// Readiness that does not flap: after the supervisor restarts a killed Neo4j JVM under load, /readyz
// turns 200 once (setup done and a few probes in a row answered) and stays 200, and /healthz tells the
// same story (degraded exactly while /readyz is 503). Starts the service the way `npm start` does on a
// machine without NEO4J_URI or Docker: it needs Java 17+ like the default path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseSettings } from '../src/config/settings.js';
import { startService, type RunningService } from '../src/server.js';

let svc: RunningService;
let base: string;
const previousNoDocker = process.env.MLOPSKG_NO_DOCKER;

beforeAll(async () => {
  process.env.MLOPSKG_NO_DOCKER = '1';
  svc = await startService({ settings: parseSettings({ PORT: '0', RESPONSE_CACHE_MB: '0' }), logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), persistent: false });
  base = svc.url.replace(/\/graphql$/, '');
}, 600_000);

afterAll(async () => {
  await svc?.stop();
  if (previousNoDocker === undefined) delete process.env.MLOPSKG_NO_DOCKER;
  else process.env.MLOPSKG_NO_DOCKER = previousNoDocker;
});

interface Sample {
  readonly at: number;
  readonly ready: number;
  readonly health: string;
}

describe('readiness after a supervised restart', () => {
  it('turns ready once and stays ready; /healthz and /readyz tell one story', async () => {
    const supervisor = svc.supervisor!;
    expect(supervisor).toBeDefined();
    let loading = true;
    // Some load meanwhile: 3 clients, politely retrying.
    const workers = Array.from({ length: 3 }, async () => {
      while (loading) {
        const r = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ practices(first: 5) { nodes { id } } }' }), signal: AbortSignal.timeout(15_000) }).catch(() => undefined);
        if (r?.status !== 200) await new Promise((res) => setTimeout(res, 100));
        else await r.text();
      }
    });
    const killedAt = performance.now();
    process.kill(supervisor.current.pid, 'SIGKILL');
    const samples: Sample[] = [];
    let readySince: number | undefined;
    let noticed = false;
    // Sample both every 100 ms: until the kill is noticed, then until ready has held for 5 s (bounded at 150 s).
    while (performance.now() - killedAt < 150_000) {
      const [r, h] = await Promise.all([fetch(`${base}/readyz`), fetch(`${base}/healthz`)]);
      const health = ((await h.json()) as { status: string }).status;
      await r.text();
      if (r.status === 503) noticed = true;
      if (!noticed) {
        await new Promise((res) => setTimeout(res, 50));
        continue;
      }
      samples.push({ at: performance.now() - killedAt, ready: r.status, health });
      if (r.status === 200) readySince ??= performance.now();
      if (readySince !== undefined && performance.now() - readySince > 5_000) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    loading = false;
    await Promise.all(workers);
    const flips = samples.filter((s, i) => i > 0 && s.ready !== samples[i - 1]!.ready).length;
    const firstReady = samples.findIndex((s) => s.ready === 200);
    const b = svc.db.breaker!;
    console.log(`readiness: restarts ${supervisor.restarts} (failed ${supervisor.failedRestarts}, ${supervisor.lastRestartMs} ms); breaker open ${b.open}, degraded ${b.degraded}, ok in a row ${b.okInARow}`);
    console.log(`readiness: ${samples.length} samples, first 200 at ${Math.round(samples[firstReady]?.at ?? -1)} ms after the kill, ${flips} flips`);
    expect(supervisor.restarts).toBe(1);
    expect(firstReady).toBeGreaterThan(0);
    // From the kill noticed: 503 until ready, then 200 for good: one flip.
    expect(samples.slice(firstReady).every((s) => s.ready === 200)).toBe(true);
    expect(flips).toBe(1);
    // One story: degraded exactly while not ready (both answer from the same state; sampled together,
    // they may straddle one probe, so allow a single disagreement at the turn).
    const disagree = samples.filter((s) => (s.ready === 200) !== (s.health === 'ok'));
    expect(disagree.length).toBeLessThanOrEqual(1);
  }, 300_000);
});
