// (a) The tool × practice coverage heatmap, from the `coverage` query: rows are tools, columns are
// practices, both grouped (tools by component, category or source; practices by category or stage).
// A cell is a button: hover or focus shows its citations in a tooltip, click (or Enter) pins its
// level, citations and supporting paths in the side panel. Direct statements and derived support look
// different (colour and letter). Filtering tools (by name, by kind of support, or to a recommended
// stack) reveals the practices that no shown tool supports: the gaps.
import { CITATION_FIELDS, gql, type Citation, type LinkTo, type SourceRef } from './api.js';
import { byId, fill, h, plural } from './dom.js';
import { citationList, pathLine, sourceLabel, type PathView } from './evidence.js';

interface ToolRow {
  id: string;
  name: string;
  categories: LinkTo[];
  components: LinkTo[];
  citations: { source: { id: string } }[];
}

interface PracticeCol {
  id: string;
  name: string;
  summary: string | null;
  categories: LinkTo[];
  stages: LinkTo[];
}

interface Cell {
  tool: { id: string };
  practice: { id: string };
  level: string;
  direct: boolean;
  citations: Citation[];
}

interface CoverageData {
  coverage: { tools: ToolRow[]; practices: PracticeCol[]; cells: Cell[]; uncoveredPractices: { id: string }[] };
  sources: { nodes: SourceRef[] };
}

type ToolGrouping = 'component' | 'category' | 'source' | 'none';
type PracticeGrouping = 'category' | 'stage' | 'none';

const COVERAGE_QUERY = `query ExplorerHeatmap {
  coverage {
    tools { id name categories { node { id name } } components { node { id name } } citations { source { id } } }
    practices { id name summary categories { node { id name } } stages { node { id name } } }
    cells { tool { id } practice { id } level direct citations { ${CITATION_FIELDS} } }
    uncoveredPractices { id }
  }
  sources(first: 100) { nodes { id name aliases year } }
}`;

const CELL_PATHS_QUERY = `query ExplorerCellPaths($toolId: ID!, $practiceId: ID!) {
  coverage(toolIds: [$toolId], practiceIds: [$practiceId]) {
    cells { paths { entities { id name kind } relations { type } } }
  }
}`;

/** Letter shown in a cell, and what its level means. */
const LEVELS: Record<string, { code: string; label: string; meaning: string }> = {
  FULL: { code: 'F', label: 'Full (stated)', meaning: 'A source states that the tool fully supports this practice.' },
  PARTIAL: { code: 'P', label: 'Partial (stated)', meaning: 'A source states that the tool partly supports this practice.' },
  EXAMPLE: { code: 'E', label: 'Example (stated)', meaning: 'A source names the tool as an example for this practice.' },
  DIRECT: { code: 'D', label: 'Stated', meaning: 'A source states that the tool supports this practice (it gives no level).' },
  DERIVED_VIA_COMPONENT: {
    code: 'c',
    label: 'Derived via a component',
    meaning: 'No source states it; derived: the tool supports an architecture component that implements a principle (or is the same notion) corresponding to this practice.',
  },
  DERIVED_VIA_PRINCIPLE: {
    code: 'p',
    label: 'Derived via a principle',
    meaning: 'No source states it; derived: the tool supports a principle that corresponds to this practice.',
  },
};

const levelInfo = (level: string) => LEVELS[level] ?? { code: '?', label: level, meaning: level };
const levelClass = (level: string) => `level-${level.toLowerCase().replace(/_/g, '-')}`;

interface Group<T> {
  label: string;
  items: T[];
}

/** Groups items by their first group name (sorted), the "none" group last. */
function groupBy<T>(items: readonly T[], groupOf: (item: T) => string | null, noneLabel: string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const label = groupOf(item) ?? noneLabel;
    const list = groups.get(label) ?? [];
    list.push(item);
    groups.set(label, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === noneLabel ? 1 : b === noneLabel ? -1 : a.localeCompare(b)))
    .map(([label, list]) => ({ label, items: list }));
}

const firstName = (links: readonly LinkTo[]) => [...links].map((l) => l.node.name).sort((a, b) => a.localeCompare(b))[0] ?? null;

export class Heatmap {
  private data: CoverageData['coverage'] | undefined;
  private sourceNames = new Map<string, string>();
  private cells = new Map<string, Cell>();
  /** Only these tools (a recommended stack), with what to call them; null: all tools. */
  private onlyTools: { ids: Set<string>; label: string } | null = null;
  private grid: (HTMLButtonElement | null)[][] = [];
  private pinned: { toolId: string; practiceId: string } | null = null;
  private loadedOnce = false;

