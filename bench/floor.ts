// The floor: a bare node:http handler that answers each benchmark operation with ONE hand-written
// Cypher query through neo4j-driver, plus the same post-processing the API does where the operation
// needs it (ranking, coverage cells, the greedy cover: src/analysis/), and nothing else: no
// GraphQL, no resolvers, no DataLoaders. Each query is written for the exact request shape (which
// arguments are given) and fetches only the fields the response carries. Answers have the shape of
// the API's `data` for the same request (bench/ops.ts), so the two can be compared for equality.
import http from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { buildCells, coverageOf, toolsOfCells } from '../src/analysis/coverage.js';
import type { CoverageModel, PathModel } from '../src/analysis/models.js';
import { rankPractices } from '../src/analysis/ranking.js';
import { luceneQuery } from '../src/analysis/search-query.js';
import { orderFound } from '../src/analysis/paths.js';
import { rankCandidates } from '../src/analysis/search-rank.js';
import { greedyStack } from '../src/analysis/stack.js';
import type { EntityKind, ToolType } from '../src/domain/ontology.js';
import type { Citation, EntityModel, RelationModel } from '../src/domain/model.js';
import { FULLTEXT_INDEX } from '../src/neo4j/setup.js';
import { encodeCursor } from '../src/graphql/cursor.js';
import {
  ADDRESSING_FIRST,
  LINKS_FIRST,
  MAX_HOPS,
  MAX_TOOLS,
  PATHS_FIRST,
  SEARCH_FIRST,
  type CoverageFilteredInput,
  type NestedListInput,
  type OpName,
  type PathsInput,
  type PracticesAddressingInput,
  type RecommendStackInput,
  type SearchInput,
} from './ops.js';

// ---- Cypher ------------------------------------------------------------------------------------

const NODE = `{.id, .kind, .name, .toolType}`;
const REL = `{.id, .level, .citationsJson, .confidence, type: type(r), from: startNode(r).id, to: endNode(r).id}`;
const PATH = `{nodes: [n IN ns | n ${NODE}], rels: [r IN rs | r ${REL}]}`;

/** Practices to challenge `c`: directly, via a category, a principle or equivalent, a solution; also via a corresponding, broader, narrower or overlapping challenge. */
const ADDRESSING = `
CALL (c) {
  RETURN c AS t, [] AS eqNodes, [] AS eqRels
  UNION ALL
  MATCH (c)-[e:CORRESPONDS_TO|NARROWER_THAN|PARTLY_OVERLAPS]-(t:Challenge)
  RETURN t, [c] AS eqNodes, [e] AS eqRels
}
CALL (t) {
  MATCH (p:Practice)-[r1:ADDRESSES]->(t)
  RETURN [p, t] AS ns0, [r1] AS rs0
  UNION ALL
  MATCH (p:Practice)-[r1:IN_CATEGORY]->(x:Category)-[r2:ADDRESSES]->(t)
  RETURN [p, x, t] AS ns0, [r1, r2] AS rs0
  UNION ALL
  MATCH (p:Practice)-[r1:IMPLEMENTS|CORRESPONDS_TO]-(x:Entity)-[r2:ADDRESSES]->(t)
  RETURN [p, x, t] AS ns0, [r1, r2] AS rs0
  UNION ALL
  MATCH (p:Practice)-[r1:CORRESPONDS_TO|PARTLY_OVERLAPS]-(x:Solution)-[r2:RESOLVES]->(t)
  RETURN [p, x, t] AS ns0, [r1, r2] AS rs0
}
WITH ns0 + eqNodes AS ns, rs0 + eqRels AS rs`;

const PRACTICES_ADDRESSING = `
MATCH (c:Challenge {id: $challengeId})
${ADDRESSING}
RETURN collect(${PATH}) AS paths`;

/** Support paths tool -> practice; `toolWhere` / `practiceWhere` are fixed fragments of this module. */
const support = (toolWhere: string, practiceWhere: string) => {
  const where = [toolWhere, practiceWhere].filter(Boolean).join(' AND ');
  const w = where ? `WHERE ${where}` : '';
  return `
  MATCH (t:Tool)-[s:SUPPORTS]->(p:Practice) ${w}
  RETURN [t, p] AS ns, [s] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component)-[i:IMPLEMENTS]->(y:Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, x, y, p] AS ns, [s, i, k] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component|Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, x, p] AS ns, [s, k] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:IN_CATEGORY]->(x:Category)-[k:COVERS]->(p:Practice) ${w}
  RETURN [t, x, p] AS ns, [s, k] AS rs`;
};

