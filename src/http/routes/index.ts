// Every route besides /graphql, in the order they are tried. Add a route module here.
import { healthRoute, readyRoute } from './health.js';
import { metricsRoute } from './metrics.js';
import { explorerRoute, webAssetRoute } from './explorer.js';
import { exportIndexRoute, exportRoute } from '../exports/route.js';
import { graphiqlRoute } from './graphiql.js';
import { docsRoute } from './docs.js';
import { mcpRoute } from './mcp.js';
import type { Route } from './types.js';

export const ROUTES: readonly Route[] = [healthRoute, readyRoute, metricsRoute, explorerRoute, webAssetRoute, graphiqlRoute, docsRoute, exportIndexRoute, exportRoute, mcpRoute];
