// The explorer page and GraphiQL of issue 7 (docs/explorer.md), first over plain HTTP (routing,
// content types, the CSP), then in headless Chromium from Debian (/usr/bin/chromium) driven by
// playwright-core: the heatmap, a cell's citations, gaps revealed by filtering tools, a challenge's
// ranked practices, a recommended stack, and GraphiQL with the README's examples as tabs. Every
// expectation comes from the API or the seed. Every request the pages make is intercepted: one to
// any other origin fails the test. Screenshots go to test-results/explorer/; with
// UPDATE_DOCS_SCREENSHOT=1 the heatmap one also replaces docs/explorer.png.
//
// Without /usr/bin/chromium the browser tests are skipped with a message saying how to install it,
// except in CI (process.env.CI set), where a missing Chromium fails the run (.ci/run installs it).
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWeb, type BuildResult } from '../scripts/build-web.js';
import type { Db } from '../src/neo4j/driver.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { loadDataset } from '../src/seed/loader.js';
import { gql, openTestDb, SEED_DIR, startTestService } from './support/neo4j.js';
import { fewAtATime } from './support/pool.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const HAS_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'explorer');
const INSTALL_HINT = `${CHROMIUM} is missing: install Debian's Chromium with \`apt-get update && apt-get install -y chromium\``;

let service: RunningService;
let base: string;
let db: Db;
let web: BuildResult;

beforeAll(async () => {
  // Fresh bundles (skipped when dist/web/ is up to date), whatever ran before.
  web = await buildWeb();
  db = await openTestDb();
  // Test files share one database: start from exactly the real seed.
  await loadDataset(db, await loadSeedDataset(SEED_DIR), { prune: true });
  service = await startTestService();
  base = service.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await service?.stop();
  await db?.close();
});

async function api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(service.url, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

// ---- over plain HTTP ----------------------------------------------------------------------------

describe('the pages over HTTP', () => {
  it('GET / is the explorer page, its assets served from this server with a CSP that allows nothing else', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('#'));
    expect(assets).toEqual(expect.arrayContaining([`/${web.entries.explorer!.js}`, ...web.entries.explorer!.css.map((c) => `/${c}`)]));
    // Nothing but this server's own paths (no CDN, no font service).
    for (const u of assets) expect(u).toMatch(/^\/(?!\/)/);
    for (const u of assets.filter((a) => a.startsWith('/assets/'))) {
      const a = await fetch(`${base}${u}`);
      expect(a.status).toBe(200);
      expect(a.headers.get('content-type')).toMatch(u.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(a.headers.get('cache-control')).toContain('immutable');
      const body = await a.text();
      expect(body).not.toMatch(/https?:\/\/(fonts\.googleapis|fonts\.gstatic|unpkg|cdn\.jsdelivr|cdnjs)/);
    }
  });

  it('unknown or malformed asset names are 404', async () => {
    for (const u of ['/assets/nope-AAAAAAAA.js', '/assets/../package.json', '/assets/%2e%2e/package.json', '/assets/']) {
      expect((await fetch(`${base}${u}`)).status).toBe(404);
    }
  });

  it('GET /graphql asking for HTML is GraphiQL; queries still reach Apollo', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(`/${web.entries.graphiql!.js}`);
    expect(html).toContain('id="graphiql"');

    // GET with a query goes to Apollo, even from a browser that accepts HTML.
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ stats { entities } }')}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { stats: { entities: number } } }).data.stats.entities).toBeGreaterThan(0);

    // POST goes to Apollo.
    const post = await gql<{ stats: { entities: number } }>(service.url, '{ stats { entities } }');
    expect(post.status).toBe(200);
    expect(post.body.data!.stats.entities).toBeGreaterThan(0);

    // A GET without HTML in Accept is not GraphiQL either.
    const json = await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('the GraphiQL tabs are the README\'s "A first query" examples plus the three analysis queries', () => {
    const names = web.examples.map((e) => (parse(e.query).definitions[0] as OperationDefinitionNode).name?.value);
    expect(names.slice(0, 2)).toEqual(['ReadmeSources', 'ReadmeChallenge']);
    const bodies = web.examples.map((e) => e.query).join('\n');
    for (const field of ['practicesAddressing', 'coverage', 'recommendStack']) expect(bodies).toContain(`${field}(`);
  });
});

