// The changes made for performance, listed in docs/performance.md (bench/report.ts puts them there).

/** The changes made for performance, each with where it lives. */
export const CHANGES = `- **The floor answers as the API does again** (bench/floor.ts, bench/floor-cypher.ts; test/bench-floor.test.ts,
  new): since the answers were reworked (relevance in the ranking, products by default in the coverage
  matrix, parts rolled up, the stack's own roads) the floor's statements had kept the old ones and its
  answers differed from the API's; they follow again, the floor reads with one RUN like the API, and a
  test holds the two equal on the seed for every operation and input, so the floor cannot drift unseen.
- **"Response cache off" executes every request again** (bench/load.ts, bench/requests.ts): since the API
  shares the execution of an identical request under way (src/http/single-flight.ts, the reliability
  work), the uncached door's 8 connections sending 8 inputs in turn were often answered from another's
  execution; each of its requests now carries a counter in its GraphQL \`extensions\`, so none is
  identical to another and every one executes (its door log counts one execution per request).
- **Bulk import, faster** (src/seed/import-files.ts, src/provision/bulk-import.ts): nodes are numbered in
  the file (\`--id-type=actual\`: the importer builds no map from string ids), \`--multiline-fields=true\` (which
  makes the importer parse on one thread) only when some field spans lines (none does in the seed or the
  synthetic graph), and the JSON columns are made once per object (the synthetic entities share their
  original's citations, descriptions and attributes); the benchmark runs with a larger heap limit and young
  generation (package.json \`bench\`). The importer's own stage times are in its summary.
- **Search, where the time goes** (bench/search-checks.ts): each run also measures, inside Neo4j, Lucene's
  top 500 alone and the API's whole statement per input (the server's own timing).
- **Two-phase search** (src/cypher/search.ts, new; src/repos/search.ts \`searchProbe\`): Lucene's top
  500 (\`queryNodes(..., {limit})\`), ordered by the contract; the full ordering of the tied hits only
  when the 100th score ties beyond the 500th; one statement, one round trip. Same candidates as the
  single-phase statement (test/search-two-phase.test.ts; the search-figures and catalogue-search
  tests unchanged). The ranking normalises what was typed once per search, not per candidate.
- **Synthetic growth with new texts** (bench/generate.ts, bench/vocabulary.ts, new): new names,
  summaries and aliases from the curated vocabulary instead of copies with a tag word.
- **Offline bulk import** (src/seed/import-files.ts, src/provision/bulk-import.ts, new;
  \`prepareHome\` in src/provision/local.ts; \`seed: false\` in src/server.ts for a graph imported
  whole; \`npm run seed:import-files\`): the benchmark's graph from ×100 goes in through Neo4j's
  importer; the seed loader stays the way to load a live database. test/bulk-import.test.ts: the
  imported seed reads back with the seed's content hash.
- **The benchmark by job** (bench/): no file over 300 lines; \`--rounds n\` measures the doors in turn
  n times and keeps medians; the load average when each operation's measurements start is recorded.
- **Nested lists in one round trip** (src/loaders/prefetch.ts, new; src/resolvers/query-entities.ts,
  src/resolvers/entity.ts, src/domain/link-fields.ts, src/cypher/entities.ts \`linkCollect\`): a per-kind
  list plans the typed relation fields selected under its nodes (up to 3 levels, through aliases and
  fragments), fetches them in its own query with only the selected properties, and keeps them per
  response path; each relation field's resolver takes them from there before asking the links
  DataLoader. Keyed by response path, a partial projection can only serve the selection it was made
  for; the list's own nodes go into the entity loader only when fully read. test/prefetch.test.ts
  checks the answers against the per-level loaders.
- **Per-kind lists** (src/cypher/entities.ts \`listByKindQuery\`, src/neo4j/setup.ts): match on the kind's
  label, one statement per combination of given filters, keyset condition written so the new
  per-kind \`sortKey\` range indexes give the order (a page reads about a page), total from the count store
  when unfiltered. LINKS_BATCH orders ties by relation id (both ways agree).
- **Id-only references** (src/resolvers/id-only.ts, new; src/resolvers/entity.ts): \`source { id }\` of a
  citation and \`from { id }\` / \`to { id }\` of a relation are answered from the id.
- **Lazy JSON** (src/domain/stored-form.ts): attributes and citations are parsed when first read.
- **Analysis statements** (src/cypher/analysis.ts, src/analysis/ \`toPaths\`, src/resolvers/analysis.ts):
  paths travel as ids with each entity and relation projected once; coverage has one statement per
  combination of given filters (index seeks); recommendStack seeks its practices by id; paths use the
  asked hop bound.
- **Coverage cache** (src/cache/versioned-cache.ts, new; src/resolvers/analysis.ts): the full matrix per version
  of the graph (src/cypher/graph-version.ts: content hash, count of loads, load generation), read before use;
  computed answers are kept only when the version was the same at the start and the end of their
  query and no load was running. test/analysis-cache.test.ts covers a re-seed and a batched load
  under way.
- **Seed loader** (src/seed/loader.ts, src/cypher/seed.ts): a load that only adds more than
  \`batchRows\` (5,000) entities and relations CREATEs them in transactions of 5,000 rows, then stamps;
  a failed batch undoes the committed ones (graph and stamp as before: test/loader-batched.test.ts);
  the load generation (a \`DatasetLoad\` node, not the stamp) goes up at the start and the end. Every
  other load is one transaction as before, its UNWIND statements in slices of 5,000 rows.
  test/loader.test.ts is unchanged and green.
- **Provisioning** (src/provision/provision.ts, src/provision/local.ts, neo4j-local/Neo4jLocal.java): \`heap\`,
  \`pageCache\` and \`jit\` options for the local Neo4j. \`npm start\` and the benchmarks use the full JIT
  (\`throughput\`); the tests keep the quick-starting C1-only JIT. The benchmark sizes heap and page
  cache per scale (table above).
- **Response cache** (src/cache/response-cache.ts, src/cypher/graph-version.ts, RESPONSE_CACHE_MB):
  whole answers per (query, operation, variables), kept as the response text with the version of the
  graph read before they were computed, served only at that same version (one round trip); the version
  counts every load, so it never repeats. The coverage cache uses the same version. test/response-cache.test.ts: hits, variables, loads (also one that brings an
  earlier content back), errors not kept, limits still applied, metrics, the memory bound.
- **Per-request overhead** (src/http/app.ts, src/http/limits.ts, src/logger.ts): Apollo's cache-control
  plugin off, query cost cached per parsed document and variables, asynchronous request log.
- **Loader** (src/seed/loader.ts): two batches in flight for a load that only adds (a failed batch
  still undoes every committed one, after the running ones end); per-phase timings (\`onPhase\`), shown
  in the load table above.
- **Compiled start** (scripts/build-server.ts, package.json, Dockerfile, src/config/paths.ts): \`npm start\`
  runs \`node dist/server/main.js\` (esbuild's per-file output of src/, NODE_ENV=production) instead of
  tsx: no TypeScript loader in the serving process (a tsx-run Node process starts at ~75 MB, a plain
  one at ~41 MB, measured earlier). The benchmark's doors now run compiled too (scripts/build-server.ts
  \`buildBenchDoors\`: src/ and bench/ to dist/bench/, forked with plain node), the API door with
  \`npm start\`'s V8 flags, so their RSS and CPU are the deployed process's.
- **Analysis reads ask only what the selection needs** (src/loaders/analysis-lookahead.ts, new;
  src/cypher/analysis.ts, src/repos/analysis.ts, src/repos/search.ts, src/resolvers/analysis.ts): the
  entities practicesAddressing, coverage, recommendStack, paths and search return are read with the
  properties their selection asks for (plus what the analysis itself reads: names, kinds, tool types,
  aliases for search, citations when filtered by source), not with every description, attribute and
  citation; entities read partly are not primed into the entity loader, and a reference asking more
  than its id falls back to reading everything, as before. The whole coverage matrix, kept for every
  request, is still read whole. test/unit/analysis-lookahead.test.ts; test/analysis.test.ts compares
  a slim and a full selection.
- **One message per read** (src/neo4j/driver.ts \`Db.read\`): reads run as auto-commit transactions
  (RUN and PULL, one socket write) instead of managed ones (BEGIN, RUN, COMMIT: three writes and two
  more server messages). The API's driver already had its own retries off.
- **Memory** (package.json \`start\`, Dockerfile, docs/operations.md "Memory"): node runs with
  \`--max-semi-space-size=4 --heap-growing-percent=20\`: smaller young generation, old space grown to
  1.2× the live data after a full collection; not a cap: a large answer still gets the memory it needs, up to V8's usual limit.
- **Cached answers before parsing** (src/http/raw-cache.ts, src/http/cache-front.ts,
  src/cache/graph-version-watch.ts, src/neo4j/driver.ts \`onWrite\`): the response cache is also keyed on the
  raw POST body or GET query string (with Accept and Content-Type), looked up before JSON or GraphQL
  parsing; the graph's version is known in-process (this process's loads at once, others' within 1 s)
  instead of read per request; no per-request child logger unless the request goes to Apollo.
- **HTTP caching** (src/http/etag.ts, HTTP_CACHE_MAX_AGE): ETag, 304 and Cache-Control for GET answers and
  exports; persisted queries through the same path (test/http-cache.test.ts).
- test/round-trips.test.ts now expects at most one round trip per level, equal at page sizes 5 and 100
  (it expected exactly 3 and 2).`;
