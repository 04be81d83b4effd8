// Helper process for test/process.test.ts: starts a local Neo4j, prints "READY <pid> <port>", then
// waits to be killed. The test kills it with SIGKILL and checks that the JVM does not outlive it.
import { startLocalNeo4j } from '../../src/provision/local.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';

const neo4j = await startLocalNeo4j({ root: PROJECT_ROOT, persistent: false });
console.log(`READY ${neo4j.pid} ${neo4j.port}`);
setInterval(() => {}, 1 << 30);
