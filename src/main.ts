// npm start: the API on seeded data. Prints the URL; stops cleanly on SIGINT/SIGTERM.
import { parseSettings } from './config/settings.js';
import { runCli } from './cli.js';
import { createLogger } from './logger.js';
import { startService } from './server.js';
import { SeedValidationError } from './seed/index.js';

await runCli(async () => {
  const settings = parseSettings(process.env);
  const logger = createLogger(settings.logLevel);
  const service = await startService({ settings, logger, persistent: true });
  console.log(`mlops-kg ready: ${service.url} (Neo4j: ${service.neo4j.path === 'configured' ? service.neo4j.uri : `${service.neo4j.path} at ${service.neo4j.uri}`})`);

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}, [SeedValidationError]);
