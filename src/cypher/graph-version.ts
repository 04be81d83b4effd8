// The version of the graph that every per-process cache keys its answers by: the coverage cache
// (src/cache/versioned-cache.ts) and the response cache (src/cache/response-cache.ts).
//
// It is the content hash stamped by the last load, the number of loads that stamped the graph
// (`stamps`, raised by every load, even one that changes nothing) and the batched-load generation
// (raised when such a load starts and when it ends: src/seed/loader.ts). A content hash can come back
// (seed A, then B, then A again); the count never does, so an answer computed while B was loaded can
// never be taken for one of A's. Null while a batched load is running or before the first stamp:
// nothing is kept or served from a cache then.
import { datasetLoadNode, datasetNode } from './dataset.js';
const VERSION_READ = `
  OPTIONAL MATCH ${datasetNode()}
  OPTIONAL MATCH ${datasetLoadNode()}
  RETURN CASE WHEN d.contentHash IS NULL OR coalesce(l.loading, false) THEN null
              ELSE d.contentHash + '/' + toString(coalesce(d.stamps, 0)) + '/' + toString(coalesce(l.generation, 0)) END`;

/** The graph's version, as `version`. */
export const GRAPH_VERSION = `CALL () {${VERSION_READ} AS version
}
RETURN version`;

/** A CALL clause that binds the graph's version to `name` (for a query that also reads it). */
export const graphVersionCall = (name: string) => `CALL () {${VERSION_READ} AS ${name}
}`;
