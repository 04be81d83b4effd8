// Links to a source and to the place a citation names, made from the Source's attributes alone.
import { describe, expect, it } from 'vitest';
import { citationUrl, lineOf, pageOf, sourceUrl } from '../../src/domain/source-links.js';

const paper = { url: 'https://arxiv.org/abs/2205.02302', pdfUrl: 'https://arxiv.org/pdf/2205.02302v3' };
const paperWithoutPdf = { url: 'https://arxiv.org/abs/2406.09737' };
const catalogue = {
  repository: 'https://github.com/EthicalML/awesome-production-machine-learning',
  file: 'README.md',
  commit: '30a25821cb77dbfb24b0e427888ff4a10ddae318',
};

describe('pageOf', () => {
  it('reads the first page a locator names, single or range', () => {
    expect(pageOf('§4.2 C4, p.4')).toBe(4);
    expect(pageOf('Appendix, Table 1, pp.11–12')).toBe(11);
    expect(pageOf('§4.2 p.20 l.993–1004')).toBe(20);
    expect(pageOf('§5(B1), p.6; Fig. 4')).toBe(6);
  });
  it('does not take a section, a figure or a line for a page', () => {
    expect(pageOf('§4.2')).toBeNull();
    expect(pageOf('Fig. 4')).toBeNull();
    expect(pageOf('README.md §Data Pipeline l.183 @30a2582')).toBeNull();
    expect(pageOf('§2 › Entanglement')).toBeNull();
  });
});

describe('lineOf', () => {
  it('reads a catalogue README line', () => {
    expect(lineOf('README.md §Data Pipeline l.183 @30a2582')).toBe(183);
    expect(lineOf('§4.2 p.20 l.993–1004')).toBeNull();
  });
});

describe('sourceUrl', () => {
  it("is a paper's url, or a catalogue's file at the commit read", () => {
    expect(sourceUrl(paper)).toBe('https://arxiv.org/abs/2205.02302');
    expect(sourceUrl(catalogue)).toBe(`${catalogue.repository}/blob/${catalogue.commit}/README.md`);
    expect(sourceUrl({})).toBeNull();
  });
});

describe('citationUrl', () => {
  it("links a page of the PDF the paper's pages follow", () => {
    expect(citationUrl('§4.2 C4, p.4', paper)).toBe('https://arxiv.org/pdf/2205.02302v3#page=4');
  });
  it('links the landing page when the locator names no page, or the source names no PDF', () => {
    expect(citationUrl('§7', paper)).toBe('https://arxiv.org/abs/2205.02302');
    expect(citationUrl('§4.2 p.20 l.993–1004', paperWithoutPdf)).toBe('https://arxiv.org/abs/2406.09737');
  });
  it("links a catalogue's README line at the commit read", () => {
    expect(citationUrl('README.md §Data Pipeline l.183 @30a2582', catalogue)).toBe(
      `${catalogue.repository}/blob/${catalogue.commit}/README.md#L183`,
    );
  });
});
