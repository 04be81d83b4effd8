// What the heatmap tells about one cell: a tooltip on hover or focus (its first citations), and the
// details panel when it is pinned (level, every citation, and the paths behind it, fetched then).
import { gql } from './api.js';
import { byId, fill, h, plural } from './dom.js';
import { citationList, pathLine, type PathView } from './evidence.js';
import { CELL_PATHS_QUERY, levelClass, levelInfo, type Cell, type PracticeCol, type ToolRow } from './heatmap-data.js';

export function showTooltip(anchor: HTMLElement, t: ToolRow, p: PracticeCol, cell: Cell): void {
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

export function hideTooltip(): void {
  const tip = document.getElementById('hm-tooltip');
  if (tip) tip.hidden = true;
}

/** Fills the details panel for a pinned cell; the paths arrive later, unless another cell was pinned meanwhile. */
export function showCellDetails(t: ToolRow, p: PracticeCol, cell: Cell, stillPinned: () => boolean): void {
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
      if (!stillPinned()) return;
      fill(paths, (d.coverage.cells[0]?.paths ?? []).map(pathLine));
    },
    (e: Error) => fill(paths, h('li', { class: 'error', text: `Could not load the paths: ${e.message}` })),
  );
}
