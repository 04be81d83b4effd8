// How each door is asked for an operation (bench/ops.ts), one request looked at closely (probe),
// and the peer's answers put in the API's shape where the two can be compared.
import { luceneQuery } from '../src/analysis/search-query.js';
import { encodeCursor } from '../src/graphql/cursor.js';
import type { HttpRequest } from './load.js';
import { opSpec, type OpInputs, type OpName } from './ops.js';
import type { DoorName } from './results.js';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function apiVariables(op: OpName, input: unknown): Record<string, unknown> {
  if (op === 'nestedList') {
    const i = input as OpInputs['nestedList'][number];
    return { first: i.first, after: i.after ? encodeCursor(i.after.sortKey, i.after.id) : null };
  }
  return input as Record<string, unknown>;
}

function peerVariables(op: OpName, input: unknown): Record<string, unknown> {
  if (op === 'nestedList') {
    const i = input as OpInputs['nestedList'][number];
    return { first: i.first, where: i.after ? { sortKey: { gt: i.after.sortKey } } : {} };
  }
  if (op === 'search') return { phrase: luceneQuery((input as OpInputs['search'][number]).text) ?? '' };
  throw new Error(`the peer has no ${op}`);
}

export function requestFor(door: DoorName, url: string, op: OpName, input: unknown): HttpRequest {
  const spec = opSpec(op);
  const pathname = new URL(url).pathname;
  const api = JSON.stringify({ query: spec.apiQuery, variables: apiVariables(op, input) });
  // Executing every request: none shares the execution of an identical one under way.
  if (door === 'apiUncached') return { path: pathname, headers: JSON_HEADERS, body: api, unique: true };
  if (door === 'api' || door === 'bare') return { path: pathname, headers: JSON_HEADERS, body: api };
  if (door === 'floor') return { path: `/${op}`, headers: JSON_HEADERS, body: JSON.stringify(input) };
  if (!('query' in spec.peer)) throw new Error(`the peer has no ${op}`);
  return { path: pathname, headers: JSON_HEADERS, body: JSON.stringify({ query: spec.peer.query, variables: peerVariables(op, input) }) };
}

export interface Probe {
  /** The response body as sent, and its content-type. */
  readonly text: string;
  readonly contentType: string;
  readonly status: number;
  readonly data: unknown;
  readonly errors?: unknown;
  readonly roundTrips: number | null;
  readonly bytes: number;
  readonly ms: number;
}

export async function probe(url: string, r: HttpRequest): Promise<Probe> {
  const u = new URL(url);
  const t = performance.now();
  const send = () => fetch(`${u.protocol}//${u.host}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
  // A kept-alive connection the server closed meanwhile fails once: ask again on a new one.
  const res = await send().catch(() => send());
  const text = await res.text();
  const ms = performance.now() - t;
  let body: { data?: unknown; errors?: unknown; error?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { error: text.slice(0, 200) };
  }
  const trips = res.headers.get('x-cypher-round-trips');
  return { text, contentType: res.headers.get('content-type') ?? '', status: res.status, data: body.data, errors: body.errors ?? body.error, roundTrips: trips === null ? null : Number(trips), bytes: text.length, ms };
}

/** The peer's answer in the API's shape, where the shapes can be compared. */
export function peerAsApi(op: OpName, data: any): unknown {
  if (op === 'nestedList') {
    const edges = data.page.edges as any[];
    const last = edges[edges.length - 1]?.node;
    return {
      challenges: {
        totalCount: data.all.totalCount,
        pageInfo: { hasNextPage: data.page.pageInfo.hasNextPage, endCursor: last ? encodeCursor(last.sortKey, last.id) : null },
        nodes: edges.map((e) => ({
          id: e.node.id,
          name: e.node.name,
          practices: (e.node.practicesConnection.edges as any[]).map((pe) => ({
            relation: { confidence: pe.properties.confidence },
            node: {
              id: pe.node.id,
              name: pe.node.name,
              tools: (pe.node.toolsConnection.edges as any[]).map((te) => ({
                relation: { level: te.properties.level, confidence: te.properties.confidence },
                node: { id: te.node.id, name: te.node.name },
              })),
            },
          })),
        })),
      },
    };
  }
  if (op === 'search') return { search: (data.searchEntities.edges as any[]).map((e) => ({ score: e.score, entity: { id: e.node.id, kind: e.node.kind, name: e.node.name } })) };
  return data;
}

export function sameHits(a: any, b: any): boolean {
  const key = (x: any) => (x.search as any[]).map((h) => `${h.entity.id}@${h.score.toFixed(4)}`).sort().join(',');
  return key(a) === key(b);
}

export function sameScores(a: any, b: any): boolean {
  const key = (x: any) => (x.search as any[]).map((h) => h.score.toFixed(4)).join(',');
  return key(a) === key(b);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}
