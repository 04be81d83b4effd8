// Plain words for the API's codes, so the page never shows a raw enum value.
export const CONFIDENCE_WORDS: Record<string, string> = { STATED: 'stated by a source', INFERRED: 'inferred by the curators' };

export const ROAD_WORDS: Record<string, string> = {
  DIRECT: 'addresses it directly',
  SOUND: 'through the same notion in another source’s words',
  WEAK: 'indirectly (a category, principle, solution or related challenge)',
};

export const DERIVATION_WORDS: Record<string, string> = {
  DIRECT: 'a source names the tool for it',
  VIA_COMPONENT: 'through an architecture component',
  VIA_PRINCIPLE: 'through a principle',
  VIA_CATALOGUE_SECTION: 'through its catalogue section',
  VIA_COMPONENT_AND_PRINCIPLE: 'through a component and a principle (weak)',
};

export const TOOL_TYPE_WORDS: Record<string, string> = {
  PRODUCT: 'Products a team can adopt',
  TECHNIQUE: 'Techniques and patterns',
  TECHNOLOGY_CLASS: 'Classes of technology',
  GUIDANCE: 'Guidance documents',
  RESEARCH_PROTOTYPE: 'Research prototypes',
  FRAMEWORK: 'Conceptual frameworks',
  MODEL: 'Models',
  BENCHMARK: 'Benchmarks',
  DATASET: 'Data sets',
  LINK_LIST: 'Link lists',
};

export const MATCH_WORDS: Record<string, string> = {
  NAME: 'its name',
  ALIAS: 'another name for it',
  SUMMARY: 'its summary',
  DESCRIPTION: 'a source’s description',
  RELATED: 'a related problem',
};

/** The plain words for a code, or the code made readable when the table does not know it. */
export function words(table: Record<string, string>, code: string): string {
  return table[code] ?? code.toLowerCase().replace(/_/g, ' ');
}
