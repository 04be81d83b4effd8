// GET /graphql from a browser: GraphiQL, bundled locally (scripts/build-web.ts) with the README's
// example queries as tabs. Apollo's own landing page loads from a CDN and fails offline, so it is off.
// Only a GET that asks for HTML and carries no `query` parameter lands here: POST /graphql and
// GET /graphql?query=... still go to Apollo.
import { sendPage } from './explorer.js';
import type { Route } from './types.js';

export const graphiqlRoute: Route = {
  name: '/graphql (GraphiQL)',
  matches: (method, url, req) =>
    url.pathname === '/graphql' &&
    (method === 'GET' || method === 'HEAD') &&
    !url.searchParams.has('query') &&
    /\btext\/html\b/i.test(String(req.headers.accept ?? '')),
  handle: (req, res) => sendPage(req, res, 'graphiql.html'),
};
