// Pure functions from the dashboard's typed query results to a static HTML page: no I/O, no clock.
// Every piece of data goes through escapeHtml; numbers through String().
import type { CellDerivation, DashboardCoverageQuery, DashboardTopPracticesQuery } from './generated/graphql.js';

export interface DashboardData {
  coverage: DashboardCoverageQuery;
  topPractices: DashboardTopPracticesQuery;
  /** The challenge asked (shown when the API knows no entity by that id). */
  challengeId: string;
}

export interface RenderOptions {
  /** Where the data came from, shown in the footer. */
  apiUrl?: string;
  /** When the data was fetched (ISO 8601), shown in the footer; the render itself reads no clock. */
  generatedAt?: string;
}

export interface CategoryRow {
  /** null for the practices in no category. */
  id: string | null;
  name: string;
  practices: number;
  covered: number;
  uncovered: number;
}

export interface CoverageSummary {
  datasetVersion: string;
  entities: number;
  relations: number;
  /** Tools in the graph (stats.byKind TOOL). */
  toolsInGraph: number;
  /** Practices in the graph (stats.byKind PRACTICE). */
  practicesInGraph: number;
  /** Tools with at least one cell (coverage.tools). */
  toolsWithCells: number;
  /** Practices of the matrix (coverage.practices). */
  practices: number;
  cells: number;
  /** Cells a source states (tool SUPPORTS practice). */
  directCells: number;
  /** Cells derived through a component, principle or catalogue section. */
  derivedCells: number;
  /** Cells whose best path is stated at every hop. */
  statedCells: number;
  inferredCells: number;
  byDerivation: { derivation: CellDerivation; count: number }[];
  coveredPractices: number;
  uncoveredPractices: { id: string; name: string }[];
  /** One row per practice category, ordered by name; a practice in several categories counts in each. */
  categories: CategoryRow[];
}

const DERIVATIONS: readonly CellDerivation[] = ['DIRECT', 'VIA_COMPONENT', 'VIA_PRINCIPLE', 'VIA_PART', 'VIA_CATALOGUE_SECTION', 'VIA_COMPONENT_AND_PRINCIPLE'];
const NO_CATEGORY = '(no category)';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const byName = (a: { name: string; id: string | null }, b: { name: string; id: string | null }) =>
  a.name.localeCompare(b.name, 'en') || (a.id ?? '').localeCompare(b.id ?? '', 'en');

export function summarizeCoverage(data: DashboardCoverageQuery): CoverageSummary {
  const { stats, coverage } = data;
  const kindCount = (kind: string) => stats.byKind.find((k) => k.kind === kind)?.count ?? 0;
  const uncovered = new Set(coverage.uncoveredPractices.map((p) => p.id));
  const categories = new Map<string, CategoryRow>();
  for (const practice of coverage.practices) {
    const homes = practice.categories.length > 0 ? practice.categories.map((c) => c.node) : [{ id: null, name: NO_CATEGORY }];
    for (const home of new Map(homes.map((h) => [h.id, h])).values()) {
      const key = home.id ?? '';
      const row = categories.get(key) ?? { id: home.id, name: home.name, practices: 0, covered: 0, uncovered: 0 };
      row.practices += 1;
      if (uncovered.has(practice.id)) row.uncovered += 1;
      else row.covered += 1;
      categories.set(key, row);
    }
  }
  const directCells = coverage.cells.filter((c) => c.direct).length;
  const statedCells = coverage.cells.filter((c) => c.confidence === 'STATED').length;
  return {
    datasetVersion: stats.datasetVersion,
    entities: stats.entities,
    relations: stats.relations,
    toolsInGraph: kindCount('TOOL'),
    practicesInGraph: kindCount('PRACTICE'),
    toolsWithCells: coverage.tools.length,
    practices: coverage.practices.length,
    cells: coverage.cells.length,
    directCells,
    derivedCells: coverage.cells.length - directCells,
    statedCells,
    inferredCells: coverage.cells.length - statedCells,
    byDerivation: DERIVATIONS.map((derivation) => ({ derivation, count: coverage.cells.filter((c) => c.derivation === derivation).length })),
    coveredPractices: coverage.practices.length - coverage.uncoveredPractices.length,
    uncoveredPractices: coverage.uncoveredPractices.map((p) => ({ id: p.id, name: p.name })),
    categories: [...categories.values()].sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : byName(a, b))),
  };
}

/** A count row; `data-count` names it for scripts and tests. */
const countRow = (key: string, label: string, value: number) =>
  `<tr><th scope="row">${escapeHtml(label)}</th><td data-count="${escapeHtml(key)}">${String(value)}</td></tr>`;