  constructor(private readonly root: HTMLElement) {}

  /** Loads the coverage once; later calls only re-render. */
  async show(): Promise<void> {
    if (!this.loadedOnce) {
      this.loadedOnce = true;
      this.renderControls();
      fill(byId('hm-body'), h('p', { class: 'loading', text: 'Loading the coverage matrix…' }));
      try {
        const data = await gql<CoverageData>(COVERAGE_QUERY);
        this.data = data.coverage;
        for (const s of data.sources.nodes) this.sourceNames.set(s.id, sourceLabel({ ...s }));
        for (const c of data.coverage.cells) this.cells.set(key(c.tool.id, c.practice.id), c);
        // Say so when a grouping has nothing to group by in this dataset (the seed gives practices no stage).
        const noStages = data.coverage.practices.every((p) => p.stages.length === 0);
        const stageOption = byId<HTMLSelectElement>('hm-practice-group').querySelector<HTMLOptionElement>('option[value="stage"]');
        if (stageOption && noStages) {
          stageOption.disabled = true;
          stageOption.textContent = 'lifecycle stage (no practice has one in this dataset)';
        }
      } catch (e) {
        this.loadedOnce = false;
        fill(byId('hm-body'), h('p', { class: 'error', role: 'alert', text: `Could not load the coverage: ${(e as Error).message}` }));
        return;
      }
    }
    this.render();
  }

  /** Shows only these tools (e.g. the recommended stack), labelled in the filter bar. */
  showOnlyTools(ids: readonly string[], label: string): void {
    this.onlyTools = { ids: new Set(ids), label };
    // The controls exist once the heatmap was first shown; show() renders with this filter otherwise.
    const text = document.getElementById('hm-tool-filter') as HTMLInputElement | null;
    if (text) text.value = '';
    if (this.data) this.render();
  }

  private renderControls(): void {
    const rerender = () => this.render();
    fill(
      this.root,
      h(
        'div',
        { class: 'controls', role: 'group', 'aria-label': 'Heatmap filters' },
        h('label', { for: 'hm-tool-filter' }, 'Filter tools ', h('input', { id: 'hm-tool-filter', type: 'search', placeholder: 'name contains…', autocomplete: 'off', oninput: rerender })),
        h(
          'label',
          { for: 'hm-support' },
          'Support ',
          h(
            'select',
            { id: 'hm-support', onchange: rerender },
            h('option', { value: 'all', text: 'stated and derived' }),
            h('option', { value: 'direct', text: 'stated by a source only' }),
          ),
        ),
        h(
          'label',
          { for: 'hm-tool-group' },
          'Group tools by ',
          h(
            'select',
            { id: 'hm-tool-group', onchange: rerender },
            h('option', { value: 'component', text: 'architecture component' }),
            h('option', { value: 'category', text: 'category' }),
            h('option', { value: 'source', text: 'source' }),
            h('option', { value: 'none', text: 'nothing (A–Z)' }),
          ),
        ),
        h(
          'label',
          { for: 'hm-practice-group' },
          'Group practices by ',
          h(
            'select',
            { id: 'hm-practice-group', onchange: rerender },
            h('option', { value: 'category', text: 'category' }),
            h('option', { value: 'stage', text: 'lifecycle stage' }),
            h('option', { value: 'none', text: 'nothing (A–Z)' }),
          ),
        ),
        h('label', { for: 'hm-hide-empty', class: 'check' }, h('input', { id: 'hm-hide-empty', type: 'checkbox', checked: true, onchange: rerender }), ' Hide tools with no shown support'),
      ),
      h('div', { id: 'hm-stack-filter', class: 'chip-row' }),
      h('p', { id: 'hm-summary', class: 'summary', 'aria-live': 'polite' }),
      h(
        'div',
        { class: 'heatmap-layout' },
        h('div', { id: 'hm-body', class: 'heatmap-scroll', onscroll: () => this.hideTooltip() }),
        h(
          'aside',
          { id: 'hm-details', class: 'details', 'aria-live': 'polite', 'aria-label': 'Cell details' },
          h('p', { class: 'hint', text: 'Hover over or focus a cell to see its citations; click it (or press Enter) to pin its details and the paths behind it here. Arrow keys move between cells.' }),
        ),
      ),
      legend(),
      h('section', { class: 'gaps', 'aria-labelledby': 'hm-gaps-title' }, h('h3', { id: 'hm-gaps-title', text: 'Gaps' }), h('div', { id: 'hm-gaps' })),
      h('div', { id: 'hm-tooltip', class: 'tooltip', role: 'tooltip', hidden: true }),
    );
  }

