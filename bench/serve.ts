// One door of the benchmark in its own process, so that its memory (RSS) is its own and it does not
// share an event loop with the load generator. Started by bench/run.ts with fork(); the Neo4j to
// use comes in NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD (NEO4J_DATABASE).
//   api   - the mlops-kg API: startService (src/server.ts) with settings pointing at that Neo4j, on
//           a free port, with the API's own defaults otherwise (limits, timeouts, request logs);
//   floor - bench/floor.ts;  peer - bench/peer.ts;  bare - bench/bare.ts (fixed bytes, no GraphQL).
// Messages to the parent: {type: 'ready', url} once it answers, {type: 'rss', ...} for each
// {type: 'rss'} asked; {type: 'profile-start'} / {type: 'profile-stop', file} write a V8 CPU profile
// of what happens in between (BENCH_PROFILE); it exits when asked {type: 'stop'} or when the parent
// goes away.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { parseSettings } from '../src/config/settings.js';
import { createDriver } from '../src/neo4j/driver.js';
import { createLogger } from '../src/logger.js';
import { startService } from '../src/server.js';
import { startFloor } from './floor.js';
import { startPeer } from './peer.js';
import { startBare, type BareAnswer, type BareDoor } from './bare.js';

export type Door = 'api' | 'floor' | 'peer' | 'bare';

export type ChildMessage = { type: 'profiled'; file: string } | { type: 'answers-set' } | { type: 'ready'; url: string } | { type: 'rss'; rss: number; heapUsed: number; heapTotal: number; external: number } | { type: 'failed'; error: string };
export type ParentMessage =
  | { type: 'rss' }
  | { type: 'stop' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  | { type: 'answers'; answers: BareAnswer[] };

const door = process.argv[2] as Door;
const send = (m: ChildMessage) => process.send?.(m);
let bare: BareDoor | undefined;

async function main(): Promise<() => Promise<void>> {
  if (door === 'api') {
    const settings = parseSettings({ ...process.env, HOST: '127.0.0.1', PORT: '0' });
    const logger = createLogger(settings.logLevel);
    // --no-seed: the graph was imported in bulk (bench/graph.ts) and is served as it is.
    const svc = await startService({ settings, logger, seed: !process.argv.includes('--no-seed') });
    send({ type: 'ready', url: svc.url });
    return () => svc.stop();
  }
  if (door === 'bare') {
    bare = await startBare();
    send({ type: 'ready', url: bare.url });
    return () => bare!.close();
  }
  const settings = parseSettings(process.env);
  if (!settings.neo4j.uri) throw new Error('NEO4J_URI is not set');
  const driver = createDriver({ ...settings.neo4j, uri: settings.neo4j.uri });
  if (door === 'floor') {
    const floor = await startFloor(driver, settings.neo4j.database);
    send({ type: 'ready', url: floor.url });
    return async () => {
      await floor.close();
      await driver.close();
    };
  }
  if (door === 'peer') {
    const peer = await startPeer(driver, settings.neo4j.database);
    send({ type: 'ready', url: peer.url });
    return async () => {
      await peer.close();
      await driver.close();
    };
  }
  throw new Error(`unknown door ${door}`);
}

main().then(
  (stop) => {
    let stopping = false;
    const end = () => {
      if (stopping) return;
      stopping = true;
      const force = setTimeout(() => process.exit(0), 5_000);
      force.unref();
      stop().finally(() => process.exit(0));
    };
    let profiler: Session | undefined;
    process.on('message', (m: ParentMessage) => {
      if (m.type === 'profile-start') {
        profiler = new Session();
        profiler.connect();
        profiler.post('Profiler.enable', () => profiler!.post('Profiler.start'));
      } else if (m.type === 'profile-stop' && profiler) {
        const session = profiler;
        profiler = undefined;
        session.post('Profiler.stop', (err, res) => {
          if (!err) writeFileSync(m.file, JSON.stringify(res.profile));
          session.disconnect();
          send({ type: 'profiled', file: m.file });
        });
      } else if (m.type === 'rss') {
        const u = process.memoryUsage();
        send({ type: 'rss', rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external });
      } else if (m.type === 'answers') {
        bare?.setAnswers(m.answers);
        send({ type: 'answers-set' });
      } else if (m.type === 'stop') end();
    });
    process.on('disconnect', end);
  },
  (e: unknown) => {
    send({ type: 'failed', error: (e as Error).stack ?? String(e) });
    process.exit(1);
  },
);
