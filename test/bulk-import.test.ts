// The offline bulk path (src/seed/import-files.ts, src/provision/bulk-import.ts): the seed imported by
// Neo4j's importer into a fresh local database reads back as the seed (same content hash as the
// transactional loader's), and the normal setup then builds its indexes (search finds an entity).
// Needs Java (the importer runs from the Maven Central jars); skipped with a note without it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { createDriver, Db } from '../src/neo4j/driver.js';
import { FULLTEXT_INDEX, setupDatabase } from '../src/neo4j/setup.js';
import { bulkImport, importArguments } from '../src/provision/bulk-import.js';
import { javaMajorVersion, startLocalNeo4j, type LocalNeo4j } from '../src/provision/local.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { csvField, writeImportFiles } from '../src/seed/import-files.js';
import { graphContentHash } from '../src/seed/loader.js';
import { SEED_DIR } from './support/neo4j.js';

const java = await javaMajorVersion();
let local: LocalNeo4j | undefined;
let db: Db | undefined;
afterAll(async () => {
  await db?.close();
  await local?.stop();
});

describe('CSV fields for the importer', () => {
  it('quotes strings with their quotes doubled, leaves nulls and empty lists empty, refuses the array delimiter in a list', () => {
    expect(csvField('say "hi"\nthere', 'x')).toBe('"say ""hi""\nthere"');
    expect(csvField(null, 'x')).toBe('');
    expect(csvField([], 'x')).toBe('');
    expect(csvField(['a', 'b'], 'x')).toBe('"a;b"');
    expect(csvField(3, 'x')).toBe('3');
    expect(() => csvField(['a;b'], 'e.aliases')).toThrow(/e\.aliases/);
  });
});

describe('the import files', () => {
  it('number the nodes, name the ends by number, and say whether a field spans lines', async () => {
    const dataset = await loadSeedDataset(SEED_DIR);
    const [a, b] = dataset.entities.filter((e) => e.kind === 'PRACTICE');
    const relation = dataset.relations.find((r) => r.from === a!.id || r.to === a!.id)!;
    const small = (summary: string | null, to = b!.id) => ({
      ...dataset,
      entities: [{ ...a!, summary }, b!],
      relations: [{ ...relation, from: a!.id, to }],
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-import-files-'));
    try {
      const flat = await writeImportFiles(small('one line'), dir);
      expect(flat.multilineFields).toBe(false);
      const nodes = (await readFile(flat.nodes, 'utf8')).split('\n');
      expect(nodes[1]).toMatch(new RegExp(`^0,"${a!.id}",`));
      expect(nodes[2]).toMatch(new RegExp(`^1,"${b!.id}",`));
      expect((await readFile(flat.relationships, 'utf8')).split('\n')[1]).toMatch(new RegExp(`^0,1,${relation.type},`));
      expect((await writeImportFiles(small('two\nlines'), dir)).multilineFields).toBe(true);
      expect(importArguments({ nodes: ['n'], relationships: ['r'], multilineFields: false })).not.toContain('--multiline-fields=true');
      expect(importArguments({ nodes: ['n'], relationships: ['r'], multilineFields: true })).toContain('--multiline-fields=true');
      await expect(writeImportFiles(small('x', 'practice:nowhere'), dir)).rejects.toThrow(`${relation.id}.to: no entity practice:nowhere`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(java === undefined || java < 17)('offline import of the seed', () => {
  it('reads back as the seed, and the setup afterwards builds the full-text index', async () => {
    const dataset = await loadSeedDataset(SEED_DIR);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-import-test-'));
    try {
      const files = await writeImportFiles(dataset, dir);
      local = await startLocalNeo4j({
        root: PROJECT_ROOT,
        persistent: false,
        prepareHome: async (home) => {
          const summary = await bulkImport({ root: PROJECT_ROOT, home, nodes: [files.nodes], relationships: [files.relationships], multilineFields: files.multilineFields, maxOffHeap: '512m' });
          expect(summary).toMatch(new RegExp(`${dataset.relations.length} relationships`));
        },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    db = new Db(createDriver({ uri: local.uri, username: local.username, password: local.password }), undefined, 60_000);
    expect(await graphContentHash(db)).toBe(dataset.contentHash);
    await setupDatabase(db);
    const hits = await db.read<{ id: string }>('CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id LIMIT 5', { index: FULLTEXT_INDEX, q: 'name:kubeflow' });
    expect(hits.records.map((r) => r.get('id'))).toContain('tool:kubeflow');
  }, 300_000);
});
