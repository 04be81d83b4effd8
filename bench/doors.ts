// The doors as child processes (bench/serve.ts, compiled by scripts/build-server.ts): started with
// fork(), ready when they say so, stopped on request (or killed after 10 s).
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { ChildMessage, Door } from './serve.js';
import { BENCH_SERVE, startNodeFlags } from '../scripts/build-server.js';

export interface RunningDoor {
  readonly door: Door;
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** `seed: false`: the API serves the graph as it is (a bulk-imported one) instead of seeding it. */
export function startDoor(door: Door, env: NodeJS.ProcessEnv, logFile: string, options: { seed?: boolean } = {}): Promise<RunningDoor> {
  const fd = openSync(logFile, 'a');
  // Compiled, run by plain node as `npm start` runs the API, the API with npm start's V8 flags.
  const child = fork(BENCH_SERVE, [door, ...(options.seed === false ? ['--no-seed'] : [])], {
    // BENCH_NODE_OPTIONS: V8 flags for every door (e.g. --max-semi-space-size=2), to study memory.
    execArgv: [...(door === 'api' ? startNodeFlags() : []), ...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])],
    env,
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${door} did not start within 180 s (see ${logFile})`)), 180_000);
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        const stop = async () => {
          if (child.connected) child.send({ type: 'stop' });
          const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(t);
        };
        resolve({ door, url: m.url, child, stop });
      } else if (m.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${door} failed to start: ${m.error}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${door} exited with code ${code} before it was ready (see ${logFile})`));
    });
  });
}

/** Waits for the child's next message of `type` (after sending it something). */
export function nextMessage(child: ChildProcess, type: ChildMessage['type']): Promise<void> {
  return new Promise((resolve) => {
    const on = (m: ChildMessage) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve();
    };
    child.on('message', on);
  });
}
