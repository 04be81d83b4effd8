// What a search costs and whether its two phases hold (src/cypher/search.ts), checked on each run's
// inputs before loading: the full-text index's hits per input, on how many inputs Lucene's top-k
// settled the order (phase 1) and on how many ties sent it to phase 2, that the two-phase candidates
// equal the single-phase ordering's, Neo4j's PROFILE of the API's statement for the first input, and
// where a search's time goes inside Neo4j: the server's time for Lucene's top-k alone (the index call,
// nothing read) against the whole statement's, per input (each the best of three, quiet: before loading).
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { isDeepStrictEqual } from 'node:util';
import { luceneQuery } from '../src/analysis/search-query.js';
import { searchQuery, searchQueryFullOrder } from '../src/cypher/search.js';
import type { Db } from '../src/neo4j/driver.js';
import { FULLTEXT_INDEX } from '../src/neo4j/setup.js';
import { searchProbe } from '../src/repos/search.js';
import type { OpInputs } from './ops.js';

/** Candidates the API's search reads before ranking them (src/resolvers/analysis.ts). */
export const SEARCH_CANDIDATES = 100;

const params = (query: string) => ({ index: FULLTEXT_INDEX, query, kinds: null, first: neo4j.int(SEARCH_CANDIDATES), probe: neo4j.int(searchProbe(SEARCH_CANDIDATES)) });

/** The server's time for a statement (until its last record was consumed), best of `tries`. */
async function serverMs(db: Db, statement: string, parameters: Record<string, unknown>, tries = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const { summary } = await db.read(statement, parameters);
    best = Math.min(best, Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter));
  }
  return best;
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function searchChecks(db: Db, inputs: OpInputs['search']): Promise<string[]> {
  const counts: number[] = [];
  const luceneMs: number[] = [];
  const statementMs: number[] = [];
  let phase1 = 0;
  let equal = 0;
  const queries = inputs.map((i) => luceneQuery(i.text)).filter((q): q is string => q !== null);
  for (const query of queries) {
    const hits = await db.read<{ hits: number }>('CALL db.index.fulltext.queryNodes($index, $query) YIELD node RETURN count(node) AS hits', { index: FULLTEXT_INDEX, query });
    counts.push(Number(hits.records[0]?.get('hits') ?? 0));
    const rows = async (statement: string) => (await db.read(statement, params(query))).records.map((r) => [r.get('node').id, r.get('score')]);
    const full = await rows(searchQueryFullOrder(['aliases']));
    if (isDeepStrictEqual(await rows(searchQuery(['aliases'])), full)) equal += 1;
    // Phase 1 settles it when the index had no more hits than the probe, or the k-th score is above the probe's lowest.
    const probe = searchProbe(SEARCH_CANDIDATES);
    const probed = await db.read<{ n: number; lowest: number | null }>('CALL db.index.fulltext.queryNodes($index, $query, {limit: $probe}) YIELD score RETURN count(*) AS n, min(score) AS lowest', { ...params(query), probe: neo4j.int(probe) });
    const n = Number(probed.records[0]!.get('n'));
    if (n < probe || (full.length === SEARCH_CANDIDATES && (full.at(-1)![1] as number) > probed.records[0]!.get('lowest')!)) phase1 += 1;
    luceneMs.push(await serverMs(db, 'CALL db.index.fulltext.queryNodes($index, $query, {limit: $probe}) YIELD score RETURN count(*) AS n', { ...params(query), probe: neo4j.int(probe) }));
    statementMs.push(await serverMs(db, searchQuery(['aliases']), params(query)));
  }
  counts.sort((a, b) => a - b);
  const first = queries[0];
  const profiled = first === undefined ? undefined : await db.read(`PROFILE ${searchQuery(['aliases'])}`, params(first));
  const total = (p: ProfiledPlan | false | undefined): { dbHits: number; rows: number } =>
    p ? p.children.reduce((acc, c) => { const t = total(c); return { dbHits: acc.dbHits + t.dbHits, rows: Math.max(acc.rows, t.rows) }; }, { dbHits: p.dbHits, rows: p.rows }) : { dbHits: 0, rows: 0 };
  const plan = total(profiled?.summary.profile);
  return [
    `full-text index hits per search input: median ${counts[Math.floor(counts.length / 2)] ?? 0}, at most ${counts.at(-1) ?? 0}; Neo4j's PROFILE of the API's statement (first input): ${plan.dbHits} db hits, ${plan.rows} rows at its widest`,
    `inside Neo4j, per input (median over the inputs of the best of three): Lucene's top ${searchProbe(SEARCH_CANDIDATES)} alone ${medianOf(luceneMs)} ms (at most ${Math.max(0, ...luceneMs)}), the API's whole statement ${medianOf(statementMs)} ms (at most ${Math.max(0, ...statementMs)})`,
    `Lucene's top ${searchProbe(SEARCH_CANDIDATES)} settled the ${SEARCH_CANDIDATES} candidates on ${phase1} of ${queries.length} inputs (the others tied across the probe: phase 2); two-phase candidates equal the single-phase ordering's on ${equal} of ${queries.length}`,
  ];
}
