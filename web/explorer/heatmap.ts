// (a) The tool × practice coverage heatmap, from the `coverage` query: rows are tools, columns are
// practices, both grouped (tools by component, category or source; practices by category or stage).
// A cell is a button: hover or focus shows its citations in a tooltip, click (or Enter) pins its
// level, citations and supporting paths in the side panel. Direct statements and derived support look
// different (colour and letter). Filtering tools (by name, by kind of support, or to a recommended
// stack) reveals the practices that no shown tool supports: the gaps.
// The parts: heatmap-data.ts (queries, shapes, levels, grouping), heatmap-controls.ts (filters and
// legend), heatmap-table.ts (the grid and its keys), heatmap-panel.ts (tooltip and details).
import { gql } from './api.js';
import { byId, fill, h, plural } from './dom.js';
import { sourceLabel } from './evidence.js';
import { renderControls } from './heatmap-controls.js';
import { cellKey, COVERAGE_QUERY, firstName, groupBy, ROW_PAGE, type Cell, type ToolSourceFilter, type CoverageData, type PracticeCol, type PracticeGrouping, type ToolGrouping, type ToolRow } from './heatmap-data.js';
import { showCellDetails } from './heatmap-panel.js';
import { cellButton, moveFocus, renderTable } from './heatmap-table.js';

export class Heatmap {
  private data: CoverageData['coverage'] | undefined;
  private sourceNames = new Map<string, string>();
  private catalogueSources = new Set<string>();
  /** How many tool rows are rendered (the rest on demand). */
  private rowLimit = ROW_PAGE;
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
      renderControls(
        this.root,
        () => {
          this.rowLimit = ROW_PAGE;
          this.render();
        },
        () => {
          this.rowLimit = ROW_PAGE;
          void this.load().then((ok) => ok && this.render());
        },
      );
      if (!(await this.load())) return;
    }
    this.render();
  }

  /** Reads the matrix of the tool types chosen (products by default, as the API's default). */
  private async load(): Promise<boolean> {
    fill(byId('hm-body'), h('p', { class: 'loading', text: 'Loading the coverage matrix…' }));
    try {
      const types = byId<HTMLSelectElement>('hm-types').value;
      const data = await gql<CoverageData>(COVERAGE_QUERY, types === 'ALL' ? { toolTypes: [] } : { toolTypes: [types] });
      this.data = data.coverage;
      this.cells.clear();
      for (const s of data.sources.nodes) this.sourceNames.set(s.id, sourceLabel({ ...s }));
      for (const s of data.sources.nodes) if (s.sourceType === 'CATALOGUE') this.catalogueSources.add(s.id);
      for (const c of data.coverage.cells) this.cells.set(cellKey(c.tool.id, c.practice.id), c);
      // Say so when a grouping has nothing to group by in this dataset (the seed gives practices no stage).
      const noStages = data.coverage.practices.every((p) => p.stages.length === 0);
      const stageOption = byId<HTMLSelectElement>('hm-practice-group').querySelector<HTMLOptionElement>('option[value="stage"]');
      if (stageOption && noStages) {
        stageOption.disabled = true;
        stageOption.textContent = 'lifecycle stage (no practice has one in this dataset)';
      }
      return true;
    } catch (e) {
      this.loadedOnce = false;
      fill(byId('hm-body'), h('p', { class: 'error', role: 'alert', text: `Could not load the coverage: ${(e as Error).message}` }));
      return false;
    }
  }

  /** Shows only these tools (e.g. the recommended stack), labelled in the filter bar. */
  showOnlyTools(ids: readonly string[], label: string): void {
    this.onlyTools = { ids: new Set(ids), label };
    // The controls exist once the heatmap was first shown; show() renders with this filter otherwise.
    const text = document.getElementById('hm-tool-filter') as HTMLInputElement | null;
    if (text) text.value = '';
    if (this.data) this.render();
  }

  private settings() {
    return {
      text: byId<HTMLInputElement>('hm-tool-filter').value.trim().toLowerCase(),
      directOnly: byId<HTMLSelectElement>('hm-support').value === 'direct',
      statedOnly: byId<HTMLInputElement>('hm-stated').checked,
      toolGrouping: byId<HTMLSelectElement>('hm-tool-group').value as ToolGrouping,
      practiceGrouping: byId<HTMLSelectElement>('hm-practice-group').value as PracticeGrouping,
      hideEmpty: byId<HTMLInputElement>('hm-hide-empty').checked,
      source: byId<HTMLSelectElement>('hm-source').value as ToolSourceFilter,
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
      const c = this.cells.get(cellKey(toolId, practiceId));
      return c && (!s.directOnly || c.direct) && (!s.statedOnly || c.confidence === 'STATED') ? c : undefined;
    };

    // Which tools are shown.
    let tools = data.tools.filter((t) => !this.onlyTools || this.onlyTools.ids.has(t.id));
    // A recommended stack is shown whoever names its tools; otherwise the source filter applies.
    if (!this.onlyTools && s.source !== 'all') {
      const fromCatalogue = (t: ToolRow) => t.citations.some((c) => this.catalogueSources.has(c.source.id));
      const fromReview = (t: ToolRow) => t.citations.some((c) => !this.catalogueSources.has(c.source.id));
      tools = tools.filter(s.source === 'catalogue' ? fromCatalogue : fromReview);
    }
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

    // Gaps and counts cover every tool the filters keep; only the first rowLimit rows are drawn.
    let left = this.rowLimit;
    const drawnGroups = toolGroups.map((g) => {
      const items = g.items.slice(0, Math.max(0, left));
      left -= items.length;
      return { label: g.label, items };
    });
    const drawn = drawnGroups.reduce((n, g) => n + g.items.length, 0);
    fill(
      byId('hm-more'),
      drawn < tools.length
        ? [
            h('span', { id: 'hm-rows', text: `Showing ${drawn} of ${plural(tools.length, 'tool')}. ` }),
            h('button', {
              type: 'button',
              id: 'hm-more-rows',
              text: `Show ${Math.min(ROW_PAGE, tools.length - drawn)} more`,
              onclick: () => {
                this.rowLimit += ROW_PAGE;
                this.render();
              },
            }),
            ' ',
            h('button', {
              type: 'button',
              id: 'hm-all-rows',
              text: 'Show all',
              onclick: () => {
                this.rowLimit = tools.length;
                this.render();
              },
            }),
          ]
        : [],
    );
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

    this.grid = renderTable({
      practiceGroups,
      toolGroups: drawnGroups,
      columns,
      support,
      shownCell,
      pinned: this.pinned,
      onPin: (t, p, cell) => this.pin(t, p, cell),
      onKey: (e, r, c) => moveFocus(this.root, this.grid, e, r, c),
    });
  }

  private pin(t: ToolRow, p: PracticeCol, cell: Cell): void {
    this.pinned = { toolId: t.id, practiceId: p.id };
    for (const b of this.root.querySelectorAll('button.cell.pinned')) b.classList.remove('pinned');
    cellButton(this.root, t.id, p.id)?.classList.add('pinned');
    showCellDetails(t, p, cell, () => this.pinned?.toolId === t.id && this.pinned.practiceId === p.id);
  }
}
