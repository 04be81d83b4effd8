// The API reference at GET /docs: served offline with its CSP, complete (every Query field and every
// type of the SDL, the README's example queries), and its staleness check.
import { readFile } from 'node:fs/promises';
import { buildASTSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentInputs, readmeGraphqlExamples, REFERENCE_FILE, renderReference, staleness, type SdlFile } from '../scripts/build-docs.js';
import { DOCS_CSP } from '../src/http/routes/docs.js';
import type { RunningService } from '../src/server.js';
import { startTestService } from './support/neo4j.js';

let svc: RunningService;
let base: string;
let files: SdlFile[];
let readme: string;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(async () => {
  svc = await startTestService();
  base = svc.url.replace(/\/graphql$/, '');
  ({ files, readme } = await currentInputs());
});
afterAll(async () => {
  await svc?.stop();
});

describe('GET /docs', () => {
  it('is the reference page, as HTML, with a CSP that lets it load only from this server', async () => {
    for (const path of ['/docs', '/docs/']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(DOCS_CSP);
      expect(DOCS_CSP).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toBe(await readFile(REFERENCE_FILE, 'utf8'));
    }
  });

  it('loads no asset from anywhere but this server, and has no script', async () => {
    const html = await (await fetch(`${base}/docs`)).text();
    const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(100);
    const foreign = urls.filter((u) => /^(?:[a-z]+:)?\/\//i.test(u) && !u.startsWith(base));
    expect(foreign).toEqual([]);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/@import|url\(/);
    // Its one stylesheet is served here, and uses no font or image from elsewhere.
    expect(html).toContain('<link rel="stylesheet" href="/docs/style.css">');
    const css = await fetch(`${base}/docs/style.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).not.toMatch(/https?:|@import|url\(/);
  });

  it('holds every Query field and every type of the schema, with its anchor', async () => {
    const html = await (await fetch(`${base}/docs`)).text();
    const schema = buildASTSchema(parse(files.map((f) => f.sdl).join('\n')));
    const queryFields = Object.keys(schema.getQueryType()!.getFields());
    expect(queryFields.length).toBeGreaterThan(20);
    for (const f of queryFields) expect(html, `Query.${f}`).toContain(`id="Query.${f}"`);
    const types = Object.keys(schema.getTypeMap()).filter((t) => !t.startsWith('__'));
    expect(types.length).toBeGreaterThan(80);
    for (const t of types) expect(html, t).toContain(`id="${t}"`);
    // Every link to an anchor lands on one.
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(html, m[1]).toContain(`id="${m[1]}"`);
  });

  it("shows the README's example queries under their headings", async () => {
    const html = await (await fetch(`${base}/docs`)).text();
    const examples = readmeGraphqlExamples(readme);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.map((e) => e.title)).toContain('Which practices address the challenge we face?');
    for (const e of examples) {
      expect(html).toContain(escapeHtml(e.query));
      expect(html).toContain(`<h3>${escapeHtml(e.title)}</h3>`);
    }
  });

  it('answers 404 for any other path under /docs/', async () => {
    for (const path of ['/docs/nope.html', '/docs/../package.json', '/docs/reference/index.html']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('the staleness check', () => {
  it('passes on the committed page', async () => {
    expect(staleness(files, readme, await readFile(REFERENCE_FILE, 'utf8'))).toBeNull();
  });

  it('fails when a description of the SDL changes', () => {
    const written = renderReference(files, readme);
    expect(staleness(files, readme, written)).toBeNull();
    const changed = files.map((f) =>
      f.name === 'common.graphql' ? { ...f, sdl: f.sdl.replace('"Relay-style pagination state."', '"Where a page stands in its list."') } : f,
    );
    expect(changed.map((f) => f.sdl)).not.toEqual(files.map((f) => f.sdl));
    expect(staleness(changed, readme, written)).toMatch(/stale/);
    expect(renderReference(changed, readme)).toContain('Where a page stands in its list.');
  });

  it('fails when an example of README.md changes, and when the page is missing', () => {
    const written = renderReference(files, readme);
    expect(staleness(files, readme.replace('query DashboardCounts {', 'query DashboardTotals {'), written)).toMatch(/stale/);
    expect(staleness(files, readme, null)).toMatch(/missing/);
  });
});
