// Before an operation is loaded, each door is asked for every input one request at a time, and the
// answers are checked: the bare door sends the API's bytes, the API answers alike with and without
// its response cache, the API and the floor agree, the peer agrees where it can; round trips are
// read from the API's x-cypher-round-trips header. Returns each door's answers (their timings
// decide whether the operation is loaded one request at a time).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../src/neo4j/driver.js';
import { nextMessage, type RunningDoor } from './doors.js';
import { PAGE_SIZE, type OpInputs, type OpName } from './ops.js';
import { peerAsApi, probe, requestFor, sameHits, sameScores, type Probe } from './requests.js';
import type { DoorName, OpResult } from './results.js';
import { searchChecks } from './search-checks.js';

export interface CheckContext {
  readonly doors: ReadonlyMap<DoorName, RunningDoor>;
  readonly db: Db;
  /** Where a differing answer is written, as `<diffPrefix>-<op>.json`. */
  readonly diffPrefix: string;
}

const failIfError = (what: string, p: Probe) => {
  if (p.status !== 200 || p.errors) throw new Error(`${what}: HTTP ${p.status} ${JSON.stringify(p.errors).slice(0, 500)}`);
};

/**
 * One request, asked again while the door answers SERVICE_UNAVAILABLE (its circuit breaker open after
 * Neo4j stalled, e.g. a long garbage collection after building a large graph's indexes), up to a minute.
 */
async function probeWhenUp(url: string, r: Parameters<typeof probe>[1], result: OpResult, what: string): Promise<Probe> {
  for (let waited = 0; ; waited += 2) {
    const p = await probe(url, r);
    if (!JSON.stringify(p.errors ?? '').includes('SERVICE_UNAVAILABLE') || waited >= 60) {
      if (waited > 0) result.checks.push(`${what} answered SERVICE_UNAVAILABLE for ${waited} s before answering`);
      return p;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

export async function checkOp(ctx: CheckContext, op: OpName, inputs: readonly unknown[], result: OpResult, peerNone?: string): Promise<Map<DoorName, Probe[]>> {
  const answers = new Map<DoorName, Probe[]>();
  for (const [name, door] of ctx.doors) {
    if (name === 'bare') continue; // given the API's answers below
    if (name === 'peer' && peerNone !== undefined) {
      result.doors.peer = { none: peerNone };
      continue;
    }
    // One unrecorded request first: one-time work (e.g. @neo4j/graphql asks the database for its
    // version on its first request) is not the operation's cost.
    await probeWhenUp(door.url, requestFor(name, door.url, op, inputs[0]), result, name);
    const probes: Probe[] = [];
    for (const input of inputs) {
      const p = await probe(door.url, requestFor(name, door.url, op, input));
      failIfError(`${name} ${op} ${JSON.stringify(input)}`, p);
      probes.push(p);
    }
    answers.set(name, probes);
  }
  const api = answers.get('api')!;
  const bare = ctx.doors.get('bare');
  if (bare) {
    const reqs = inputs.map((input) => requestFor('bare', bare.url, op, input));
    // Sent over IPC (megabytes for a whole coverage matrix): probe only once the door has them.
    const set = nextMessage(bare.child, 'answers-set');
    bare.child.send({ type: 'answers', answers: reqs.map((r, i) => ({ body: r.body, text: api[i]!.text, contentType: api[i]!.contentType })) });
    await set;
    const probes: Probe[] = [];
    for (const r of reqs) probes.push(await probe(bare.url, r));
    const differing = probes.filter((p, i) => p.text !== api[i]!.text).length;
    result.checks.push(differing === 0 ? "bare node:http door sends the API's bytes" : `bare node:http door DIFFERS from the API's bytes on ${differing} inputs`);
    answers.set('bare', probes);
  }
  if (op === 'search') result.checks.push(...(await searchChecks(ctx.db, inputs as OpInputs['search'])));
  const uncached = answers.get('apiUncached');
  if (uncached) {
    const differing = api.filter((a, i) => !isDeepStrictEqual(a.data, uncached[i]!.data)).length;
    result.checks.push(differing === 0 ? 'API answers equal with and without the response cache' : `API answers DIFFER with and without the response cache on ${differing} inputs`);
    // Asked again, the cached API answers from memory: its round trips then.
    const apiDoor = ctx.doors.get('api')!;
    const again = await probe(apiDoor.url, requestFor('api', apiDoor.url, op, inputs[1] ?? inputs[0]));
    result.apiHitRoundTrips = again.roundTrips ?? undefined;
  }
  const floor = answers.get('floor');
  if (floor) {
    const differing = api.findIndex((a, i) => !isDeepStrictEqual(a.data, floor[i]!.data));
    const count = api.filter((a, i) => !isDeepStrictEqual(a.data, floor[i]!.data)).length;
    result.checks.push(count === 0 ? `API and floor answers equal (${inputs.length} inputs)` : `API and floor answers DIFFER on ${count} of ${inputs.length} inputs`);
    if (differing >= 0) writeFileSync(`${ctx.diffPrefix}-${op}.json`, JSON.stringify({ input: inputs[differing], api: api[differing]!.data, floor: floor[differing]!.data }, null, 1));
  }
  const peer = answers.get('peer');
  if (peer) {
    const same = api.filter((a, i) => {
      const p = peerAsApi(op, peer[i]!.data);
      return isDeepStrictEqual(a.data, p) || (op === 'search' && sameHits(a.data, p));
    }).length;
    result.checks.push(`peer answers equal to the API's on ${same} of ${inputs.length} inputs${op === 'search' ? ' (same hits and scores; ties may come in another order)' : ''}`);
    if (op === 'search' && same < inputs.length) {
      // Where scores tie across the last place, the peer may pick other hits of the same score.
      const scores = api.filter((a, i) => sameScores(a.data, peerAsApi(op, peer[i]!.data))).length;
      result.checks.push(`peer scores equal to the API's, rank by rank, on ${scores} of ${inputs.length} inputs`);
    }
  }
  // Round trips of executing the query: the uncached API's (a cached one answers from memory).
  const exec = uncached ?? api;
  result.apiRoundTrips = Math.max(...exec.map((a) => a.roundTrips ?? NaN));
  result.responseBytes = Math.round(api.reduce((s, a) => s + a.bytes, 0) / api.length);
  if (op === 'nestedList') result.roundTripsByPageSize = await roundTripsByPageSize(ctx.doors.get(uncached ? 'apiUncached' : 'api')!, inputs as OpInputs['nestedList']);
  for (const [name, p] of answers) {
    const rt = p.map((x) => x.roundTrips).filter((x): x is number => x !== null);
    if (rt.length > 0) result.doors[name] = { ...(result.doors[name] ?? {}), roundTrips: Math.max(...rt) } as never;
  }
  return answers;
}

/** The same pages at other sizes: the round trips must not grow with the page size. */
async function roundTripsByPageSize(door: RunningDoor, inputs: OpInputs['nestedList']): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const first of [5, PAGE_SIZE, 50]) {
    let most = 0;
    for (const input of inputs) {
      const p = await probe(door.url, requestFor('api', door.url, 'nestedList', { ...input, first }));
      failIfError(`api nestedList at page size ${first}`, p);
      most = Math.max(most, p.roundTrips ?? NaN);
    }
    sizes[String(first)] = most;
  }
  return sizes;
}

export const diffPrefix = (resultsDir: string, stamp: string) => path.join(resultsDir, `${stamp}-diff`);