  private settings() {
    return {
      text: byId<HTMLInputElement>('hm-tool-filter').value.trim().toLowerCase(),
      directOnly: byId<HTMLSelectElement>('hm-support').value === 'direct',
      toolGrouping: byId<HTMLSelectElement>('hm-tool-group').value as ToolGrouping,
      practiceGrouping: byId<HTMLSelectElement>('hm-practice-group').value as PracticeGrouping,
      hideEmpty: byId<HTMLInputElement>('hm-hide-empty').checked,
    };
  }

  private toolGroupOf(t: ToolRow, by: ToolGrouping): string | null {
    if (by === 'component') return firstName(t.components);
    if (by === 'category') return firstName(t.categories);
    if (by === 'source') {
      const names = [...new Set(t.citations.map((c) => this.sourceNames.get(c.source.id) ?? c.source.id))].sort();
      return names.length ? names.join(' + ') : null;
    }
    return 'All tools';
  }

  private render(): void {
    const data = this.data;
    if (!data) return;
    const s = this.settings();
    const shownCell = (toolId: string, practiceId: string) => {
      const c = this.cells.get(key(toolId, practiceId));
      return c && (!s.directOnly || c.direct) ? c : undefined;
    };

    // Which tools are shown.
    let tools = data.tools.filter((t) => !this.onlyTools || this.onlyTools.ids.has(t.id));
    if (s.text) tools = tools.filter((t) => t.name.toLowerCase().includes(s.text));
    if (s.hideEmpty) tools = tools.filter((t) => data.practices.some((p) => shownCell(t.id, p.id)));

    // Columns, grouped; rows, grouped.
    const practiceGroups =
      s.practiceGrouping === 'none'
        ? [{ label: 'All practices', items: data.practices }]
        : groupBy(data.practices, (p) => firstName(s.practiceGrouping === 'stage' ? p.stages : p.categories), s.practiceGrouping === 'stage' ? 'No stage given' : 'No category');
    const columns = practiceGroups.flatMap((g) => g.items);
    const toolGroups =
      s.toolGrouping === 'none'
        ? [{ label: 'All tools', items: tools }]
        : groupBy(tools, (t) => this.toolGroupOf(t, s.toolGrouping), s.toolGrouping === 'component' ? 'No architecture component' : s.toolGrouping === 'category' ? 'No category' : 'No source');

    const support = new Map(columns.map((p) => [p.id, tools.filter((t) => shownCell(t.id, p.id)).length]));
    const gaps = columns.filter((p) => support.get(p.id) === 0);
    const shownCells = tools.flatMap((t) => columns.map((p) => shownCell(t.id, p.id)).filter((c): c is Cell => c !== undefined));

    // Stack filter chip.
    fill(
      byId('hm-stack-filter'),
      this.onlyTools
        ? [
            h('span', { class: 'chip', text: `Showing only ${this.onlyTools.label} (${plural(this.onlyTools.ids.size, 'tool')})` }),
            h('button', {
              type: 'button',
              class: 'link-button',
              text: 'Show all tools',
              onclick: () => {
                this.onlyTools = null;
                this.render();
              },
            }),
          ]
        : [],
    );

    fill(
      byId('hm-summary'),
      `Showing ${plural(tools.length, 'tool')} of ${data.tools.length} × ${plural(columns.length, 'practice')} · `,
      `${plural(shownCells.length, 'cell')} (${shownCells.filter((c) => c.direct).length} stated, ${shownCells.filter((c) => !c.direct).length} derived) · `,
      h('strong', { text: plural(gaps.length, 'gap') }),
    );

    fill(
      byId('hm-gaps'),
      gaps.length === 0
        ? h('p', { id: 'hm-no-gaps', text: 'Every practice is supported by at least one shown tool. Filter the tools (or show stated support only) to find gaps.' })
        : [
            h('p', { text: `No shown tool supports ${plural(gaps.length, 'practice')}:` }),
            h('ul', { class: 'gap-list' }, gaps.map((p) => h('li', { 'data-practice': p.id, text: p.name }))),
          ],
    );

    this.renderTable(practiceGroups, toolGroups, columns, support, shownCell);
  }

