// Runs a command-line entry point: known, user-facing errors become one line on stderr and exit 1,
// with no stack trace; anything else is a bug and keeps its stack.
import { SettingsError } from './config/settings.js';
import { Neo4jConnectError } from './neo4j/driver.js';
import { LocalNeo4jError } from './provision/local.js';
import { ProvisionError } from './provision/provision.js';

const USER_ERRORS: (abstract new (...args: never[]) => Error)[] = [SettingsError, Neo4jConnectError, LocalNeo4jError, ProvisionError];

export async function runCli(main: () => Promise<void>, extra: (abstract new (...args: never[]) => Error)[] = []): Promise<void> {
  try {
    await main();
  } catch (e) {
    if ([...USER_ERRORS, ...extra].some((cls) => e instanceof cls)) {
      process.stderr.write(`mlops-kg: ${(e as Error).message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