const COVERAGE_FULL = `
CALL () {
  MATCH (p:Practice)
  RETURN collect(p ${NODE}) AS practices
}
CALL () {
  ${support('', '')}
}
RETURN practices, collect(${PATH}) AS paths`;

const COVERAGE_FILTERED = `
CALL () {
  MATCH (p:Practice) WHERE p.id IN $practiceIds
  RETURN collect(p ${NODE}) AS practices
}
CALL () {
  MATCH (t:Tool) WHERE t.id IN $toolIds
  RETURN collect(t ${NODE}) AS tools
}
CALL () {
  ${support('t.id IN $toolIds', 'p.id IN $practiceIds')}
}
RETURN practices, tools, collect(${PATH}) AS paths`;

const RECOMMEND_STACK = `
MATCH (c:Challenge) WHERE c.id IN $challengeIds
CALL (c) {
  ${ADDRESSING}
  RETURN collect(${PATH}) AS found
}
WITH collect(found) AS foundLists
WITH reduce(acc = [], l IN foundLists | acc + l) AS addressing
CALL (addressing) {
  UNWIND addressing AS row
  RETURN collect(DISTINCT row.nodes[0].id) AS practiceIds
}
CALL (practiceIds) {
  ${support('', 'p.id IN practiceIds')}
}
RETURN addressing, collect(${PATH}) AS support`;

const NESTED_LIST = `
CALL () {
  MATCH (c:Challenge)
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Challenge)
  WHERE c.sortKey >= coalesce($afterKey, '') AND ($afterKey IS NULL OR c.sortKey > $afterKey OR c.id > $afterId)
  WITH c ORDER BY c.sortKey, c.id
  LIMIT $limit
  RETURN collect(c {
    .id, .name, .sortKey,
    practices: COLLECT {
      MATCH (c)<-[r:ADDRESSES]-(p:Practice)
      WITH r, p ORDER BY p.sortKey, p.id LIMIT ${LINKS_FIRST}
      RETURN {
        relation: {confidence: r.confidence},
        node: p {
          .id, .name,
          tools: COLLECT {
            MATCH (p)<-[s:SUPPORTS]-(t:Tool)
            WITH s, t ORDER BY t.sortKey, t.id LIMIT ${LINKS_FIRST}
            RETURN {relation: {level: s.level, confidence: s.confidence}, node: t {.id, .name}}
          }
        }
      }
    }
  }) AS page
}
RETURN total, page`;

