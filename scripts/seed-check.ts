// npm run seed:check — validates every seed file and the merged graph without a database,
// then prints counts per kind and per relation type. Exit code 1 when anything is wrong.
import path from 'node:path';
import { loadSeedDataset, SeedValidationError } from '../src/seed/index.js';

const seedDir = path.resolve(process.argv[2] ?? 'seed');
try {
  const dataset = await loadSeedDataset(seedDir);
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const inferred = (cs: { confidence: string }[]) => cs.every((c) => c.confidence === 'INFERRED');
  console.log(`seed OK: ${dataset.entities.length} entities, ${dataset.relations.length} relations, ${dataset.ledger.length} ledger items`);
  console.log(`content hash ${dataset.contentHash}`);
  console.log('\nentities by kind:');
  for (const [k, n] of count(dataset.entities.map((e) => e.kind))) console.log(`  ${k.padEnd(20)} ${n}`);
  console.log('\nrelations by type:');
  for (const [k, n] of count(dataset.relations.map((r) => r.type))) console.log(`  ${k.padEnd(20)} ${n}`);
  console.log('\nconfidence (all citations INFERRED vs at least one STATED):');
  console.log(`  entities  ${dataset.entities.filter((e) => inferred(e.citations)).length} inferred / ${dataset.entities.filter((e) => !inferred(e.citations)).length} stated`);
  console.log(`  relations ${dataset.relations.filter((r) => inferred(r.citations)).length} inferred / ${dataset.relations.filter((r) => !inferred(r.citations)).length} stated`);
  const omitted = dataset.ledger.filter((l) => l.omitted !== null).length;
  console.log(`\nledger: ${dataset.ledger.length - omitted} carried, ${omitted} omitted`);
} catch (e) {
  if (e instanceof SeedValidationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
