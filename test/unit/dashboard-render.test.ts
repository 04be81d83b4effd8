// The dashboard's render (examples/dashboard/render.ts) on tiny hand-made typed results: the counts it
// derives, the order of the top practices, and HTML escaping of every piece of data.
import { describe, expect, it } from 'vitest';
import type { DashboardCoverageQuery, DashboardTopPracticesQuery } from '../../examples/dashboard/generated/graphql.js';
import { escapeHtml, renderDashboard, summarizeCoverage, type DashboardData } from '../../examples/dashboard/render.js';
import { markupProblems, pageCounts, pageDerivations, pageTopPractices } from '../support/dashboard-page.js';

const HOSTILE = `<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>`;

const coverage: DashboardCoverageQuery = {
  stats: {
    entities: 9,
    relations: 12,
    datasetVersion: '2026-01-01+<v>',
    byKind: [
      { kind: 'PRACTICE', count: 3 },
      { kind: 'TOOL', count: 4 },
    ],
  },
  coverage: {
    tools: [{ id: 'tool:a' }, { id: 'tool:b' }],
    practices: [
      { id: 'practice:p1', name: HOSTILE, categories: [{ node: { id: 'category:c1', name: 'Monitoring & <b>alerts</b>' } }] },
      { id: 'practice:p2', name: 'Plain', categories: [{ node: { id: 'category:c1', name: 'Monitoring & <b>alerts</b>' } }, { node: { id: 'category:c2', name: 'Another' } }] },
      { id: 'practice:p3', name: 'Lonely "practice"', categories: [] },
    ],
    cells: [
      { tool: { id: 'tool:a' }, practice: { id: 'practice:p1' }, direct: true, confidence: 'STATED', derivation: 'DIRECT' },
      { tool: { id: 'tool:b' }, practice: { id: 'practice:p1' }, direct: false, confidence: 'INFERRED', derivation: 'VIA_CATALOGUE_SECTION' },
      { tool: { id: 'tool:b' }, practice: { id: 'practice:p2' }, direct: false, confidence: 'STATED', derivation: 'VIA_COMPONENT' },
    ],
    uncoveredPractices: [{ id: 'practice:p3', name: 'Lonely "practice"' }],
  },
};

const topPractices: DashboardTopPracticesQuery = {
  challenge: { id: 'challenge:c', kind: 'CHALLENGE', name: 'Seeing </h2> things', summary: 'A <summary> & more' },
  practicesAddressing: [
    {
      practice: { id: 'practice:p2', name: 'Plain' },
      score: 1210.5,
      confidence: 'STATED',
      strength: 'DIRECT',
      sourceCount: 1,
      statementCount: 1,
      citations: [{ locator: '§1 <p.2>', confidence: 'STATED', source: { id: 'source:s', name: 'Source "S" & co' } }],
    },
    {
      practice: { id: 'practice:p1', name: HOSTILE },
      score: 10.666666666666666,
      confidence: 'INFERRED',
      strength: 'WEAK',
      sourceCount: 1,
      statementCount: 2,
      citations: [],
    },
  ],
};

const data: DashboardData = { coverage, topPractices, challengeId: 'challenge:c' };

describe('dashboard render', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('plain – text §4')).toBe('plain – text §4');
  });

  it('summarizes the coverage: counts, stated and derived cells, categories, gaps', () => {
    const s = summarizeCoverage(coverage);
    expect(s).toMatchObject({
      entities: 9,
      relations: 12,
      toolsInGraph: 4,
      practicesInGraph: 3,
      toolsWithCells: 2,
      practices: 3,
      cells: 3,
      directCells: 1,
      derivedCells: 2,
      statedCells: 2,
      inferredCells: 1,
      coveredPractices: 2,
      uncoveredPractices: [{ id: 'practice:p3', name: 'Lonely "practice"' }],
    });
    expect(s.byDerivation).toEqual([
      { derivation: 'DIRECT', count: 1 },
      { derivation: 'VIA_COMPONENT', count: 1 },
      { derivation: 'VIA_PRINCIPLE', count: 0 },
      { derivation: 'VIA_PART', count: 0 },
      { derivation: 'VIA_CATALOGUE_SECTION', count: 1 },
      { derivation: 'VIA_COMPONENT_AND_PRINCIPLE', count: 0 },
    ]);
    // By name; the practices in no category last.
    expect(s.categories).toEqual([
      { id: 'category:c2', name: 'Another', practices: 1, covered: 1, uncovered: 0 },
      { id: 'category:c1', name: 'Monitoring & <b>alerts</b>', practices: 2, covered: 2, uncovered: 0 },
      { id: null, name: '(no category)', practices: 1, covered: 0, uncovered: 1 },
    ]);
  });

  it('renders the counts, the top practices in the order given with their scores, and no markup from data', () => {
    const html = renderDashboard(data, { apiUrl: 'http://x/graphql?a=1&b=<2>', generatedAt: '2026-01-01T00:00:00.000Z' });
    expect(pageCounts(html)).toEqual({
      entities: 9,
      relations: 12,
      tools: 4,
      'tools-with-cells': 2,
      practices: 3,
      'covered-practices': 2,
      'uncovered-practices': 1,
      cells: 3,
      'direct-cells': 1,
      'derived-cells': 2,
      'stated-cells': 2,
      'inferred-cells': 1,
    });
    expect(pageDerivations(html)).toMatchObject({ DIRECT: 1, VIA_COMPONENT: 1, VIA_CATALOGUE_SECTION: 1 });
    expect(pageTopPractices(html)).toEqual([
      { id: 'practice:p2', score: 1210.5 },
      { id: 'practice:p1', score: 10.666666666666666 },
    ]);
    expect(html).toContain('<td class="score">10.67</td>');
    expect(markupProblems(html)).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('Source &quot;S&quot; &amp; co, §1 &lt;p.2&gt;');
    expect(html).toContain('Seeing &lt;/h2&gt; things');
    expect(html).toContain('http://x/graphql?a=1&amp;b=&lt;2&gt;');
  });

  it('the markup check catches what an unescaped render would let through', () => {
    const html = renderDashboard(data);
    expect(markupProblems(html.replace(escapeHtml(HOSTILE), HOSTILE))).not.toEqual([]);
    expect(markupProblems(html.replace('Source &quot;S&quot; &amp; co', 'Source "S" & co'))).not.toEqual([]);
  });

  it('says so when nothing addresses the challenge or the id names no entity', () => {
    const html = renderDashboard({ ...data, challengeId: 'challenge:<gone>', topPractices: { challenge: null, practicesAddressing: [] } });
    expect(html).toContain('Top practices for <code>challenge:&lt;gone&gt;</code>');
    expect(html).toContain('No road of the ontology links a practice to this challenge.');
    expect(pageTopPractices(html)).toEqual([]);
    expect(markupProblems(html)).toEqual([]);
  });
});
