// npm run seed [-- --prune] [-- --dry-run] — validates seed/, then loads it into Neo4j in one
// transaction. Uses NEO4J_URI when set, otherwise provisions a Neo4j like `npm start` does.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withNeo4j } from '../src/provision/open.js';
import { loadSeedDataset, SeedValidationError } from '../src/seed/index.js';
import { loadDataset } from '../src/seed/loader.js';
import { setupDatabase } from '../src/neo4j/setup.js';
import { runCli } from '../src/cli.js';

await runCli(async () => {
  const { values } = parseArgs({ options: { prune: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } });
  // Validate before touching the database: bad files never reach it.
  const dataset = await loadSeedDataset(path.resolve('seed'));
  await withNeo4j({ persistent: true }, async (db) => {
    await setupDatabase(db);
    const result = await loadDataset(db, dataset, { prune: values.prune, dryRun: values['dry-run'] });
    const c = result.changes;
    console.log(
      `${result.written ? 'loaded' : 'dry run, nothing written:'} dataset ${result.version}: ` +
        `entities +${c.addedEntities.length} ~${c.changedEntities.length} -${c.removedEntities.length}, ` +
        `relations +${c.addedRelations.length} ~${c.changedRelations.length} -${c.removedRelations.length}`,
    );
    if (values['dry-run']) {
      for (const [label, ids] of Object.entries(c)) for (const id of ids as string[]) console.log(`  ${label}: ${id}`);
    }
  });
}, [SeedValidationError]);
