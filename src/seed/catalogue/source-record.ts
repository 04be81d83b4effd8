// The SOURCE record of a catalogue (its folder's sources.json): what was read, at which commit, and
// how to cite it.
import type { SourceRecord } from '../schema.js';
import type { CatalogueFile } from './input.js';

export function sourceRecord(c: CatalogueFile, sourceId: string, tools: number, ledgerKey: string): SourceRecord {
  const short = c.commit.slice(0, 7);
  const owner = c.repository.replace('https://github.com/', '');
  return {
    id: sourceId,
    kind: 'SOURCE',
    name: c.catalogue,
    summary:
      `A public catalogue of tools, read at commit ${short} (${c.commitDate}): ${tools} tools in ${c.tools.length} rows under ${c.sections.length} sections of its ${c.file}. ` +
      'It states that a tool exists, its link and the section it is listed under; the graph carries those facts. Its one-line descriptions are not carried: the curators read them to type and map each tool (their judgement, INFERRED).',
    aliases: [owner],
    attributes: {
      sourceType: 'CATALOGUE',
      year: Number(c.commitDate.slice(0, 4)),
      venue: `GitHub repository ${owner}`,
      repository: c.repository,
      file: c.file,
      commit: c.commit,
      commitDate: c.commitDate,
      licence: c.license,
      citeAs: c.citation,
      coverage: `every tool row of ${c.file} at commit ${short}: name, link, section and line; the descriptions are not carried`,
    },
    citations: [{ source: sourceId, locator: `${c.file} @${short}`, digestId: ledgerKey, confidence: 'STATED' }],
  };
}
