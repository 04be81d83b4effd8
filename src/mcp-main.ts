// npm run -s mcp: the MCP server over stdio, for an assistant host that starts it as a child process.
// The same settings, Neo4j provisioning and seeding as npm start (src/server.ts), and the same Apollo
// Server behind every tool. stdout carries the protocol only: logs go to stderr (src/logger.ts), and
// nothing here prints. The service's HTTP server listens on a free loopback port of its own (it is
// not announced; HOST and PORT are for npm start), so this never contends with a running API for its port.
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { parseSettings } from './config/settings.js';
import { runCli } from './cli.js';
import { createLogger } from './logger.js';
import { mcpServerFactory } from './mcp/server.js';
import { catalogue } from './mcp/catalogue.js';
import { startService } from './server.js';
import { SeedValidationError } from './seed/index.js';

await runCli(async () => {
  const settings = parseSettings({ ...process.env, HOST: '127.0.0.1', PORT: '0' });
  const logger = createLogger(settings.logLevel);
  // A broken operation file stops the process before anything is started.
  const tools = catalogue();
  const service = await startService({ settings, logger, persistent: true });
  const stdio = serveStdio(mcpServerFactory({ execute: service.app.execute, maxResultBytes: settings.mcpMaxResultBytes, logger }, tools), {
    onerror: (e) => logger.warn({ err: e }, 'mcp stdio error'),
  });
  logger.info({ tools: tools.tools.map((t) => t.op.toolName) }, 'mcp server ready on stdio');

  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'shutting down');
    stdio
      .close()
      .catch(() => undefined)
      .then(() => service.stop())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          logger.error({ err: e }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  // The host closes our stdin when it is done with us (the MCP stdio binding): stop then.
  process.stdin.once('end', () => shutdown('stdin closed'));
  process.stdin.once('close', () => shutdown('stdin closed'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}, [SeedValidationError]);
