// The seed's rows as the CSV files of Neo4j's offline importer (`neo4j-admin database import full`):
// the bulk path for a FRESH, large database (src/provision/bulk-import.ts runs the importer; the
// transactional loader, src/seed/loader.ts, stays the way to load a live database). The properties
// are the loader's own (src/seed/graph-form.ts), so an imported graph reads back as a loaded one;
// constraints and indexes (the full-text index included) are created afterwards by the normal setup
// (src/neo4j/setup.ts), and the dataset stamp is written by the caller (STAMP_DATASET).
// Nodes are numbered in the file (the importer's `--id-type=actual`: row n becomes node n, so the
// importer builds no map from string ids to nodes) and the entity's id is an ordinary property; a
// relationship names its ends by those numbers.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { LABEL } from '../domain/ontology.js';
import type { Dataset } from './dataset.js';
import { entityProps, relationProps, type Stringify } from './graph-form.js';

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

export const NODE_HEADER = [':ID', 'id', ':LABEL', ...NODE_COLUMNS.map(([n, t]) => `${n}${t}`)].join(',');
export const RELATION_HEADER = [':START_ID', ':END_ID', ':TYPE', ...RELATION_COLUMNS.map(([n, t]) => `${n}${t}`)].join(',');

/** One CSV field: null (or an absent value) as an empty field, a string quoted with its quotes doubled; `owner` and `column` name it in an error. */
export function csvField(value: unknown, owner: string, column?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    // An empty list is stored as an empty list by the loader; the importer has no empty list, and
    // the read side takes a missing list as empty (src/domain/stored-form.ts).
    if (value.length === 0) return '';
    for (const item of value) {
      if (String(item).includes(ARRAY_DELIMITER)) throw new Error(`${column ? `${owner}.${column}` : owner}: the list item ${JSON.stringify(item)} holds the importer's array delimiter ${ARRAY_DELIMITER}`);
    }
    return csvField(value.join(ARRAY_DELIMITER), owner, column);
  }
  const s = String(value);
  return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
}

const LINE_BREAK = /[\n\r]/;

type Entity = Dataset['entities'][number];
type Relation = Dataset['relations'][number];

/** The object each JSON column is made from. */
const ENTITY_JSON: Readonly<Record<string, (e: Entity) => object>> = { descriptionsJson: (e) => e.descriptions, attributesJson: (e) => e.attributes, citationsJson: (e) => e.citations };
const RELATION_JSON: Readonly<Record<string, (r: Relation) => object>> = { citationsJson: (r) => r.citations };

/**
 * Builds the rows of one pair of files. A row's cost is mostly its JSON columns (stringified, then
 * quoted), and rows often share those objects (the benchmark's synthetic entities share their
 * original's citations, descriptions and attributes): both are made once per object. Kept only for
 * the builder's life, so for one write.
 */
export class RowBuilder {
  /** Whether a field made so far holds a line break: the importer then needs `--multiline-fields=true`. */
  multiline = false;
  private readonly json = new WeakMap<object, string>();
  private readonly quoted = new WeakMap<object, string>();
  private readonly stringify: Stringify = (v) => {
    let text = this.json.get(v);
    if (text === undefined) this.json.set(v, (text = JSON.stringify(v)));
    return text;
  };

  private jsonField(source: object, text: unknown, owner: string, column: string): string {
    let field = this.quoted.get(source);
    if (field === undefined) this.quoted.set(source, (field = this.field(text, owner, column)));
    return field;
  }

  private field(value: unknown, owner: string, column: string): string {
    const field = csvField(value, owner, column);
    if (!this.multiline && LINE_BREAK.test(field)) this.multiline = true;
    return field;
  }

  /** The node row of one entity, the `n`th of the file (its node number). */
  node(e: Entity, n: number): string {
    const props = entityProps(e, this.stringify);
    const fields = [String(n), this.field(e.id, e.id, 'id'), csvField(`Entity${ARRAY_DELIMITER}${LABEL[e.kind]}`, e.id)];
    for (const [column] of NODE_COLUMNS) {
      const source = ENTITY_JSON[column];
      fields.push(source ? this.jsonField(source(e), props[column], e.id, column) : this.field(props[column], e.id, column));
    }
    return fields.join(',');
  }

  /** The relationship row of one relation; `nodeOf` gives the node number of an entity id. */
  relationship(r: Relation, nodeOf: (entityId: string, owner: string, end: string) => number): string {
    const props = relationProps(r, this.stringify);
    const fields = [String(nodeOf(r.from, r.id, 'from')), String(nodeOf(r.to, r.id, 'to')), r.type];
    for (const [column] of RELATION_COLUMNS) {
      const source = RELATION_JSON[column];
      fields.push(source ? this.jsonField(source(r), props[column], r.id, column) : this.field(props[column], r.id, column));
    }
    return fields.join(',');
  }
}

export interface ImportFiles {
  readonly nodes: string;
  readonly relationships: string;
  /** Whether a field spans lines: the importer then needs `--multiline-fields=true`, which reads the files on one thread. */
  readonly multilineFields: boolean;
}

/** Writes the lines. */
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
  const rows = new RowBuilder();
  const numbers = new Map<string, number>();
  await writeLines(files.nodes, NODE_HEADER, (function* () {
    for (const e of dataset.entities) {
      if (numbers.has(e.id)) throw new Error(`${e.id}: two entities with this id`);
      numbers.set(e.id, numbers.size);
      yield rows.node(e, numbers.size - 1);
    }
  })());
  const nodeOf = (id: string, owner: string, end: string) => {
    const n = numbers.get(id);
    if (n === undefined) throw new Error(`${owner}.${end}: no entity ${id}`);
    return n;
  };
  await writeLines(files.relationships, RELATION_HEADER, (function* () {
    for (const r of dataset.relations) yield rows.relationship(r, nodeOf);
  })());
  return { ...files, multilineFields: rows.multiline };
}
