// The catalogue of exports (docs/explorer.md) and how each writes its rows: one file per entity
// kind (named after its GraphQL list field), the relations, the coverage matrix and its cells.
import { buildCells } from '../../analysis/coverage.js';
import type { CoverageCellModel } from '../../analysis/models.js';
import { LIST_FIELD } from '../../domain/list-fields.js';
import { ENTITY_KINDS, type EntityKind } from '../../domain/ontology.js';
import type { ExportReader, ToolPathsRow } from '../../repos/exports.js';
import { citationLine, citationsOf, csvRow, joinList } from './csv.js';
import type { Output } from './output.js';

export type ExportFormat = 'csv' | 'json';

export interface ExportDef {
  readonly formats: readonly ExportFormat[];
  readonly write: (reader: ExportReader, out: Output, format: ExportFormat) => Promise<void>;
}

export const ENTITY_COLUMNS = ['id', 'kind', 'name', 'summary', 'aliases', 'attributes', 'confidence', 'sources', 'citationCount', 'citations'] as const;
export const RELATION_COLUMNS = [
  'id',
  'type',
  'fromId',
  'fromKind',
  'fromName',
  'toId',
  'toKind',
  'toName',
  'level',
  'note',
  'confidence',
  'sources',
  'sourceCount',
  'citationCount',
  'citations',
] as const;
export const COVERAGE_CELL_COLUMNS = [
  'toolId',
  'toolName',
  'practiceId',
  'practiceName',
  'level',
  'direct',
  'confidence',
  'derivation',
  'sound',
  'sources',
  'sourceCount',
  'citationCount',
  'citations',
  'paths',
] as const;

async function writeEntities(reader: ExportReader, out: Output, format: ExportFormat, kind: EntityKind): Promise<void> {
  if (format === 'csv') await out.write(csvRow(ENTITY_COLUMNS));
  for await (const r of reader.entities(kind)) {
    const citations = citationsOf(r.citationsJson);
    const attributesJson = (r.attributesJson as string | null) ?? '{}';
    if (format === 'json') {
      await out.jsonItem({
        id: r.id,
        kind: r.kind,
        name: r.name,
        summary: r.summary ?? null,
        aliases: r.aliases ?? [],
        attributes: JSON.parse(attributesJson),
        confidence: r.confidence,
        sources: r.sourceIds ?? [],
        citations,
      });
      continue;
    }
    await out.write(
      csvRow([
        r.id,
        r.kind,
        r.name,
        r.summary,
        joinList(r.aliases),
        attributesJson,
        r.confidence,
        joinList(r.sourceIds),
        citations.length,
        joinList(citations.map(citationLine)),
      ]),
    );
  }
  if (format === 'json') await out.endJsonArray();
}

async function writeRelations(reader: ExportReader, out: Output, format: ExportFormat): Promise<void> {
  if (format === 'csv') await out.write(csvRow(RELATION_COLUMNS));
  for await (const r of reader.relations()) {
    const citations = citationsOf(r.citationsJson);
    if (format === 'json') {
      await out.jsonItem({
        id: r.id,
        type: r.type,
        from: { id: r.fromId, kind: r.fromKind, name: r.fromName },
        to: { id: r.toId, kind: r.toKind, name: r.toName },
        level: r.level ?? null,
        note: r.note ?? null,
        confidence: r.confidence,
        sources: r.sourceIds ?? [],
        sourceCount: (r.sourceIds ?? []).length,
        citations,
      });
      continue;
    }
    await out.write(
      csvRow([
        r.id,
        r.type,
        r.fromId,
        r.fromKind,
        r.fromName,
        r.toId,
        r.toKind,
        r.toName,
        r.level,
        r.note,
        r.confidence,
        joinList(r.sourceIds),
        (r.sourceIds ?? []).length,
        citations.length,
        joinList(citations.map(citationLine)),
      ]),
    );
  }
  if (format === 'json') await out.endJsonArray();
}

