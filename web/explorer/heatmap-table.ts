// The heatmap's table: practices as grouped columns, tools as grouped rows, one button per shown
// cell, gaps marked, a footer counting support; and moving between cells with the keyboard.
import { byId, fill, h, plural } from './dom.js';
import { levelClass, levelInfo, type Cell, type Group, type PracticeCol, type ToolRow } from './heatmap-data.js';
import { hideTooltip, showTooltip } from './heatmap-panel.js';

export interface TableInput {
readonly practiceGroups: Group<PracticeCol>[];
readonly toolGroups: Group<ToolRow>[];
readonly columns: PracticeCol[];
/** Shown tools supporting each practice. */
readonly support: Map<string, number>;
readonly shownCell: (toolId: string, practiceId: string) => Cell | undefined;
readonly pinned: { toolId: string; practiceId: string } | null;
readonly onPin: (t: ToolRow, p: PracticeCol, cell: Cell) => void;
/** Arrow keys on the cell at row r, column c of the grid. */
readonly onKey: (e: KeyboardEvent, r: number, c: number) => void;
}

/** Renders the table into #hm-body; returns the grid of cell buttons (null where a cell is empty), for the arrow keys. */
export function renderTable({ practiceGroups, toolGroups, columns, support, shownCell, pinned, onPin, onKey }: TableInput): (HTMLButtonElement | null)[][] {
  const body = byId('hm-body');
  if (toolGroups.every((g) => g.items.length === 0)) {
    fill(body, h('p', { class: 'empty', text: 'No tool matches the filters.' }));
    return [];
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

  const grid: (HTMLButtonElement | null)[][] = [];
  let firstButton: HTMLButtonElement | null = null;
  const rows: HTMLTableRowElement[] = [];
  for (const g of toolGroups) {
    if (g.items.length === 0) continue;
    rows.push(h('tr', { class: 'tool-group' }, h('th', { colspan: columns.length + 1, scope: 'rowgroup', text: `${g.label} (${g.items.length})` })));
    for (const t of g.items) {
      const gridRow: (HTMLButtonElement | null)[] = [];
      const r = grid.length;
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
          onclick: () => onPin(t, p, cell),
          onmouseenter: (e: Event) => showTooltip(e.currentTarget as HTMLElement, t, p, cell),
          onmouseleave: hideTooltip,
          onfocus: (e: Event) => showTooltip(e.currentTarget as HTMLElement, t, p, cell),
          onblur: hideTooltip,
          onkeydown: (e: KeyboardEvent) => onKey(e, r, c),
        });
        firstButton ??= button;
        gridRow.push(button);
        return h('td', { class: gapIds.has(p.id) ? 'gap' : undefined }, button);
      });
      grid.push(gridRow);
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
  const pinnedButton = pinned ? cellButton(table, pinned.toolId, pinned.practiceId) : null;
  pinnedButton?.classList.add('pinned');
  (pinnedButton ?? firstButton)?.setAttribute('tabindex', '0');
  fill(body, table);
  return grid;
}

/** Moves the focus between cells with the arrow keys, Home and End (a roving tabindex). */
export function moveFocus(root: HTMLElement, grid: (HTMLButtonElement | null)[][], e: KeyboardEvent, r: number, c: number): void {
  let target: HTMLButtonElement | null | undefined;
  const row = grid[r] ?? [];
  if (e.key === 'ArrowRight') target = row.slice(c + 1).find((b) => b);
  else if (e.key === 'ArrowLeft') target = row.slice(0, c).reverse().find((b) => b);
  else if (e.key === 'Home') target = row.find((b) => b);
  else if (e.key === 'End') target = [...row].reverse().find((b) => b);
  else if (e.key === 'ArrowDown') target = grid.slice(r + 1).find((x) => x[c])?.[c];
  else if (e.key === 'ArrowUp') target = [...grid.slice(0, r)].reverse().find((x) => x[c])?.[c];
  else if (e.key === 'Escape') {
    hideTooltip();
    return;
  } else return;
  e.preventDefault();
  if (!target) return;
  for (const b of root.querySelectorAll<HTMLButtonElement>('button.cell[tabindex="0"]')) b.setAttribute('tabindex', '-1');
  target.setAttribute('tabindex', '0');
  target.focus();
}

export function cellButton(root: ParentNode, toolId: string, practiceId: string): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>(`button.cell[data-tool="${CSS.escape(toolId)}"][data-practice="${CSS.escape(practiceId)}"]`);
}
