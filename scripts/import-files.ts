// npm run seed:import-files -- DIR — validates seed/, then writes its rows as the CSV files of Neo4j's
// offline importer into DIR (nodes.csv, relationships.csv) and prints the import command. For a fresh
// database only (README.md, "Bulk import"): `npm run seed` stays the way to load a live one.
import path from 'node:path';
import { runCli } from '../src/cli.js';
import { importArguments } from '../src/provision/bulk-import.js';
import { loadSeedDataset, SeedValidationError } from '../src/seed/index.js';
import { writeImportFiles } from '../src/seed/import-files.js';

await runCli(async () => {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npm run seed:import-files -- DIR');
  const dataset = await loadSeedDataset(path.resolve('seed'));
  const files = await writeImportFiles(dataset, path.resolve(dir));
  console.log(`wrote ${dataset.entities.length} entities to ${files.nodes} and ${dataset.relations.length} relations to ${files.relationships}`);
  console.log(`import into a stopped, fresh database with:\n  neo4j-admin ${importArguments({ nodes: ['nodes.csv'], relationships: ['relationships.csv'], multilineFields: files.multilineFields }).join(' ')}`);
  console.log('then start Neo4j and `npm start` (or `npm run seed`): the setup builds the indexes, and the seed stamps the graph.');
}, [SeedValidationError]);
