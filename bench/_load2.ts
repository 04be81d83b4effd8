import neo4j from 'neo4j-driver';
import { parseSettings } from '../src/config/settings.js';
import { createDriver, Db } from '../src/neo4j/driver.js';
import { provisionNeo4j } from '../src/neo4j/provision.js';
import { PROJECT_ROOT } from '../src/neo4j/session-scope.js';
import { setupDatabase } from '../src/neo4j/setup.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../src/domain/ontology.js';
import { upsertEntities, upsertRelations } from '../src/cypher/seed.js';
import { entityProps, relationProps } from '../src/seed/graph-form.js';
import { scaleDataset } from './generate.js';
const scale = Number(process.argv[2] ?? 100);
const heap = process.argv[3] ?? '768m';
const batch = Number(process.argv[4] ?? 10000);
const n = await provisionNeo4j(parseSettings({}).neo4j, { root: PROJECT_ROOT, persistent: false, heap, log: console.log });
const db = new Db(createDriver(n), n.database);
try {
  await setupDatabase(db);
  const ds = scaleDataset(await loadSeedDataset('seed', '.'), scale);
  const t0 = performance.now();
  for (const kind of ENTITY_KINDS) {
    const all = ds.entities.filter((e) => e.kind === kind);
    for (let i = 0; i < all.length; i += batch) {
      const t = performance.now();
      const rows = all.slice(i, i + batch).map((e) => ({ id: e.id, props: entityProps(e) }));
      const tp = performance.now() - t;
      await db.writeTx((tx) => tx.run(upsertEntities(kind), { rows }));
      if (i === 0) console.log(kind, rows.length, 'prep', Math.round(tp), 'tx', Math.round(performance.now() - t - tp));
    }
  }
  const t1 = performance.now();
  console.log('entities', Math.round(t1 - t0));
  for (const type of RELATION_TYPES) {
    const all = ds.relations.filter((e) => e.type === type);
    for (let i = 0; i < all.length; i += batch) {
      const t = performance.now();
      const rows = all.slice(i, i + batch).map((r) => ({ id: r.id, from: r.from, to: r.to, props: relationProps(r) }));
      const tp = performance.now() - t;
      await db.writeTx((tx) => tx.run(upsertRelations(type), { rows }));
      if (i === 0) console.log(type, rows.length, 'prep', Math.round(tp), 'tx', Math.round(performance.now() - t - tp));
    }
  }
  const s = (performance.now() - t0) / 1000;
  console.log('relations', Math.round(performance.now() - t1), 'total', s.toFixed(1), Math.round(ds.relations.length / s), 'rel/s');
} catch (e) { console.error('FAILED', e); }
finally { await db.close(); await n.stop(); }