  private renderTable(
    practiceGroups: Group<PracticeCol>[],
    toolGroups: Group<ToolRow>[],
    columns: PracticeCol[],
    support: Map<string, number>,
    shownCell: (toolId: string, practiceId: string) => Cell | undefined,
  ): void {
    const body = byId('hm-body');
    if (toolGroups.every((g) => g.items.length === 0)) {
      fill(body, h('p', { class: 'empty', text: 'No tool matches the filters.' }));
      this.grid = [];
      return;
    }
    const gapIds = new Set(columns.filter((p) => support.get(p.id) === 0).map((p) => p.id));
    const head = h(
      'thead',
      {},
      h(
        'tr',
        { class: 'practice-groups' },
        h('th', { rowspan: 2, class: 'corner', scope: 'col' }, h('span', { text: 'Tools ↓ · Practices →' })),
        practiceGroups.map((g) => h('th', { colspan: g.items.length, scope: 'colgroup', class: 'group-head', title: g.label, text: g.label })),
      ),
      h(
        'tr',
        { class: 'practice-names' },
        practiceGroups.flatMap((g) =>
          g.items.map((p) =>
            h(
              'th',
              {
                scope: 'col',
                class: `practice-head${gapIds.has(p.id) ? ' gap' : ''}`,
                'data-practice': p.id,
                title: `${p.name} (${g.label})${p.summary ? `\n${p.summary}` : ''}${gapIds.has(p.id) ? '\nA gap: no shown tool supports it.' : ''}`,
              },
              h('span', { text: p.name }),
            ),
          ),
        ),
      ),
    );

    this.grid = [];
    let firstButton: HTMLButtonElement | null = null;
    const rows: HTMLTableRowElement[] = [];
    for (const g of toolGroups) {
      if (g.items.length === 0) continue;
      rows.push(h('tr', { class: 'tool-group' }, h('th', { colspan: columns.length + 1, scope: 'rowgroup', text: `${g.label} (${g.items.length})` })));
      for (const t of g.items) {
        const gridRow: (HTMLButtonElement | null)[] = [];
        const r = this.grid.length;
        const tds = columns.map((p, c) => {
          const cell = shownCell(t.id, p.id);
          if (!cell) {
            gridRow.push(null);
            return h('td', { class: gapIds.has(p.id) ? 'gap' : undefined });
          }
          const info = levelInfo(cell.level);
          const button = h('button', {
            type: 'button',
            class: `cell ${levelClass(cell.level)} ${cell.direct ? 'direct' : 'derived'}`,
            'data-tool': t.id,
            'data-practice': p.id,
            'data-level': cell.level,
            tabindex: -1,
            'aria-label': `${t.name} × ${p.name}: ${info.label}, ${plural(cell.citations.length, 'citation')}`,
            text: info.code,
            onclick: () => this.pin(t, p, cell),
            onmouseenter: (e: Event) => this.tooltip(e.currentTarget as HTMLElement, t, p, cell),
            onmouseleave: () => this.hideTooltip(),
            onfocus: (e: Event) => this.tooltip(e.currentTarget as HTMLElement, t, p, cell),
            onblur: () => this.hideTooltip(),
            onkeydown: (e: KeyboardEvent) => this.move(e, r, c),
          });
          firstButton ??= button;
          gridRow.push(button);
          return h('td', { class: gapIds.has(p.id) ? 'gap' : undefined }, button);
        });
        this.grid.push(gridRow);
        rows.push(h('tr', { class: 'tool-row', 'data-tool': t.id }, h('th', { scope: 'row', class: 'tool-head', title: t.name, text: t.name }), tds));
      }
    }
    const foot = h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: 'Shown tools supporting' }),
        columns.map((p) => h('td', { class: `support-count${gapIds.has(p.id) ? ' gap' : ''}`, 'data-practice': p.id, text: String(support.get(p.id) ?? 0) })),
      ),
    );
    const table = h('table', { id: 'heatmap-table', class: 'heatmap' }, h('caption', { class: 'visually-hidden', text: 'Tool × practice coverage' }), head, h('tbody', {}, rows), foot);
    // One cell is in the tab order; the arrow keys move from there (a roving tabindex).
    const pinnedButton = this.pinned ? cellButton(table, this.pinned.toolId, this.pinned.practiceId) : null;
    pinnedButton?.classList.add('pinned');
    (pinnedButton ?? firstButton)?.setAttribute('tabindex', '0');
    fill(body, table);
  }

  private move(e: KeyboardEvent, r: number, c: number): void {
    const grid = this.grid;
    let target: HTMLButtonElement | null | undefined;
    const row = grid[r] ?? [];
    if (e.key === 'ArrowRight') target = row.slice(c + 1).find((b) => b);
    else if (e.key === 'ArrowLeft') target = row.slice(0, c).reverse().find((b) => b);
    else if (e.key === 'Home') target = row.find((b) => b);
    else if (e.key === 'End') target = [...row].reverse().find((b) => b);
    else if (e.key === 'ArrowDown') target = grid.slice(r + 1).find((x) => x[c])?.[c];
    else if (e.key === 'ArrowUp') target = [...grid.slice(0, r)].reverse().find((x) => x[c])?.[c];
    else if (e.key === 'Escape') {
      this.hideTooltip();
      return;
    } else return;
    e.preventDefault();
    if (!target) return;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('button.cell[tabindex="0"]')) b.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  }

  private tooltip(anchor: HTMLElement, t: ToolRow, p: PracticeCol, cell: Cell): void {
    const tip = byId('hm-tooltip');
    const info = levelInfo(cell.level);
    const shown = cell.citations.slice(0, 4);
    fill(
      tip,
      h('strong', { text: `${t.name} × ${p.name}` }),
      h('div', { class: `tooltip-level ${cell.direct ? 'direct' : 'derived'}`, text: info.label }),
      citationList(shown, 'citations compact'),
      cell.citations.length > shown.length ? h('div', { class: 'more', text: `+ ${cell.citations.length - shown.length} more: click the cell` }) : null,
    );
    tip.hidden = false;
    const a = anchor.getBoundingClientRect();
    const w = tip.offsetWidth;
    const left = Math.min(Math.max(8, a.left + a.width / 2 - w / 2), window.innerWidth - w - 8);
    const below = a.bottom + 8 + tip.offsetHeight < window.innerHeight;
    tip.style.left = `${left}px`;
    tip.style.top = `${below ? a.bottom + 8 : Math.max(8, a.top - tip.offsetHeight - 8)}px`;
  }

  private hideTooltip(): void {
    const tip = document.getElementById('hm-tooltip');
    if (tip) tip.hidden = true;
  }

  private pin(t: ToolRow, p: PracticeCol, cell: Cell): void {
    this.pinned = { toolId: t.id, practiceId: p.id };
    for (const b of this.root.querySelectorAll('button.cell.pinned')) b.classList.remove('pinned');
    cellButton(this.root, t.id, p.id)?.classList.add('pinned');
    const info = levelInfo(cell.level);
    const paths = h('ol', { class: 'paths', id: 'hm-cell-paths' }, h('li', { class: 'loading', text: 'Loading the paths…' }));
    fill(
      byId('hm-details'),
      h('h3', { id: 'hm-details-title' }, h('span', { class: 'tool-name', text: t.name }), ' × ', h('span', { class: 'practice-name', text: p.name })),
      h('p', {}, h('span', { class: `badge ${levelClass(cell.level)} ${cell.direct ? 'direct' : 'derived'}`, text: cell.level }), ' ', info.meaning),
      h('h4', { text: `Citations (${cell.citations.length})` }),
      citationList(cell.citations),
      h('h4', { text: cell.direct ? 'Paths' : 'How it is derived' }),
      paths,
    );
    gql<{ coverage: { cells: { paths: PathView[] }[] } }>(CELL_PATHS_QUERY, { toolId: t.id, practiceId: p.id }).then(
      (d) => {
        if (this.pinned?.toolId !== t.id || this.pinned.practiceId !== p.id) return;
        fill(paths, (d.coverage.cells[0]?.paths ?? []).map(pathLine));
      },
      (e: Error) => fill(paths, h('li', { class: 'error', text: `Could not load the paths: ${e.message}` })),
    );
  }
}