/** The cells of one tool's paths, built by the same code as the `coverage` query's. */
function cellsOf(row: ToolPathsRow): CoverageCellModel[] {
  return buildCells(row.paths);
}

const sourcesOfCell = (c: CoverageCellModel) => [...new Set(c.citations.map((x) => x.source))].sort();
const pathLine = (p: CoverageCellModel['paths'][number]) =>
  p.entities.map((e, i) => (i === 0 ? e.id : `-[${p.relations[i - 1]?.type ?? '?'}]- ${e.id}`)).join(' ');

/** A matrix field: the cell's level and the confidence of its best path, e.g. "EXAMPLE/STATED". */
export const matrixField = (c: CoverageCellModel) => `${c.level}/${c.confidence}`;

/**
 * The matrix: one row per tool that supports at least one practice (name order), one column per
 * practice (name order; ids in the header), each field the cell's level and confidence, or empty.
 */
async function writeCoverageMatrix(reader: ExportReader, out: Output): Promise<void> {
  const practices = await reader.coveragePracticeIds();
  await out.write(csvRow(['toolId', 'toolName', ...practices]));
  for await (const r of reader.coverageByTool()) {
    const cells = cellsOf(r);
    const level = new Map(cells.map((c) => [c.practice.id, matrixField(c)]));
    await out.write(csvRow([r.toolId, cells[0]?.tool.name ?? '', ...practices.map((p) => level.get(p) ?? '')]));
  }
}

/** One row per cell (tool, practice), tools by name then practices by name, with its evidence. */
async function writeCoverageCells(reader: ExportReader, out: Output, format: ExportFormat): Promise<void> {
  if (format === 'csv') await out.write(csvRow(COVERAGE_CELL_COLUMNS));
  for await (const r of reader.coverageByTool()) {
    for (const c of cellsOf(r)) {
      if (format === 'json') {
        await out.jsonItem({
          tool: { id: c.tool.id, name: c.tool.name },
          practice: { id: c.practice.id, name: c.practice.name },
          level: c.level,
          direct: c.direct,
          confidence: c.confidence,
          derivation: c.derivation,
          sound: c.sound,
          sources: sourcesOfCell(c),
          sourceCount: sourcesOfCell(c).length,
          citations: c.citations,
          paths: c.paths.map((p) => ({ entities: p.entities.map((e) => e.id), relations: p.relations.map((x) => x.id) })),
        });
        continue;
      }
      await out.write(
        csvRow([
          c.tool.id,
          c.tool.name,
          c.practice.id,
          c.practice.name,
          c.level,
          c.direct,
          c.confidence,
          c.derivation,
          c.sound,
          joinList(sourcesOfCell(c)),
          sourcesOfCell(c).length,
          c.citations.length,
          joinList(c.citations.map(citationLine)),
          joinList(c.paths.map(pathLine)),
        ]),
      );
    }
  }
  if (format === 'json') await out.endJsonArray();
}

const KIND_OF_LIST = new Map<string, EntityKind>(ENTITY_KINDS.map((k) => [LIST_FIELD[k], k]));

export const EXPORTS = new Map<string, ExportDef>([
  ...ENTITY_KINDS.map((kind): [string, ExportDef] => [LIST_FIELD[kind], { formats: ['csv', 'json'], write: (reader, out, f) => writeEntities(reader, out, f, kind) }]),
  ['relations', { formats: ['csv', 'json'], write: writeRelations }],
  ['coverage', { formats: ['csv'], write: writeCoverageMatrix }],
  ['coverage-cells', { formats: ['csv', 'json'], write: writeCoverageCells }],
]);

/** Every export path, e.g. "/export/practices.csv", in the catalogue's order. */
export function exportPaths(): string[] {
  return [...EXPORTS].flatMap(([name, def]) => def.formats.map((f) => `/export/${name}.${f}`));
}

/** The entity-kind exports: GraphQL list field names (practices, openIssues...). */
export function entityExportNames(): string[] {
  return [...KIND_OF_LIST.keys()];
}
