// npm run neo4j:fetch — fetches Neo4j Community from Maven Central into ~/.m2 and writes its
// classpath into .neo4j/, so a later start needs no network. Safe to run again (cached).
import { runCli } from '../src/cli.js';
import { ensureClasspath, javaMajorVersion } from '../src/provision/local.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { ProvisionError } from '../src/provision/provision.js';

await runCli(async () => {
  const java = await javaMajorVersion();
  if (java === undefined || java < 17) throw new ProvisionError(`Java 17+ is needed to run Neo4j locally (found ${java ?? 'none'}).`);
  const file = await ensureClasspath(PROJECT_ROOT, (l) => console.log(l));
  console.log(`Neo4j Community classpath ready: ${file}`);
});
