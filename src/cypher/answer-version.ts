// The version of the graph that whole cached answers are keyed by (src/http/response-cache.ts).
// Unlike the analysis cache's version (content hash + load generation), it also counts the loads
// that stamped the graph (`stamps`, raised by every load, even one that changes nothing): a
// content hash can come back (seed A, then B, then A again), this count never does, so an answer
// computed while B was being loaded can never be taken for one of A's. Null while a batched load is
// running or before the first stamp: nothing is cached or served from the cache then.
export const ANSWER_VERSION = `
OPTIONAL MATCH (d:Dataset {id: 'current'})
OPTIONAL MATCH (l:DatasetLoad {id: 'current'})
RETURN CASE WHEN d.contentHash IS NULL OR coalesce(l.loading, false) THEN null
            ELSE d.contentHash + '/' + toString(coalesce(d.stamps, 0)) + '/' + toString(coalesce(l.generation, 0)) END AS version`;
