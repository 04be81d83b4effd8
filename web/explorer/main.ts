// The explorer page at GET / (docs/explorer.md): three views over the GraphQL API of this server,
// as keyboard-usable tabs. Bundled by scripts/build-web.ts; talks to nothing but this server.
import './explorer.css';
import { allNodes, exportCatalogue, gql } from './api.js';
import { ChallengePicker, type ChallengeOption } from './challenges.js';
import { byId, fill, h, plural } from './dom.js';
import { showEntity } from './entity-page.js';
import { searchBox } from './search.js';
import { Heatmap } from './heatmap.js';
import { StackRecommender } from './stack.js';
import { GapsView } from './gaps.js';

const TABS = ['heatmap', 'challenges', 'stack', 'gaps'] as const;
type Tab = (typeof TABS)[number];

let heatmap: Heatmap;

/** Shows the page of one entity (#entity/<id>) instead of the tabs' panels. */
function openEntity(id: string): void {
  for (const t of TABS) byId(`panel-${t}`).hidden = true;
  const panel = byId('panel-entity');
  panel.hidden = false;
  const hash = `#entity/${encodeURIComponent(id)}`;
  if (location.hash !== hash) history.pushState(null, '', hash);
  void showEntity(panel, id).then(() => panel.focus());
}

function route(): void {
  const hash = location.hash.slice(1);
  if (hash.startsWith('entity/')) return openEntity(decodeURIComponent(hash.slice('entity/'.length)));
  selectTab(TABS.includes(hash as Tab) ? (hash as Tab) : 'heatmap');
}

function selectTab(tab: Tab, focus = false): void {
  byId('panel-entity').hidden = true;
  for (const t of TABS) {
    const button = byId(`tab-${t}`);
    const selected = t === tab;
    button.setAttribute('aria-selected', String(selected));
    button.setAttribute('tabindex', selected ? '0' : '-1');
    byId(`panel-${t}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  if (location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
  if (tab === 'heatmap') void heatmap.show();
}

function setUpTabs(): void {
  for (const [i, t] of TABS.entries()) {
    const button = byId(`tab-${t}`);
    button.addEventListener('click', () => selectTab(t));
    button.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
      if (next === null) return;
      e.preventDefault();
      selectTab(TABS[(next + TABS.length) % TABS.length]!, true);
    });
  }
}

async function showStats(): Promise<void> {
  try {
    const { stats } = await gql<{ stats: { entities: number; relations: number; datasetVersion: string } }>(
      'query ExplorerStats { stats { entities relations datasetVersion } }',
    );
    fill(byId('stats'), `${plural(stats.entities, 'entity', 'entities')} · ${plural(stats.relations, 'relation')} · dataset ${stats.datasetVersion}`);
  } catch {
    fill(byId('stats'), '');
  }
}

async function showExports(): Promise<void> {
  const paths = await exportCatalogue().catch(() => [] as string[]);
  fill(
    byId('export-links'),
    paths.map((p) => h('li', {}, h('a', { href: p, download: '', text: p.replace(/^\/export\//, '') }))),
  );
}

async function main(): Promise<void> {
  heatmap = new Heatmap(byId('panel-heatmap'));
  new GapsView(byId('panel-gaps'));
  setUpTabs();
  searchBox(byId('search-box'), openEntity);
  window.addEventListener('hashchange', route);
  void showStats();
  void showExports();

  let challenges: ChallengeOption[];
  try {
    challenges = await allNodes<ChallengeOption>('challenges', 'id name summary categories { node { id name } }');
  } catch (e) {
    const message = `Could not load the challenges: ${(e as Error).message}`;
    fill(byId('panel-challenges'), h('p', { class: 'error', role: 'alert', text: message }));
    fill(byId('panel-stack'), h('p', { class: 'error', role: 'alert', text: message }));
    challenges = [];
  }
  if (challenges.length > 0) {
    new ChallengePicker(byId('panel-challenges'), challenges);
    new StackRecommender(byId('panel-stack'), challenges, (ids, label) => {
      heatmap.showOnlyTools(ids, label);
      selectTab('heatmap', true);
    });
  }
  route();
  document.body.dataset.ready = 'true';
}

void main();