/** The candidates the API reads (100, best first), with what its ranking looks at (name, aliases). */
const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.sortKey, node.id
LIMIT 100
RETURN score, node {.id, .kind, .name, .aliases} AS entity`;

const PATHS = `
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MATCH p = ALL SHORTEST (a)-[]-{1,${MAX_HOPS}}(b)
WITH p, [n IN nodes(p) | n.id] AS orderKey, [r IN relationships(p) | r.id] AS relKey
ORDER BY orderKey, relKey
LIMIT 200
RETURN [n IN nodes(p) | n ${NODE}] AS nodes, [r IN relationships(p) | r ${REL}] AS rels`;

// ---- rows -> the models src/analysis/ works on ---------------------------------------------

interface NodeRow {
  id: string;
  kind: string;
  name: string;
  toolType: string | null;
}
interface RelRow {
  id: string;
  level: string | null;
  confidence: 'STATED' | 'INFERRED';
  citationsJson: string | null;
  type: string;
  from: string;
  to: string;
}
interface PathRow {
  nodes: NodeRow[];
  rels: RelRow[];
}

/** Relation citations parsed once per relation id per request (a relation is on many paths). */
class Rows {
  private readonly entities = new Map<string, EntityModel>();
  private readonly relations = new Map<string, RelationModel>();

  entity(n: NodeRow): EntityModel {
    let e = this.entities.get(n.id);
    if (!e) {
      e = { id: n.id, kind: n.kind as EntityKind, name: n.name, summary: null, descriptions: [], toolType: (n.toolType ?? null) as ToolType | null, aliases: [], attributes: {}, confidence: 'STATED', citations: [] };
      this.entities.set(n.id, e);
    }
    return e;
  }

  relation(r: RelRow): RelationModel {
    let m = this.relations.get(r.id);
    if (!m) {
      m = {
        id: r.id,
        type: r.type,
        from: r.from,
        to: r.to,
        level: r.level ?? null,
        note: null,
        confidence: r.confidence,
        citations: JSON.parse(r.citationsJson ?? '[]') as Citation[],
      };
      this.relations.set(r.id, m);
    }
    return m;
  }

  path(p: PathRow): PathModel {
    return { entities: p.nodes.map((n) => this.entity(n)), relations: p.rels.map((r) => this.relation(r)), length: p.rels.length };
  }
}

const idName = (e: EntityModel) => ({ id: e.id, name: e.name });

function coverageData(c: CoverageModel) {
  return {
    tools: c.tools.map(idName),
    practices: c.practices.map(idName),
    cells: c.cells.map((cell) => ({
      tool: { id: cell.tool.id },
      practice: { id: cell.practice.id },
      level: cell.level,
      direct: cell.direct,
      citations: cell.citations.map((x) => ({ locator: x.locator, confidence: x.confidence })),
    })),
    uncoveredPractices: c.uncoveredPractices.map((p) => ({ id: p.id })),
  };
}

// ---- handlers ----------------------------------------------------------------------------------

export class BadRequest extends Error {}

type Read = <T>(cypher: string, params: Record<string, unknown>) => Promise<T[]>;

export function floorHandlers(read: Read): Record<OpName, (input: never) => Promise<unknown>> {
  return {
    async practicesAddressing(input: PracticesAddressingInput) {
      const [row] = await read<{ paths: PathRow[] }>(PRACTICES_ADDRESSING, { challengeId: input.challengeId });
      if (!row) throw new BadRequest(`no challenge ${input.challengeId}`);
      const rows = new Rows();
      const ranked = rankPractices(row.paths.map((p) => rows.path(p))).slice(0, ADDRESSING_FIRST);
      return {
        practicesAddressing: ranked.map((r) => ({
          score: r.score,
          direct: r.direct,
          sourceCount: r.sourceCount,
          citationCount: r.citationCount,
          via: r.via,
          practice: idName(r.practice),
          citations: r.citations.map((c) => ({ locator: c.locator, confidence: c.confidence, source: { id: c.source } })),
        })),
      };
    },

    async coverageFull() {
      const [row] = await read<{ practices: NodeRow[]; paths: PathRow[] }>(COVERAGE_FULL, {});
      const rows = new Rows();
      const cells = buildCells(row!.paths.map((p) => rows.path(p)));
      return { coverage: coverageData(coverageOf(toolsOfCells(cells), row!.practices.map((p) => rows.entity(p)), cells)) };
    },

    async coverageFiltered(input: CoverageFilteredInput) {
      const [row] = await read<{ practices: NodeRow[]; tools: NodeRow[]; paths: PathRow[] }>(COVERAGE_FILTERED, input as unknown as Record<string, unknown>);
      const rows = new Rows();
      if (row!.practices.length !== new Set(input.practiceIds).size || row!.tools.length !== new Set(input.toolIds).size) {
        throw new BadRequest('unknown tool or practice id');
      }
      const cells = buildCells(row!.paths.map((p) => rows.path(p)));
      return { coverage: coverageData(coverageOf(row!.tools.map((t) => rows.entity(t)), row!.practices.map((p) => rows.entity(p)), cells)) };
    },

    async nestedList(input: NestedListInput) {
      type Link<N> = { relation: Record<string, unknown>; node: N };
      type Tool = { id: string; name: string };
      type Practice = { id: string; name: string; tools: Link<Tool>[] };
      type Challenge = { id: string; name: string; sortKey: string; practices: Link<Practice>[] };
      const [row] = await read<{ total: number; page: Challenge[] }>(NESTED_LIST, {
        afterKey: input.after?.sortKey ?? null,
        afterId: input.after?.id ?? null,
        limit: neo4j.int(input.first + 1),
      });
      const page = row!.page.slice(0, input.first);
      const last = page[page.length - 1];
      return {
        challenges: {
          totalCount: row!.total,
          pageInfo: { hasNextPage: row!.page.length > input.first, endCursor: last ? encodeCursor(last.sortKey, last.id) : null },
          nodes: page.map((c) => ({ id: c.id, name: c.name, practices: c.practices })),
        },
      };
    },

    async search(input: SearchInput) {
      const query = luceneQuery(input.text);
      if (query === null) return { search: [] };
      const found = await read<{ score: number; entity: NodeRow & { aliases: string[] | null } }>(SEARCH, { index: FULLTEXT_INDEX, query });
      const rows = new Rows();
      const candidates = found.map((h) => ({ score: h.score, entity: { ...rows.entity(h.entity), aliases: h.entity.aliases ?? [] } }));
      const hits = rankCandidates(input.text, candidates, SEARCH_FIRST);
      return { search: hits.map((h) => ({ score: h.score, entity: { id: h.entity.id, kind: h.entity.kind, name: h.entity.name } })) };
    },

    async recommendStack(input: RecommendStackInput) {
      const [row] = await read<{ addressing: PathRow[]; support: PathRow[] }>(RECOMMEND_STACK, { challengeIds: input.challengeIds });
      const rows = new Rows();
      const stack = greedyStack(
        rankPractices((row?.addressing ?? []).map((p) => rows.path(p))),
        // recommendStack's default: products a team can adopt.
        buildCells((row?.support ?? []).map((p) => rows.path(p)), { toolTypes: ['PRODUCT'] }),
        { maxTools: MAX_TOOLS },
      );
      return {
        recommendStack: {
          coverageRatio: stack.coverageRatio,
          tools: stack.tools.map(idName),
          coveredPractices: stack.coveredPractices.map(idName),
          uncoveredPractices: stack.uncoveredPractices.map(idName),
        },
      };
    },

    async paths(input: PathsInput) {
      const found = await read<PathRow>(PATHS, { fromId: input.fromId, toId: input.toId });
      const rows = new Rows();
      // The API's order: stated paths first, then shorter, then more statements, then the ids along them.
      const ordered = orderFound(found.map((p) => rows.path(p)), PATHS_FIRST);
      return {
        paths: {
          paths: ordered.map((path) => ({
            length: path.length,
            entities: path.entities.map((n) => ({ id: n.id, kind: n.kind, name: n.name })),
            relations: path.relations.map((r) => ({
              type: r.type,
              from: { id: r.from },
              to: { id: r.to },
              citations: r.citations.map((c) => ({ locator: c.locator })),
            })),
          })),
        },
      };
    },
  } as Record<OpName, (input: never) => Promise<unknown>>;
}

/** Starts the floor on a free loopback port. */
export async function startFloor(driver: Driver, database?: string): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  const read: Read = async <T>(cypher: string, params: Record<string, unknown>) => {
    const res = await driver.executeQuery(cypher, params, { database, routing: neo4j.routing.READ });
    return res.records.map((r) => r.toObject() as T);
  };
  const handlers = floorHandlers(read);
  const server = http.createServer((req, res) => {
    const op = (req.url ?? '/').slice(1) as OpName;
    const handler = handlers[op];
    if (req.method !== 'POST' || !handler) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such operation"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let input: never;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as never;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad JSON"}');
        return;
      }
      handler(input).then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json', 'x-cypher-round-trips': '1' }).end(JSON.stringify({ data }));
        },
        (e: unknown) => {
          const status = e instanceof BadRequest ? 400 : 500;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (e as Error).message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The floor's statements by operation (for inspection and comparisons). */
export const FLOOR_CYPHER: Record<OpName, string> = {
  practicesAddressing: PRACTICES_ADDRESSING,
  coverageFull: COVERAGE_FULL,
  coverageFiltered: COVERAGE_FILTERED,
  nestedList: NESTED_LIST,
  search: SEARCH,
  recommendStack: RECOMMEND_STACK,
  paths: PATHS,
};