function cellButton(root: ParentNode, toolId: string, practiceId: string): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>(`button.cell[data-tool="${CSS.escape(toolId)}"][data-practice="${CSS.escape(practiceId)}"]`);
}

function key(toolId: string, practiceId: string): string {
  return `${toolId} ${practiceId}`;
}

function legend(): HTMLElement {
  const item = (level: string, derived: boolean) =>
    h('li', {}, h('span', { class: `cell swatch ${levelClass(level)} ${derived ? 'derived' : 'direct'}`, 'aria-hidden': 'true', text: levelInfo(level).code }), ' ', levelInfo(level).label);
  return h(
    'section',
    { class: 'legend', 'aria-label': 'Legend' },
    h('h3', { text: 'Legend' }),
    h(
      'ul',
      {},
      item('FULL', false),
      item('PARTIAL', false),
      item('EXAMPLE', false),
      item('DIRECT', false),
      item('DERIVED_VIA_COMPONENT', true),
      item('DERIVED_VIA_PRINCIPLE', true),
      h('li', {}, h('span', { class: 'swatch gap-swatch', 'aria-hidden': 'true' }), ' A gap: no shown tool supports the practice'),
    ),
    h('p', { class: 'hint', text: 'Stated: a source says the tool supports the practice, at the level it gives. Derived: the graph links them through a component or principle; the cell cites every hop.' }),
  );
}
