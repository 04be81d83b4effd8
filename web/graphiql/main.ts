// GraphiQL, served by the API at GET /graphql to browsers, bundled by scripts/build-web.ts: no CDN.
// The tabs are the README's "A first query" examples plus web/graphiql/examples.json, injected at
// build time as __GRAPHIQL_EXAMPLES__. Written with createElement (no JSX) so web/ type-checks
// without @types/react (see react-shim.d.ts).
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql.css';

declare const __GRAPHIQL_EXAMPLES__: { query: string; variables?: string }[];

interface FetcherOpts {
  headers?: Record<string, string>;
}

/** POSTs to this server's /graphql (a JSON POST needs no CSRF header). */
async function fetcher(params: unknown, opts?: FetcherOpts): Promise<unknown> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(opts?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 500)}` }] };
  }
}

const tabs = __GRAPHIQL_EXAMPLES__.map((e) => ({ query: e.query, variables: e.variables ?? null }));

const root = document.getElementById('graphiql');
if (!root) throw new Error('no #graphiql element');
createRoot(root).render(
  createElement(
    StrictMode,
    null,
    createElement(
      GraphiQL,
      { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true, shouldPersistHeaders: false },
      createElement(GraphiQL.Logo, null, createElement('a', { href: '/', className: 'mlopskg-home', title: 'Back to the mlops-kg explorer' }, 'mlops-kg')),
    ),
  ),
);