// ---- in Chromium --------------------------------------------------------------------------------

if (!HAS_CHROMIUM && IN_CI) {
  describe('Chromium', () => {
    it('is installed in CI (.ci/run installs it)', () => {
      throw new Error(INSTALL_HINT);
    });
  });
}
if (!HAS_CHROMIUM && !IN_CI) console.warn(`[explorer.browser.test] skipping the browser tests: ${INSTALL_HINT}`);

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? 'the explorer in headless Chromium' : `the explorer in headless Chromium (skipped: ${INSTALL_HINT})`, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let offsite: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    offsite = [];
    pageErrors = [];
    // bypassCSP: the page's Content-Security-Policy (checked over HTTP above) would block an off-site
    // request before it is made; without it, every request the page attempts reaches the route below.
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    // Every request of every page: this server's are let through, any other is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === base) return route.continue();
      offsite.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });
  afterEach(async () => {
    await context?.close();
  });

  /** The page asked for nothing outside the server and raised no error. */
  function expectSelfContained(): void {
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  }

  interface ApiCell {
    tool: { id: string; name: string };
    practice: { id: string; name: string };
    level: string;
    direct: boolean;
    citations: { locator: string; source: { id: string } }[];
  }

  /** The reviews' sources: the heatmap shows the tools they name unless asked for the catalogue's. */
  // The papers: the explorer's "reviews and studies" filter shows the tools any of them names.
  const REVIEWS = ['source:eken2024', 'source:kreuzberger2022', 'source:bayram2024', 'source:shankar2022', 'source:amershi2019', 'source:sculley2015'];

  async function coverage(toolIds?: string[], toolSourceIds: string[] = REVIEWS) {
    return (
      await api<{ coverage: { tools: { id: string; name: string }[]; practices: { id: string; name: string }[]; cells: ApiCell[]; uncoveredPractices: { id: string }[] } }>(
        `query($toolIds: [ID!], $sources: [ID!]) { coverage(toolIds: $toolIds, toolSourceIds: $sources) {
          tools { id name } practices { id name } uncoveredPractices { id }
          cells { tool { id name } practice { id name } level direct citations { locator source { id } } } } }`,
        { toolIds, sources: toolSourceIds },
      )
    ).coverage;
  }

  async function openExplorer(hash = ''): Promise<void> {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('body[data-ready="true"]');
  }

  it('shows the coverage heatmap: one button per cell of the coverage query, stated and derived cells distinct', async () => {
    const cov = await coverage();
    await openExplorer();
    await page.waitForSelector('#heatmap-table button.cell');
    // (Browser-side code: the DOM is reached through globalThis, the root tsconfig has no DOM library.)
    const shown = await page.$$eval('#heatmap-table button.cell', (bs) => {
      const style = (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundImage: string; backgroundColor: string } }).getComputedStyle;
      return bs.map((b) => [b.getAttribute('data-tool'), b.getAttribute('data-practice'), b.getAttribute('data-level'), b.classList.contains('derived'), style(b).backgroundImage + style(b).backgroundColor]);
    });
    expect(shown.map(([t, p, l, d]) => [t, p, l, d]).sort()).toEqual(cov.cells.map((c) => [c.tool.id, c.practice.id, c.level, !c.direct]).sort());
    // Every practice of the query is a column, every tool a row.
    expect(await page.$$eval('th.practice-head', (ths) => ths.map((th) => th.getAttribute('data-practice')).sort())).toEqual(cov.practices.map((p) => p.id).sort());
    expect(await page.$$eval('tr.tool-row', (trs) => trs.map((tr) => tr.getAttribute('data-tool')).sort())).toEqual(cov.tools.map((t) => t.id).sort());
    // Stated and derived cells look different (the seed has both).
    const looks = (derived: boolean) => new Set(shown.filter((s) => s[3] === derived).map((s) => s[4]));
    expect(looks(true).size).toBeGreaterThan(0);
    expect(looks(false).size).toBeGreaterThan(0);
    for (const l of looks(true)) expect(looks(false).has(l)).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'heatmap.png') });
    // Products by default (coverage's default); every tool type on demand.
    const every = (
      await api<{ coverage: { cells: { tool: { id: string }; practice: { id: string } }[] } }>(
        'query($sources: [ID!]) { coverage(toolTypes: [], toolSourceIds: $sources) { cells { tool { id } practice { id } } } }',
        { sources: REVIEWS },
      )
    ).coverage;
    expect(every.cells.length).toBeGreaterThan(cov.cells.length);
    await page.selectOption('#hm-types', 'ALL');
    await expect.poll(() => page.locator('#heatmap-table button.cell').count(), { timeout: 30_000 }).toBe(every.cells.length);
    expectSelfContained();
  });

  it('opens a heatmap cell: hover shows its citations, a click (or Enter) pins them with the paths behind it', async () => {
    const cov = await coverage();
    const derived = cov.cells.find((c) => !c.direct && c.citations.length >= 2)!;
    expect(derived).toBeDefined();
    await openExplorer();
    const cell = page.locator(`button.cell[data-tool="${derived.tool.id}"][data-practice="${derived.practice.id}"]`);
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    const tooltip = page.locator('#hm-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const tip = await tooltip.innerText();
    expect(tip).toContain(derived.tool.name);
    expect(tip).toContain(derived.citations[0]!.locator);

    await cell.click();
    const details = page.locator('#hm-details');
    await page.waitForSelector('#hm-cell-paths li.path');
    const text = await details.innerText();
    expect(text).toContain(derived.tool.name);
    expect(text).toContain(derived.practice.name);
    expect(text).toContain(derived.level);
    for (const c of derived.citations) expect(text).toContain(c.locator);
    expect(await details.locator('ul.citations > li').count()).toBe(derived.citations.length);
    // The derivation: each path runs from the tool to the practice.
    for (const p of await details.locator('li.path').allInnerTexts()) {
      expect(p.startsWith(derived.tool.name)).toBe(true);
      expect(p.endsWith(derived.practice.name)).toBe(true);
    }
    await page.mouse.move(5, 5);
    await page.screenshot({ path: path.join(SHOTS, 'heatmap-cell.png') });
    if (process.env.UPDATE_DOCS_SCREENSHOT) await copyFile(path.join(SHOTS, 'heatmap-cell.png'), path.join(PROJECT_ROOT, 'docs', 'explorer.png'));

    // Keyboard: the pinned cell is in the tab order; arrows move to the next cell; Enter pins it.
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    const focused = [await page.locator(':focus').getAttribute('data-tool'), await page.locator(':focus').getAttribute('data-practice')];
    const sameRow = cov.cells.filter((c) => c.tool.id === derived.tool.id).map((c) => c.practice.id);
    if (focused[0] === derived.tool.id) {
      expect(sameRow).toContain(focused[1]);
      await page.keyboard.press('Enter');
      const next = cov.cells.find((c) => c.tool.id === focused[0] && c.practice.id === focused[1])!;
      await expect.poll(() => details.innerText()).toContain(next.practice.name);
    } else {
      // The only cell of its row: the focus stays.
      expect(focused).toEqual([derived.tool.id, derived.practice.id]);
    }
    expectSelfContained();
  });

  it('filtering the tools reveals gaps, the same as coverage(toolIds:) reports', async () => {
    const cov = await coverage();
    // A filter that keeps some tools but not all and leaves gaps: the most common 3-letter piece of
    // the tool names for which coverage(toolIds: <the tools it keeps>) has uncovered practices.
    const counts = new Map<string, number>();
    for (const t of cov.tools) for (const piece of new Set(t.name.toLowerCase().match(/[a-z]{3}/g) ?? [])) counts.set(piece, (counts.get(piece) ?? 0) + 1);
    const candidates = [...counts.entries()].filter(([, n]) => n > 1 && n < cov.tools.length / 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    let text = '';
    let filtered: Awaited<ReturnType<typeof coverage>> | undefined;
    for (const [piece] of candidates.slice(0, 20)) {
      const result = await coverage(cov.tools.filter((t) => t.name.toLowerCase().includes(piece)).map((t) => t.id));
      if (result.uncoveredPractices.length > 0) {
        text = piece;
        filtered = result;
        break;
      }
    }
    if (!filtered) throw new Error('no tool-name filter leaves a gap: the test needs one');

    await openExplorer();
    await page.waitForSelector('#heatmap-table');
    expect(await page.locator('#hm-gaps li').count()).toBe(cov.uncoveredPractices.length);
    await page.fill('#hm-tool-filter', text);
    await expect.poll(() => page.locator('#hm-gaps li').count()).toBe(filtered.uncoveredPractices.length);
    expect((await page.$$eval('#hm-gaps li', (lis) => lis.map((li) => li.getAttribute('data-practice')))).sort()).toEqual(filtered.uncoveredPractices.map((p) => p.id).sort());
    expect((await page.$$eval('th.practice-head.gap', (ths) => ths.map((th) => th.getAttribute('data-practice')))).sort()).toEqual(filtered.uncoveredPractices.map((p) => p.id).sort());

    // Stated support only: the gaps are the practices with no stated cell among those tools.
    await page.selectOption('#hm-support', 'direct');
    const stated = new Set(filtered.cells.filter((c) => c.direct).map((c) => c.practice.id));
    const statedGaps = filtered.practices.filter((p) => !stated.has(p.id)).map((p) => p.id).sort();
    await expect.poll(async () => (await page.$$eval('#hm-gaps li', (lis) => lis.map((li) => li.getAttribute('data-practice')))).sort()).toEqual(statedGaps);
    await page.screenshot({ path: path.join(SHOTS, 'heatmap-gaps.png') });
    expectSelfContained();
  });

  it('picks a challenge and lists its practices in the ranked order of practicesAddressing, each with its citations', async () => {
    const { challenges } = await api<{ challenges: { nodes: { id: string; name: string }[] } }>('{ challenges(first: 100) { nodes { id name } } }');
    // The challenge with the most addressing practices, both direct and indirect ones.
    const ranked = await fewAtATime(challenges.nodes, async (c) => ({
        challenge: c,
        practices: (
          await api<{ practicesAddressing: { practice: { id: string; name: string }; direct: boolean; citations: { locator: string }[] }[] }>(
            'query($id: ID!) { practicesAddressing(challengeId: $id, first: 100) { practice { id name } direct citations { locator } } }',
            { id: c.id },
          )
        ).practicesAddressing,
    }));
    const mixed = ranked.filter((r) => r.practices.some((p) => p.direct) && r.practices.some((p) => !p.direct));
    const pick = mixed.sort((a, b) => b.practices.length - a.practices.length || (a.challenge.id < b.challenge.id ? -1 : 1))[0]!;
    expect(pick).toBeDefined();

    await openExplorer();
    // Keyboard: from the first tab, ArrowRight selects the challenge view.
    await page.focus('#tab-heatmap');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getAttribute('#tab-challenges', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#panel-challenges')).toBe(true);
    await page.selectOption('#challenge-select', pick.challenge.id);
    await page.waitForSelector('#ranked-practices li.ranked-practice');
    const items = page.locator('#ranked-practices > li.ranked-practice');
    expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-practice')))).toEqual(pick.practices.map((p) => p.practice.id));
    for (const [i, p] of pick.practices.entries()) {
      const li = items.nth(i);
      expect(await li.locator('.practice-name').innerText()).toBe(p.practice.name);
      const citations = li.locator('ul.citations > li');
      expect(await citations.count()).toBe(p.citations.length);
      const text = await li.innerText();
      for (const c of p.citations) expect(text).toContain(c.locator);
      expect(await li.locator('.badge.direct').count()).toBe(p.direct ? 1 : 0);
    }
    await page.screenshot({ path: path.join(SHOTS, 'challenge.png') });
    expectSelfContained();
  });

  it('recommends a stack: the tools recommendStack picks, what stays uncovered, and those tools in the heatmap', async () => {
    const { challenges } = await api<{ challenges: { nodes: { id: string }[] } }>('{ challenges(first: 100) { nodes { id } } }');
    // Two challenges whose stack of at most 2 tools leaves something uncovered, if any pair does.
    const ids = challenges.nodes.map((c) => c.id);
    type Stack = { recommendStack: { tools: { id: string }[]; uncoveredPractices: { id: string }[]; coverableByTools: { id: string }[]; organisational: { id: string }[]; coverageRatio: number } };
    let chosen: { ids: string[]; stack: Stack['recommendStack'] } | undefined;
    for (let i = 0; i < ids.length && !chosen; i++) {
      const pair = [ids[i]!, ids[(i + 1) % ids.length]!];
      const stack = (await api<Stack>('query($ids: [ID!]!) { recommendStack(challengeIds: $ids, maxTools: 2) { tools { id } uncoveredPractices { id } coverableByTools { id } organisational { id } coverageRatio } }', { ids: pair })).recommendStack;
      if (stack.tools.length > 0 && stack.uncoveredPractices.length > 0) chosen = { ids: pair, stack };
    }
    expect(chosen).toBeDefined();

    await openExplorer('#stack');
    for (const id of chosen!.ids) await page.check(`input[name="stack-challenge"][value="${id}"]`);
    await page.fill('#stack-max', '2');
    await page.click('#stack-run');
    await page.waitForSelector('#stack-ratio');
    expect(await page.$$eval('#stack-tools > li', (lis) => lis.map((li) => li.getAttribute('data-tool')))).toEqual(chosen!.stack.tools.map((t) => t.id));
    expect((await page.$$eval('#stack-uncovered > li', (lis) => lis.map((li) => li.getAttribute('data-practice')))).sort()).toEqual(chosen!.stack.coverableByTools.map((p) => p.id).sort());
    expect((await page.$$eval('#stack-organisational > li', (lis) => lis.map((li) => li.getAttribute('data-practice')))).sort()).toEqual(chosen!.stack.organisational.map((p) => p.id).sort());
    expect(await page.innerText('#stack-ratio')).toContain(`${Math.round(chosen!.stack.coverageRatio * 100)}%`);
    await page.screenshot({ path: path.join(SHOTS, 'stack.png') });

    await page.click('#stack-to-heatmap');
    await expect.poll(() => page.getAttribute('#tab-heatmap', 'aria-selected')).toBe('true');
    await page.waitForSelector('#heatmap-table');
    expect((await page.$$eval('tr.tool-row', (trs) => trs.map((tr) => tr.getAttribute('data-tool')))).sort()).toEqual(chosen!.stack.tools.map((t) => t.id).sort());
    expectSelfContained();
  });

  it('searches as people type: the hits of the search query, then the entity page with each source\'s words and its relations, all linked', async () => {
    await openExplorer();
    await page.fill('#search-input', 'kubeflo');
    await page.waitForSelector('#search-results li[role="option"]');
    const expected = (await api<{ search: { entity: { id: string } }[] }>('{ search(text: "kubeflo", first: 8) { entity { id } } }')).search.map((h) => h.entity.id);
    expect(await page.$$eval('#search-results li[role="option"]', (lis) => lis.map((li) => li.getAttribute('data-id')))).toEqual(expected);
    expect(expected[0]).toBe('tool:kubeflow');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#entity-page[data-entity="tool:kubeflow"]');
    expect(await page.innerText('#entity-name')).toBe('Kubeflow');
    const { entity } = await api<{ entity: { descriptions: { source: { id: string } }[]; links: { node: { id: string } }[] } }>(
      '{ entity(id: "tool:kubeflow") { descriptions { source { id } } links(first: 100) { node { id } } } }',
    );
    expect(entity.descriptions.length).toBeGreaterThan(1);
    expect(await page.$$eval('#entity-descriptions > li', (lis) => lis.map((li) => li.getAttribute('data-source')))).toEqual(entity.descriptions.map((d) => d.source.id));
    expect((await page.$$eval('#entity-relations a', (as) => as.map((a) => a.getAttribute('data-id')))).sort()).toEqual(entity.links.map((l) => l.node.id).sort());
    await page.screenshot({ path: path.join(SHOTS, 'entity.png') });
    // A relation's other end opens its own page.
    const target = entity.links[0]!.node.id;
    await page.click(`#entity-relations a[data-id="${target}"]`);
    await page.waitForSelector(`#entity-page[data-entity="${target}"]`);
    expectSelfContained();
  });

  it('says "no evidence" where there is none, and the stated-only switches show only what sources state at every hop', async () => {
    const { challenges } = await api<{ challenges: { nodes: { id: string }[] } }>('{ challenges(first: 100) { nodes { id } } }');
    const counts = await fewAtATime(challenges.nodes, async (c) => {
        const all = await api<{ practicesAddressing: { confidence: string }[] }>('query($id: ID!) { practicesAddressing(challengeId: $id, first: 100) { confidence } }', { id: c.id });
        return { id: c.id, all: all.practicesAddressing.length, stated: all.practicesAddressing.filter((p) => p.confidence === 'STATED').length };
    });
    const inferredOnly = counts.find((c) => c.all > 0 && c.stated === 0);
    const none = counts.find((c) => c.all === 0);
    await openExplorer('#challenges');
    if (inferredOnly) {
      await page.check('#challenge-stated');
      await page.selectOption('#challenge-select', inferredOnly.id);
      await page.waitForSelector('#ranked-empty');
      expect(await page.innerText('#ranked-empty')).toMatch(/^No evidence stated at every hop/);
      await page.uncheck('#challenge-stated');
      await page.waitForSelector('#ranked-practices li.ranked-practice');
      expect(await page.locator('#ranked-practices > li').count()).toBe(inferredOnly.all);
    }
    if (none) {
      await page.click('#tab-stack');
      await page.check(`input[name="stack-challenge"][value="${none.id}"]`);
      await page.click('#stack-run');
      await page.waitForSelector('#stack-ratio');
      expect(await page.innerText('#stack-ratio')).toMatch(/^No evidence/);
      expect(await page.innerText('#stack-ratio')).not.toContain('100%');
    }
    expect(inferredOnly ?? none).toBeDefined();

    // The heatmap: stated-only shows exactly the cells whose best path is stated at every hop.
    const { coverage: all } = await api<{ coverage: { cells: { confidence: string }[] } }>('query($s: [ID!]) { coverage(toolSourceIds: $s) { cells { confidence } } }', { s: REVIEWS });
    await page.click('#tab-heatmap');
    await page.waitForSelector('#heatmap-table');
    await page.selectOption('#hm-support', 'all');
    await page.uncheck('#hm-hide-empty');
    await page.check('#hm-stated');
    await expect.poll(() => page.locator('button.cell').count()).toBe(all.cells.filter((c) => c.confidence === 'STATED').length);
    expect(await page.locator('button.cell[data-confidence="INFERRED"]').count()).toBe(0);
    await page.uncheck('#hm-stated');
    await expect.poll(() => page.locator('button.cell').count()).toBe(all.cells.length);
    // Derived cells look apart from stated ones.
    expect(await page.locator('button.cell.derived').count()).toBe(await page.locator('button.cell:not(.direct)').count());
    expectSelfContained();
  });

  it('shows the catalogue\'s hundreds of tools page by page, and only the tools the chosen sources name', async () => {
    const catalogue = await coverage(undefined, ['source:awesome-production-ml', 'source:awesome-llmops']);
    expect(catalogue.tools.length).toBeGreaterThan(150);
    await openExplorer();
    await page.waitForSelector('#heatmap-table');
    await page.selectOption('#hm-source', 'catalogue');
    await expect.poll(() => page.locator('tr.tool-row').count()).toBe(150);
    expect(await page.innerText('#hm-rows')).toContain(`of ${catalogue.tools.length} tools`);
    await page.click('#hm-more-rows');
    await expect.poll(() => page.locator('tr.tool-row').count()).toBe(Math.min(300, catalogue.tools.length));
    // "Show all" is there only while some rows are still hidden.
    if (catalogue.tools.length > 300) await page.click('#hm-all-rows');
    else expect(await page.locator('#hm-all-rows').count()).toBe(0);
    await expect.poll(() => page.locator('tr.tool-row').count()).toBe(catalogue.tools.length);
    expect((await page.$$eval('tr.tool-row', (trs) => trs.map((tr) => tr.getAttribute('data-tool')))).sort()).toEqual(catalogue.tools.map((t) => t.id).sort());
    // The gaps count every tool the filters keep, drawn or not.
    expect(await page.locator('#hm-gaps li').count()).toBe(catalogue.uncoveredPractices.length);
    await page.screenshot({ path: path.join(SHOTS, 'heatmap-catalogue.png') });
    expectSelfContained();
  });

  it('both pages work under their own Content-Security-Policy (a violation is a console error)', async () => {
    const strict = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const errors: string[] = [];
      const blocked: string[] = [];
      await strict.route('**/*', (route) => {
        if (new URL(route.request().url()).origin === base) return route.continue();
        blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      const p = await strict.newPage();
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await p.goto(`${base}/`);
      await p.waitForSelector('#heatmap-table button.cell');
      await p.locator('#heatmap-table button.cell').first().click();
      await p.waitForSelector('#hm-cell-paths li.path');
      await p.goto(`${base}/graphql`);
      await p.waitForSelector('.graphiql-container');
      await p.click('.graphiql-execute-button');
      await expect.poll(() => p.locator('.graphiql-response').innerText(), { timeout: 15_000 }).toContain('source:');
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('serves GraphiQL offline with the README examples as tabs, and runs the first one', async () => {
    await page.goto(`${base}/graphql`);
    await page.waitForSelector('.graphiql-container');
    const names = web.examples.map((e) => (parse(e.query).definitions[0] as OperationDefinitionNode).name!.value);
    await expect.poll(() => page.locator('.graphiql-tab').allInnerTexts()).toEqual(names);
    const { sources } = await api<{ sources: { nodes: { id: string }[] } }>('{ sources { nodes { id } } }');
    await page.click('.graphiql-execute-button');
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain(sources.nodes[0]!.id);
    // The response pane draws only the lines in view: the first few sources are enough to see it ran.
    for (const s of sources.nodes.slice(0, 3)) expect(await response.innerText()).toContain(s.id);
    await page.screenshot({ path: path.join(SHOTS, 'graphiql.png') });
    expectSelfContained();
  });

  it('starts from a problem in words: the challenges problems() names, then ranked practices with why', async () => {
    const text = 'we retrain models over and over as new data arrives';
    const { problems } = await api<{ problems: { challenge: { id: string } }[] }>('query($t: String!) { problems(text: $t, first: 5) { challenge { id } } }', { t: text });
    expect(problems.length).toBeGreaterThan(0);
    await openExplorer('#challenges');
    await page.fill('#problem-text', text);
    await page.click('#problem-run');
    await page.waitForSelector('#problem-matches li');
    expect(await page.$$eval('#problem-matches > li', (lis) => lis.map((li) => li.getAttribute('data-challenge')))).toEqual(problems.map((p) => p.challenge.id));
    // The first challenge with practices: pick it from the matches, see the ranked practices and their why.
    let picked: { id: string; ranked: { practice: { id: string }; why: string }[] } | undefined;
    for (const m of problems) {
      const r = await api<{ practicesAddressing: { practice: { id: string }; why: string }[] }>('query($c: ID!) { practicesAddressing(challengeId: $c, first: 100) { practice { id } why } }', { c: m.challenge.id });
      if (r.practicesAddressing.length > 0) {
        picked = { id: m.challenge.id, ranked: r.practicesAddressing };
        break;
      }
    }
    expect(picked).toBeDefined();
    await page.click(`#problem-matches li[data-challenge="${picked!.id}"] button`);
    await page.waitForSelector('#ranked-practices li.ranked-practice');
    expect(await page.$$eval('#ranked-practices .why-sentence', (ps) => ps.map((p) => p.textContent))).toEqual(picked!.ranked.map((r) => r.why));
    // Plain words, never a raw code, in the badges.
    for (const b of await page.locator('#ranked-practices .badge').allInnerTexts()) expect(b).not.toMatch(/^[A-Z_]{4,}$/);
    await page.screenshot({ path: path.join(SHOTS, 'problem.png'), fullPage: false });
    expectSelfContained();
  });

  it('counts the tools we run in the stack, never picks them, and shows what is reached only by derivation', async () => {
    const challengeIds = ['challenge:experiment-provenance', 'challenge:observability'];
    type S = { recommendStack: { tools: { id: string; name: string }[]; coveredOnlyThroughDerivation: { id: string }[] } };
    const first = (await api<S>('query($c: [ID!]!) { recommendStack(challengeIds: $c, maxTools: 1) { tools { id name } coveredOnlyThroughDerivation { id } } }', { c: challengeIds })).recommendStack;
    const run = first.tools[0]!;
    const withRun = (await api<S>('query($c: [ID!]!, $h: [ID!]) { recommendStack(challengeIds: $c, haveToolIds: $h) { tools { id name } coveredOnlyThroughDerivation { id } } }', { c: challengeIds, h: [run.id] })).recommendStack;
    await openExplorer('#stack');
    for (const id of challengeIds) await page.check(`input[name="stack-challenge"][value="${id}"]`);
    await page.waitForSelector('input[name="stack-type"][value="PRODUCT"]');
    expect(await page.isChecked('input[name="stack-type"][value="PRODUCT"]')).toBe(true);
    await page.fill('#stack-have-input', run.name);
    await page.click('#stack-have-add');
    await page.waitForSelector(`#stack-have-chips li[data-tool="${run.id}"]`);
    await page.click('#stack-run');
    await page.waitForSelector('#stack-ratio');
    expect(await page.$$eval('#stack-tools > li:not([data-already-run])', (lis) => lis.map((li) => li.getAttribute('data-tool')))).toEqual(withRun.tools.map((t) => t.id));
    expect(await page.getAttribute('#stack-tools > li:first-child', 'data-tool')).toBe(run.id);
    expect(await page.$$eval('#stack-derived-only > li', (lis) => lis.map((li) => li.getAttribute('data-practice')))).toEqual(withRun.coveredOnlyThroughDerivation.map((p) => p.id));
    expectSelfContained();
  });

  it('shows the gaps and compares tools as gaps() and compareTools() answer', async () => {
    const { gaps } = await api<{ gaps: { challengesWithoutPractice: { id: string }[]; practicesWithoutTool: { id: string }[] } }>('{ gaps { challengesWithoutPractice { id } practicesWithoutTool { id } } }');
    await openExplorer('#gaps');
    await page.waitForSelector('input[name="gaps-type"][value="PRODUCT"]');
    await page.click('#gaps-run');
    await page.waitForSelector('#gaps-practices');
    expect(await page.$$eval('#gaps-challenges > li', (lis) => lis.map((li) => li.getAttribute('data-challenge')))).toEqual(gaps.challengesWithoutPractice.map((c) => c.id));
    expect(await page.$$eval('#gaps-practices > li', (lis) => lis.map((li) => li.getAttribute('data-practice')))).toEqual(gaps.practicesWithoutTool.map((p) => p.id));
    const tools = ['tool:mlflow', 'tool:kubeflow'];
    const names = await api<{ a: { name: string }; b: { name: string } }>('{ a: entity(id: "tool:mlflow") { name } b: entity(id: "tool:kubeflow") { name } }');
    const { compareTools } = await api<{ compareTools: { shared: { practice: { id: string } }[] } }>('query($t: [ID!]!) { compareTools(toolIds: $t) { shared { practice { id } } } }', { t: tools });
    for (const n of [names.a.name, names.b.name]) {
      await page.fill('#compare-input', n);
      await page.click('#compare-add');
    }
    await page.click('#compare-run');
    await page.waitForSelector('#compare-shared');
    expect(await page.$$eval('#compare-shared > li', (lis) => lis.map((li) => li.getAttribute('data-practice')))).toEqual(compareTools.shared.map((s) => s.practice.id));
    expect(await page.locator('#compare-shared').innerText()).not.toMatch(/\b(VIA_[A-Z_]+|DERIVED_[A-Z_]+)\b/);
    await page.screenshot({ path: path.join(SHOTS, 'gaps.png'), fullPage: true });
    expectSelfContained();
  });

  it('shows a source page with its authors, year, link and how much of the graph cites it', async () => {
    const { stats } = await api<{ stats: { bySource: { source: { id: string; attributes: { authors?: string[]; year?: number; url?: string } }; relations: number }[] } }>(
      '{ stats { bySource { source { id attributes } relations } } }',
    );
    const s = stats.bySource.find((x) => Array.isArray(x.source.attributes.authors) && x.source.attributes.url)!;
    await openExplorer(`#entity/${encodeURIComponent(s.source.id)}`);
    await page.waitForSelector('#source-facts');
    const facts = await page.innerText('#source-facts');
    expect(facts).toContain(s.source.attributes.authors![0]!);
    expect(facts).toContain(String(s.source.attributes.year));
    expect(await page.getAttribute('#source-facts a', 'href')).toBe(s.source.attributes.url);
    expect(await page.innerText('#source-counts')).toContain(`${s.relations} relation`);
    expectSelfContained();
  });
});
