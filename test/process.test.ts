// The processes behind `npm start`: one clear line and exit 1 on bad settings or an unreachable
// Neo4j, and no JVM left behind when the process that started a local Neo4j dies.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { readFileSync } from 'node:fs';
import { buildServer, SERVER_OUT, startNodeFlags } from '../scripts/build-server.js';

function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start refuses bad settings in one line', () => {
  it('an unreachable Neo4j: one line naming it, exit 1', async () => {
    const r = await runMain({ NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mlops-kg: Neo4j at bolt:\/\/127\.0\.0\.1:1 is unreachable/);
  });

  it('a bad PORT: one line naming the variable, exit 1, no stack trace', async () => {
    const r = await runMain({ PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('mlops-kg: Invalid setting PORT: expected an integer from 0 to 65535 (got "eighty")');
  });

  it('wrong credentials: one line naming the user, exit 1', async () => {
    const { testNeo4j } = await import('./support/neo4j.js');
    const n = testNeo4j();
    const r = await runMain({ NEO4J_URI: n.uri, NEO4J_PASSWORD: 'not-the-password' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^mlops-kg: Neo4j at .* refused the credentials of user "neo4j"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm start serves and shuts down cleanly', () => {
  it('prints the URL, answers, and exits 0 on SIGTERM after draining', async () => {
    const { testNeo4j } = await import('./support/neo4j.js');
    const n = testNeo4j();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password ?? '', PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout! });
    const [line] = (await once(lines, 'line')) as [string];
    const url = /(http:\/\/\S+\/graphql)/.exec(line)?.[1];
    expect(line).toMatch(/^mlops-kg ready: http:\/\/127\.0\.0\.1:\d+\/graphql/);
    const ready = await fetch(url!.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    // A request in flight when the signal arrives still gets its answer: half its body is sent
    // before SIGTERM, the rest after.
    const body = JSON.stringify({ query: '{ stats { entities } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(url!, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.text).toContain('"entities"');
    expect(await exited).toBe(0);
  }, 120_000);
});

describe('npm start runs the compiled server', () => {
  it('node dist/server/main.js finds schema/, seed/ and dist/web/, answers /readyz and a query', async () => {
    await buildServer();
    const { testNeo4j } = await import('./support/neo4j.js');
    const n = testNeo4j();
    // No tsx anywhere: plain node, with npm start's V8 flags, on the compiled output, from another working directory.
    const child = spawn(process.execPath, [...startNodeFlags(), path.join(SERVER_OUT, 'main.js')], {
      cwd: '/',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password ?? '', PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const url = /(http:\/\/\S+\/graphql)/.exec(line)?.[1];
      expect(line).toMatch(/^mlops-kg ready: http:\/\/127\.0\.0\.1:\d+\/graphql/);
      const ready = await fetch(url!.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { status: string }).status).toBe('ready');
      const res = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { entities } }' }) });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { stats: { entities: number } } }).data.stats.entities).toBeGreaterThan(0);
      // The explorer's bundles (dist/web/) are found from dist/server/ too.
      expect((await fetch(url!.replace('/graphql', '/'))).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});

describe('the Docker image runs the server as npm start does', () => {
  it("gives node the start script's V8 flags", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd!)).toEqual(['node', ...startNodeFlags(), 'dist/server/main.js']);
    expect(startNodeFlags()).toContain('--max-semi-space-size=4');
  });
});

describe('local Neo4j lifecycle', () => {
  it('leaves no JVM running when the process that started it is killed', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'test', 'support', 'hold-local-neo4j.ts')], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: holder.stdout! });
    const [line] = (await once(lines, 'line')) as [string];
    const [, pidText] = line.split(' ');
    const jvm = Number(pidText);
    expect(alive(jvm)).toBe(true);
    holder.kill('SIGKILL'); // no chance to clean up: the JVM must notice its closed stdin
    const deadline = Date.now() + 45_000;
    while (alive(jvm) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(alive(jvm)).toBe(false);
  }, 240_000);
});
