// SIGTERM under load, on the compiled server in a child process (as `npm start` runs it): /readyz turns
// 503 first, the listener stops accepting, every request already accepted (its headers or body still
// arriving included) gets its whole answer, kept-alive connections are closed cleanly (no reset), the driver
// closes after, and the process exits 0 within the grace period, with no error in its log.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { buildServer, SERVER_OUT, startNodeFlags } from '../scripts/build-server.js';
import { resetGraphTo, SEED_DIR, testNeo4j } from './support/neo4j.js';

const GRACE_MS = 8_000;

interface Outcome {
  readonly sentAt: number;
  readonly status?: number;
  readonly error?: string;
  readonly complete?: boolean;
}

/** One request on a kept-alive agent; `complete` when the body parsed as JSON. */
function ask(agent: http.Agent, port: number, body: string): Promise<Outcome> {
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        let complete = false;
        try {
          JSON.parse(text);
          complete = true;
        } catch {
          complete = false;
        }
        resolve({ sentAt, status: res.statusCode, complete });
      });
      res.on('error', (e) => resolve({ sentAt, error: (e as NodeJS.ErrnoException).code ?? e.message }));
    });
    req.on('error', (e) => resolve({ sentAt, error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.setTimeout(20_000, () => req.destroy(new Error('no answer within 20 s')));
    req.end(body);
  });
}

/** A raw request whose first part goes now and the rest after `laterMs`; resolves with the raw answer. */
function split(port: number, first: string, rest: string, laterMs: number): { sent: Promise<void>; answer: Promise<string> } {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (d) => (text += d.toString()));
  socket.on('error', () => undefined);
  const sent = once(socket, 'connect').then(() => void socket.write(first));
  const answer = new Promise<string>((resolve) => socket.on('close', () => resolve(text)));
  void sent.then(() => setTimeout(() => socket.write(rest), laterMs));
  setTimeout(() => socket.destroy(), 20_000);
  return { sent, answer };
}

describe('SIGTERM under load', () => {
  it('drains: readiness 503 first, every accepted request answered, exit 0 within the grace period', async () => {
    await buildServer();
    await resetGraphTo(SEED_DIR);
    const n = testNeo4j();
    const child = spawn(process.execPath, [...startNodeFlags(), path.join(SERVER_OUT, 'main.js')], {
      cwd: '/',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password ?? '', PORT: '0', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: String(GRACE_MS), RESPONSE_CACHE_MB: '8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const port = Number(/:(\d+)\/graphql/.exec(line)?.[1]);
    expect(port).toBeGreaterThan(0);

    // Load: 8 clients on kept-alive connections, cached and uncached queries, until the listener is gone.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const outcomes: Outcome[] = [];
    let signalAt = Infinity;
    let loading = true;
    let k = 0;
    const workers = Array.from({ length: 8 }, async (_, w) => {
      while (loading) {
        const body = JSON.stringify({ query: w % 2 === 0 ? '{ stats { entities relations } }' : `{ search(text: "data ${k++}", first: 5) { score entity { id } } }` });
        const o = await ask(agent, port, body);
        outcomes.push(o);
        if (o.error && o.sentAt > signalAt) break;
      }
    });
    await new Promise((r) => setTimeout(r, 4_000));

    // Requests caught mid-way by the signal: headers half sent, body half sent, and /readyz asked on a
    // connection opened before the signal whose headers end after it.
    const body = JSON.stringify({ query: '{ practices(first: 3) { nodes { id } } }' });
    const halfHeaders = split(port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n', `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`, 700);
    const halfBody = split(port, `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`, body.slice(10), 700);
    const readyz = split(port, 'GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'Connection: close\r\n\r\n', 500);
    await Promise.all([halfHeaders.sent, halfBody.sent, readyz.sent]);
    await new Promise((r) => setTimeout(r, 250));

    signalAt = performance.now();
    child.kill('SIGTERM');
    const readyText = await readyz.answer;
    const [headersText, bodyText] = await Promise.all([halfHeaders.answer, halfBody.answer]);
    const code = await exited;
    const exitMs = performance.now() - signalAt;
    loading = false;
    await Promise.all(workers);
    agent.destroy();

    if (!readyText.startsWith('HTTP/1.1 503')) console.log(`drain debug: readyz ${JSON.stringify(readyText)} headers ${JSON.stringify(headersText.slice(0, 80))} body ${JSON.stringify(bodyText.slice(0, 80))}\n${stderr.slice(-3000)}`);
    // Readiness said 503 once the drain began.
    expect(readyText).toMatch(/^HTTP\/1\.1 503/);
    expect(readyText).toContain('shutting down');
    // The two requests the signal caught mid-way got their whole answers.
    for (const t of [headersText, bodyText]) {
      expect(t).toMatch(/^HTTP\/1\.1 200/);
      expect(t).toContain('"practices"');
    }
    // Every request sent before the signal got a whole answer; after it, a request is answered or
    // refused a connection (the listener is closed), never cut in the middle of its answer.
    const before = outcomes.filter((o) => o.sentAt < signalAt);
    const after = outcomes.filter((o) => o.sentAt >= signalAt);
    const summary = (os: Outcome[]) => os.reduce<Record<string, number>>((m, o) => ((m[o.error ?? String(o.status)] = (m[o.error ?? String(o.status)] ?? 0) + 1), m), {});
    console.log(`drain: exit ${code} ${Math.round(exitMs)} ms after SIGTERM; before the signal ${JSON.stringify(summary(before))}; after ${JSON.stringify(summary(after))}`);
    expect(before.length).toBeGreaterThan(20);
    for (const o of before) {
      expect(o.error).toBeUndefined();
      expect(o.status).toBe(200);
      expect(o.complete).toBe(true);
    }
    // Kept-alive connections are closed cleanly: the answer on one says `connection: close`, so the
    // client's next request goes to a new connection, which is refused (never reset mid-way).
    for (const o of after) {
      if (o.error) expect(o.error).toBe('ECONNREFUSED');
      else expect(o.complete).toBe(true);
    }
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(GRACE_MS + 5_000);
    // A clean drain: nothing had to be cut, and nothing was logged as an error (pino level 50+).
    expect(stderr).toContain('every accepted request answered');
    expect(stderr.split('\n').filter((l) => /"level":(5\d|60)/.test(l))).toEqual([]);
  }, 180_000);
});
