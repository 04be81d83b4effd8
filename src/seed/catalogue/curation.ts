// seed/<catalogue>/tool-curation.json: the curator's judgement of each listed tool, tool by tool,
// from the catalogue's own description (read, never copied): what it is (a toolType) and, for a
// PRODUCT, which practices and components it serves, each with a note saying what supports it.
// Keyed by the link key (GitHub owner/name lowercased, else the URL), as review-matches.json is.
import { z } from 'zod';
import { TOOL_TYPES } from '../../domain/ontology.js';
import { EntityId } from '../schema.js';

export const CURATION_FILE = 'tool-curation.json';

const Text = z.string().trim().min(10).max(400);

export const CurationMap = z.strictObject({
  id: EntityId.refine((id) => id.startsWith('practice:') || id.startsWith('component:'), 'a map id is a practice: or component: id'),
  note: Text,
});

export const ToolCuration = z
  .strictObject({
    name: z.string().min(1).max(200),
    type: z.enum(TOOL_TYPES, { error: `is not a tool type (one of ${TOOL_TYPES.join(', ')})` }),
    typeNote: Text,
    maps: z.array(CurationMap).optional(),
    /**
     * The same project listed at another link of this catalogue (its repository and its site): the key of
     * that entry. The rows of both links become one entity, under that key; types must agree.
     */
    sameAs: z.string().min(3).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.type !== 'PRODUCT' && t.maps && t.maps.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['maps'], message: `only a PRODUCT is mapped to practices and components (this entry is a ${t.type})` });
    }
    const seen = new Set<string>();
    (t.maps ?? []).forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['maps', i, 'id'], message: 'maps the same id twice' });
      seen.add(m.id);
    });
  });
export type ToolCuration = z.infer<typeof ToolCuration>;

export const ToolCurationFile = z.strictObject({
  about: z.string().optional(),
  tools: z.record(z.string().min(3), ToolCuration),
});
export type ToolCurationFile = z.infer<typeof ToolCurationFile>;

/** One row of the catalogue that a curation file does not yet cover: what `--skeleton` prints. */
export interface MissingCuration {
  readonly key: string;
  readonly name: string;
  readonly rows: readonly { section: string; line: number }[];
}

/** The entries a curator fills in for the missing keys (type and typeNote left empty on purpose). */
export function skeletonOf(missing: readonly MissingCuration[]): Record<string, { name: string; type: string; typeNote: string; maps: never[] }> {
  return Object.fromEntries(missing.map((m) => [m.key, { name: m.name, type: '', typeNote: '', maps: [] }]));
}
