// The seed's rows as the CSV files of Neo4j's offline importer (`neo4j-admin database import full`):
// the bulk path for a FRESH, large database (src/provision/bulk-import.ts runs the importer; the
// transactional loader, src/seed/loader.ts, stays the way to load a live database). The properties
// are the loader's own (src/seed/graph-form.ts), so an imported graph reads back as a loaded one;
// constraints and indexes (the full-text index included) are created afterwards by the normal setup
// (src/neo4j/setup.ts), and the dataset stamp is written by the caller (STAMP_DATASET).
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { LABEL } from '../domain/ontology.js';
import type { Dataset } from './dataset.js';
import { entityProps, relationProps } from './graph-form.js';

/** Separates the items of a list property inside one CSV field (the importer's --array-delimiter). */
export const ARRAY_DELIMITER = ';';

/** Property columns of the node file: name and the importer's type (string unless said). */
const NODE_COLUMNS: readonly (readonly [string, string])[] = [
  ['kind', ''], ['name', ''], ['sortKey', ''], ['summary', ''], ['descriptionsJson', ''], ['toolType', ''],
  ['aliases', ':string[]'], ['aliasesText', ''], ['attributesJson', ''], ['citationsJson', ''],
  ['sourceIds', ':string[]'], ['confidence', ''], ['citationCount', ':int'],
];
const RELATION_COLUMNS: readonly (readonly [string, string])[] = [
  ['id', ''], ['level', ''], ['note', ''], ['citationsJson', ''], ['sourceIds', ':string[]'], ['confidence', ''], ['citationCount', ':int'],
];

export const NODE_HEADER = ['id:ID', ':LABEL', ...NODE_COLUMNS.map(([n, t]) => `${n}${t}`)].join(',');
export const RELATION_HEADER = [':START_ID', ':END_ID', ':TYPE', ...RELATION_COLUMNS.map(([n, t]) => `${n}${t}`)].join(',');

/** One CSV field: null (or an absent value) as an empty field, a string quoted with its quotes doubled. */
export function csvField(value: unknown, where: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    // An empty list is stored as an empty list by the loader; the importer has no empty list, and
    // the read side takes a missing list as empty (src/domain/stored-form.ts).
    if (value.length === 0) return '';
    for (const item of value) {
      if (String(item).includes(ARRAY_DELIMITER)) throw new Error(`${where}: the list item ${JSON.stringify(item)} holds the importer's array delimiter ${ARRAY_DELIMITER}`);
    }
    return csvField(value.join(ARRAY_DELIMITER), where);
  }
  return `"${String(value).replace(/"/g, '""')}"`;
}

/** The node row of one entity. */
export function nodeRow(e: Dataset['entities'][number]): string {
  const props = entityProps(e);
  return [csvField(e.id, e.id), csvField(`Entity${ARRAY_DELIMITER}${LABEL[e.kind]}`, e.id), ...NODE_COLUMNS.map(([n]) => csvField(props[n], `${e.id}.${n}`))].join(',');
}

/** The relationship row of one relation. */
export function relationshipRow(r: Dataset['relations'][number]): string {
  const props = relationProps(r);
  return [csvField(r.from, r.id), csvField(r.to, r.id), r.type, ...RELATION_COLUMNS.map(([n]) => csvField(props[n], `${r.id}.${n}`))].join(',');
}

export interface ImportFiles {
  readonly nodes: string;
  readonly relationships: string;
}

async function writeLines(file: string, header: string, rows: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  // Lines go out in chunks of about a megabyte: a write per line would cost more than the line.
  let chunk = `${header}\n`;
  for (const row of rows) {
    chunk += `${row}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Writes `nodes.csv` and `relationships.csv` of the dataset into `dir`. */
export async function writeImportFiles(dataset: Dataset, dir: string): Promise<ImportFiles> {
  await mkdir(dir, { recursive: true });
  const files = { nodes: path.join(dir, 'nodes.csv'), relationships: path.join(dir, 'relationships.csv') };
  await writeLines(files.nodes, NODE_HEADER, (function* () {
    for (const e of dataset.entities) yield nodeRow(e);
  })());
  await writeLines(files.relationships, RELATION_HEADER, (function* () {
    for (const r of dataset.relations) yield relationshipRow(r);
  })());
  return files;
}
