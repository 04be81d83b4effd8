// The floor: a bare node:http handler that answers each benchmark operation with ONE hand-written
// Cypher query through neo4j-driver, plus the same post-processing the API does where the operation
// needs it (ranking, coverage cells, the greedy cover: src/analysis/), and nothing else: no
// GraphQL, no resolvers, no DataLoaders. Each query is written for the exact request shape (which
// arguments are given) and fetches only the fields the response carries. Answers have the shape of
// the API's `data` for the same request (bench/ops.ts), so the two can be compared for equality.
import http from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { buildCells, coverageOf, stackRoad, toolsOfCells } from '../src/analysis/coverage.js';
import type { CoverageModel, PathModel } from '../src/analysis/models.js';
import { rankPractices } from '../src/analysis/ranking.js';
import { luceneQuery } from '../src/analysis/search-query.js';
import { orderFound } from '../src/analysis/paths.js';
import { rankCandidates } from '../src/analysis/search-rank.js';
import { greedyStack } from '../src/analysis/stack.js';
import type { EntityKind, ToolType } from '../src/domain/ontology.js';
import { ORGANISATIONAL_CATEGORIES } from '../src/domain/organisational.js';
import type { Citation, EntityModel, RelationModel } from '../src/domain/model.js';
import { FULLTEXT_INDEX } from '../src/neo4j/setup.js';
import { encodeCursor } from '../src/graphql/cursor.js';
import { searchProbe } from '../src/repos/search.js';
import { FLOOR_CYPHER } from './floor-cypher.js';
import { SEARCH_CANDIDATES } from './search-checks.js';
import {
  ADDRESSING_FIRST,
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

// ---- rows -> the models src/analysis/ works on ---------------------------------------------

interface NodeRow {
  id: string;
  kind: string;
  name: string;
  toolType: string | null;
  /** Read where the answer is ranked (relevance) or a stack's ties are broken (a tool's sources). */
  aliases?: string[] | null;
  summary?: string | null;
  citationsJson?: string | null;
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
      e = {
        id: n.id,
        kind: n.kind as EntityKind,
        name: n.name,
        summary: n.summary ?? null,
        descriptions: [],
        toolType: (n.toolType ?? null) as ToolType | null,
        aliases: n.aliases ?? [],
        attributes: {},
        confidence: 'STATED',
        citations: JSON.parse(n.citationsJson ?? '[]') as Citation[],
      };
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
      const [row] = await read<{ paths: PathRow[] }>(FLOOR_CYPHER.practicesAddressing, { challengeId: input.challengeId });
      if (!row) throw new BadRequest(`no challenge ${input.challengeId}`);
      const rows = new Rows();
      const ranked = rankPractices(row.paths.map((p) => rows.path(p)), 'INFERRED').slice(0, ADDRESSING_FIRST);
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
      const [row] = await read<{ practices: NodeRow[]; paths: PathRow[] }>(FLOOR_CYPHER.coverageFull, {});
      const rows = new Rows();
      // The API's default for the whole matrix: products, what a team adopts.
      const cells = buildCells(row!.paths.map((p) => rows.path(p)), { minConfidence: 'INFERRED', toolTypes: ['PRODUCT'] });
      return { coverage: coverageData(coverageOf(toolsOfCells(cells), row!.practices.map((p) => rows.entity(p)), cells)) };
    },

    async coverageFiltered(input: CoverageFilteredInput) {
      const [row] = await read<{ practices: NodeRow[]; tools: NodeRow[]; paths: PathRow[] }>(FLOOR_CYPHER.coverageFiltered, input as unknown as Record<string, unknown>);
      const rows = new Rows();
      if (row!.practices.length !== new Set(input.practiceIds).size || row!.tools.length !== new Set(input.toolIds).size) {
        throw new BadRequest('unknown tool or practice id');
      }
      // Tools named: every type.
      const cells = buildCells(row!.paths.map((p) => rows.path(p)), { minConfidence: 'INFERRED' });
      return { coverage: coverageData(coverageOf(row!.tools.map((t) => rows.entity(t)), row!.practices.map((p) => rows.entity(p)), cells)) };
    },

    async nestedList(input: NestedListInput) {
      type Link<N> = { relation: Record<string, unknown>; node: N };
      type Tool = { id: string; name: string };
      type Practice = { id: string; name: string; tools: Link<Tool>[] };
      type Challenge = { id: string; name: string; sortKey: string; practices: Link<Practice>[] };
      const [row] = await read<{ total: number; page: Challenge[] }>(FLOOR_CYPHER.nestedList, {
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
      const found = await read<{ score: number; node: NodeRow & { aliases: string[] | null } }>(FLOOR_CYPHER.search, { index: FULLTEXT_INDEX, query, kinds: null, first: neo4j.int(SEARCH_CANDIDATES), probe: neo4j.int(searchProbe(SEARCH_CANDIDATES)) });
      const rows = new Rows();
      const candidates = found.map((h) => ({ score: h.score, entity: { ...rows.entity(h.node), aliases: h.node.aliases ?? [] } }));
      const hits = rankCandidates(input.text, candidates, SEARCH_FIRST);
      return { search: hits.map((h) => ({ score: h.score, entity: { id: h.entity.id, kind: h.entity.kind, name: h.entity.name } })) };
    },

    async recommendStack(input: RecommendStackInput) {
      const [row] = await read<{ addressing: PathRow[]; support: PathRow[]; organisational: string[] }>(FLOOR_CYPHER.recommendStack, {
        challengeIds: input.challengeIds,
        organisationalCategories: ORGANISATIONAL_CATEGORIES,
      });
      const rows = new Rows();
      const stack = greedyStack(
        rankPractices((row?.addressing ?? []).map((p) => rows.path(p)), 'INFERRED'),
        // recommendStack's default: products a team can adopt, on the roads it rests on.
        buildCells((row?.support ?? []).map((p) => rows.path(p)).filter(stackRoad), { minConfidence: 'INFERRED', toolTypes: ['PRODUCT'] }),
        { maxTools: MAX_TOOLS, have: [], organisational: new Set(row?.organisational ?? []), includeDerived: false },
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
      const found = await read<PathRow>(FLOOR_CYPHER.paths, { fromId: input.fromId, toId: input.toId });
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
  // The cheapest way through the driver, as the API reads: one RUN in an auto-commit transaction
  // (executeQuery would send BEGIN, RUN and COMMIT: three messages and their round trips).
  const read: Read = async <T>(cypher: string, params: Record<string, unknown>) => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const res = await session.run(cypher, params);
      return res.records.map((r) => r.toObject() as T);
    } finally {
      await session.close();
    }
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
