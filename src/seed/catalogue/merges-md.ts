// MERGES.md of a catalogue folder: the tools merged with another source's, those not merged, links
// listed under several names, and where the curator's type and another source's type disagree.
import type { Assignment } from './ids.js';
import type { CatalogueFile, ReviewMatchesFile } from './input.js';

export interface TypeDisagreement {
  readonly id: string;
  readonly name: string;
  readonly kept: string;
  readonly curated: string;
}

export function mergesMarkdown(
  c: CatalogueFile,
  short: string,
  a: Assignment,
  groups: readonly { link: string; name: string }[],
  matches: ReviewMatchesFile,
  types: readonly TypeDisagreement[],
): string {
  const tools = groups.length;
  const namesOfLink = new Map<string, string[]>();
  for (const g of groups) namesOfLink.set(g.link, [...(namesOfLink.get(g.link) ?? []), g.name]);
  const shared = [...namesOfLink.entries()].filter(([, names]) => names.length > 1);
  const lines = [
    '# Catalogue tools merged with the reviews\' tools',
    '',
    `Written by \`npm run catalogue:import\` from ${c.catalogue} at commit ${short} (${c.commitDate}); do not edit by hand.`,
    `Of its ${tools} tools, ${a.merges.length} are tools a review (or a catalogue that loads earlier) already holds: one entity`,
    'each, citing both sources, with the earlier id, name and toolType (the catalogue\'s name becomes an alias). A merge is',
    'found, in this order, by the curator\'s table `review-matches.json`, by the id registry `ids.json` (an earlier import),',
    'by the same GitHub repository (case ignored), or by a name that agrees (letters and digits, case ignored) with exactly',
    'one earlier tool\'s name or alias, and only when no other catalogue link agrees with that tool. A merge by an alias or',
    'by the curator\'s table is an inferred identity: the catalogue\'s citations of the merged tool are INFERRED, with a note.',
    '',
    '| id | review name | catalogue name | link | matched by |',
    '|---|---|---|---|---|',
    ...a.merges.map((m) => `| \`${m.id}\` | ${m.reviewName} | ${m.catalogueName} | ${m.link} | ${m.how.replace(/\|/g, '/')} |`),
    '',
    '## Not merged',
    '',
    ...matches.noMatch.map((x) => `- ${x.link} is not \`${x.id}\` (the curator, \`${'review-matches.json'}\`): ${x.note}`),
    ...a.ambiguous.map((x) => `- ${x}`),
    ...(matches.noMatch.length + a.ambiguous.length === 0 ? ['- none'] : []),
    '',
    '## Types kept from another source',
    '',
    'A tool another source already holds keeps that source\'s type; where the curator of this catalogue typed it otherwise,',
    'the disagreement is listed here (and printed by the import) for a curator to settle.',
    '',
    ...(types.length > 0 ? types.map((t) => `- \`${t.id}\` (${t.name}): kept ${t.kept}, this catalogue's curation says ${t.curated}`) : ['- none']),
    '',
    '## One link, several names',
    '',
    'Rows that give the same link under different names stay separate tools (the catalogue states a name and a link for each;',
    'it does not say they are one tool). A curator may merge them with a decision of their own.',
    '',
    ...(shared.length > 0 ? shared.map(([link, names]) => `- ${link}: ${names.join(', ')}`) : ['- none']),
    '',
  ];
  return `${lines.join('\n')}`;
}
