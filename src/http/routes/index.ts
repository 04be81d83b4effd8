// Every route besides /graphql, in the order they are tried. Add a route module here.
import { healthRoute, readyRoute } from './health.js';
import { metricsRoute } from './metrics.js';
import type { Route } from './types.js';

export const ROUTES: readonly Route[] = [healthRoute, readyRoute, metricsRoute];