function renderSummary(s: CoverageSummary): string {
  const counts = [
    countRow('entities', 'Entities', s.entities),
    countRow('relations', 'Relations', s.relations),
    countRow('tools', 'Tools in the graph', s.toolsInGraph),
    countRow('tools-with-cells', 'Tools supporting at least one practice', s.toolsWithCells),
    countRow('practices', 'Practices', s.practices),
    countRow('covered-practices', 'Practices some tool supports', s.coveredPractices),
    countRow('uncovered-practices', 'Practices no tool supports', s.uncoveredPractices.length),
    countRow('cells', 'Tool × practice cells', s.cells),
    countRow('direct-cells', 'Cells a source states (tool SUPPORTS practice)', s.directCells),
    countRow('derived-cells', 'Cells derived (through a component, principle or catalogue section)', s.derivedCells),
    countRow('stated-cells', 'Cells stated at every hop of their best path', s.statedCells),
    countRow('inferred-cells', 'Cells with an inferred hop', s.inferredCells),
  ].join('\n');
  const derivations = s.byDerivation
    .map((d) => `<tr><th scope="row"><code>${escapeHtml(d.derivation)}</code></th><td data-derivation="${escapeHtml(d.derivation)}">${String(d.count)}</td></tr>`)
    .join('\n');
  const categories = s.categories
    .map(
      (c) =>
        `<tr data-category-id="${escapeHtml(c.id ?? '')}"><th scope="row">${escapeHtml(c.name)}</th><td>${String(c.practices)}</td><td>${String(c.covered)}</td><td>${String(c.uncovered)}</td></tr>`,
    )
    .join('\n');
  const uncovered =
    s.uncoveredPractices.length === 0
      ? '<p>Every practice has at least one supporting tool.</p>'
      : `<ul class="uncovered">\n${s.uncoveredPractices.map((p) => `<li data-practice-id="${escapeHtml(p.id)}">${escapeHtml(p.name)} <code>${escapeHtml(p.id)}</code></li>`).join('\n')}\n</ul>`;
  return `<section id="coverage">
<h2>Coverage summary</h2>
<p>Dataset <code data-dataset-version>${escapeHtml(s.datasetVersion)}</code></p>
<table class="counts">
<tbody>
${counts}
</tbody>
</table>
<h3>Cells by derivation</h3>
<table class="derivations">
<tbody>
${derivations}
</tbody>
</table>
<h3>Per practice category</h3>
<table class="categories">
<thead><tr><th scope="col">Category</th><th scope="col">Practices</th><th scope="col">Covered</th><th scope="col">Uncovered</th></tr></thead>
<tbody>
${categories}
</tbody>
</table>
<h3>Uncovered practices</h3>
${uncovered}
</section>`;
}

function renderTopPractices(data: DashboardTopPracticesQuery, challengeId: string): string {
  const challenge = data.challenge;
  const title = challenge ? `${escapeHtml(challenge.name)} <code>${escapeHtml(challenge.id)}</code>` : `<code>${escapeHtml(challengeId)}</code>`;
  const summary = challenge?.summary ? `<p class="summary">${escapeHtml(challenge.summary)}</p>` : '';
  const ranked = data.practicesAddressing;
  const rows = ranked
    .map((r, i) => {
      const citations = r.citations
        .map((c) => `<li>${escapeHtml(c.source.name)}, ${escapeHtml(c.locator)} <span class="confidence">${escapeHtml(c.confidence)}</span></li>`)
        .join('');
      return `<tr data-practice-id="${escapeHtml(r.practice.id)}" data-score="${escapeHtml(String(r.score))}">
<td>${String(i + 1)}</td>
<th scope="row">${escapeHtml(r.practice.name)} <code>${escapeHtml(r.practice.id)}</code></th>
<td class="score">${escapeHtml(r.score.toFixed(2))}</td>
<td>${escapeHtml(r.confidence)}</td>
<td>${escapeHtml(r.strength)}</td>
<td>${String(r.sourceCount)}</td>
<td>${String(r.statementCount)}</td>
<td><ul class="citations">${citations}</ul></td>
</tr>`;
    })
    .join('\n');
  const table =
    ranked.length === 0
      ? '<p>No road of the ontology links a practice to this challenge.</p>'
      : `<table class="top-practices">
<thead><tr><th scope="col">#</th><th scope="col">Practice</th><th scope="col">Score</th><th scope="col">Confidence</th><th scope="col">Strength</th><th scope="col">Sources</th><th scope="col">Statements</th><th scope="col">Citations</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return `<section id="top-practices">
<h2>Top practices for ${title}</h2>
${summary}
${table}
</section>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td[data-count],td[data-derivation],.score{text-align:right;font-variant-numeric:tabular-nums}
ul.citations{margin:0;padding-left:1rem;font-size:12px}code{font-size:12px;color:#555}footer{color:#777;font-size:12px}`;

/** The whole page: the coverage summary and the top practices of one challenge. */
export function renderDashboard(data: DashboardData, options: RenderOptions = {}): string {
  const footer = [
    options.apiUrl ? `from <code>${escapeHtml(options.apiUrl)}</code>` : '',
    options.generatedAt ? `at <time>${escapeHtml(options.generatedAt)}</time>` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>mlops-kg dashboard</title>
<style>${STYLE}</style>
</head>
<body>
<h1>mlops-kg dashboard</h1>
${renderSummary(summarizeCoverage(data.coverage))}
${renderTopPractices(data.topPractices, data.challengeId)}
<footer>Generated${footer ? ` ${footer}` : ''} by examples/dashboard.</footer>
</body>
</html>
`;
}
