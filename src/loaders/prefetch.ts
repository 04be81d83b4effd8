// Look-ahead for the per-kind lists: when a list's selection asks for typed relation fields of its
// nodes (and of their nodes, down to MAX_PREFETCH_DEPTH levels), the list's own Cypher query fetches
// them too, projecting only the properties the selection asks for at that place. The answers are
// kept per request under their response path (e.g. `challenges.nodes.3.practices`), and the
// relation field's resolver at that path takes them instead of asking the links loader: a nested
// list costs ONE round trip instead of one per level.
//
// Keyed by response path, a partial projection can only ever serve the selection it was made for.
// The loaders stay the fallback for everything not planned here (generic `links`, links whose other
// end is of any kind, deeper levels, other root fields), with the same answers: linkCollect in
// src/cypher/entities.ts follows LINKS_BATCH's filters, order and limits.
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { linkFieldsOf, type LinkFieldSpec } from '../domain/link-fields.js';
import type { LinkModel } from '../domain/model.js';
import { LABEL } from '../domain/ontology.js';
import { toLink, type EntityRow, type RelationRow } from '../domain/stored-form.js';
import type { FetchedLink, LinkFetchPlan } from '../repos/entities.js';
import { typedLinkRequest } from './link-request.js';

export const MAX_PREFETCH_DEPTH = 3;

/** GraphQL fields of an entity, and the stored properties each needs (see ENTITY_PROJECTION). */
export const ENTITY_FIELD_PROPS: Record<string, readonly string[]> = {
  id: ['id'],
  kind: ['kind'],
  __typename: ['kind'],
  name: ['name'],
  summary: ['summary'],
  descriptions: ['descriptionsJson'],
  toolType: ['toolType'],
  aliases: ['aliases'],
  attributes: ['attributesJson'],
  confidence: ['confidence'],
  citations: ['citationsJson'],
  links: ['id'],
  // Source's own fields live in its attributes.
  authors: ['attributesJson'],
  year: ['attributesJson'],
  venue: ['attributesJson'],
  arxiv: ['attributesJson'],
  coverage: ['attributesJson'],
  sourceType: ['attributesJson'],
  repository: ['attributesJson'],
  commit: ['attributesJson'],
  commitDate: ['attributesJson'],
  licence: ['attributesJson'],
  citeAs: ['attributesJson'],
};
const RELATION_FIELD_PROPS: Record<string, readonly string[]> = {
  id: ['id'],
  type: ['type'],
  from: ['from'],
  to: ['to'],
  __typename: [],
  level: ['level'],
  note: ['note'],
  confidence: ['confidence'],
  citations: ['citationsJson'],
};
const ALL_ENTITY_PROPS = ['id', 'kind', 'name', 'summary', 'descriptionsJson', 'toolType', 'aliases', 'attributesJson', 'citationsJson', 'confidence'];
const ALL_RELATION_PROPS = ['id', 'type', 'from', 'to', 'level', 'note', 'citationsJson', 'confidence'];

export interface PrefetchPlan extends LinkFetchPlan {
  /** Response key of the relation field (its alias, or its name). */
  readonly responseKey: string;
  readonly spec: LinkFieldSpec;
  readonly first: number;
  /** Values to read of the other end (id and kind always), and of the relation, in this order. */
  readonly nodeValues: readonly string[];
  readonly relationValues: readonly string[];
  /** Response key of `node` in the link (undefined when not selected). */
  readonly nodeKey: string | undefined;
  readonly children: readonly PrefetchPlan[];
}

/** Where a planned entity sits: response-path suffix from the list field, and its plans. */
export interface PrefetchPosition {
  /** e.g. ['nodes'] (then the index) or ['edges'] (then the index, then ['node']). */
  readonly before: string;
  readonly after: string | undefined;
  readonly plans: readonly PrefetchPlan[];
}

const responseKey = (f: FieldNode) => f.alias?.value ?? f.name.value;

/** The fields selected on an object of type `typeName`, through fragments that apply to it. */
export function fieldsOn(selectionSet: SelectionSetNode | undefined, typeName: string, info: GraphQLResolveInfo, out: FieldNode[] = []): FieldNode[] {
  if (!selectionSet) return out;
  const applies = (cond: string | undefined) => {
    if (cond === undefined || cond === typeName) return true;
    const type = info.schema.getType(typeName);
    return isObjectType(type) && type.getInterfaces().some((i) => i.name === cond);
  };
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (applies(s.typeCondition?.name.value)) fieldsOn(s.selectionSet, typeName, info, out);
    } else {
      const fragment = info.fragments[s.name.value];
      if (fragment && applies(fragment.typeCondition.name.value)) fieldsOn(fragment.selectionSet, typeName, info, out);
    }
  }
  return out;
}

/** Field nodes grouped by response key (GraphQL merges them: same field, same arguments). */
function byResponseKey(fields: readonly FieldNode[]): Map<string, FieldNode[]> {
  const groups = new Map<string, FieldNode[]>();
  for (const f of fields) {
    const k = responseKey(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return groups;
}

/** Properties needed by these fields; all of them when a field is not known here. */
function propsFor(fields: readonly FieldNode[], table: Record<string, readonly string[]>, all: readonly string[], linkFields: Record<string, unknown>, always: readonly string[] = []): string[] {
  const props = new Set<string>(always);
  for (const f of fields) {
    const name = f.name.value;
    if (name in linkFields) continue;
    const needed = table[name];
    if (!needed) return [...all];
    for (const p of needed) props.add(p);
  }
  return [...props].sort();
}

/** Plans the typed link fields among `fields` (all on entities of `typeName`), `depth` levels down. */
function planEntity(fields: readonly FieldNode[], typeName: string, info: GraphQLResolveInfo, depth: number): PrefetchPlan[] {
  if (depth <= 0) return [];
  const type = info.schema.getType(typeName);
  const specs = linkFieldsOf(typeName);
  if (!isObjectType(type)) return [];
  const plans: PrefetchPlan[] = [];
  for (const [key, group] of byResponseKey(fields)) {
    const f = group[0]!;
    const spec = specs[f.name.value];
    const def = type.getFields()[f.name.value];
    if (!spec || !def) continue;
    let first: number;
    try {
      first = typedLinkRequest('', spec, getArgumentValues(def, f, info.variableValues) as { first?: number | null }).first;
    } catch {
      continue; // an invalid argument: the field's resolver reports it
    }
    const linkType = getNamedType(def.type);
    if (!isObjectType(linkType)) continue;
    const linkFields = group.flatMap((g) => fieldsOn(g.selectionSet, linkType.name, info));
    const nodeGroups = byResponseKey(linkFields.filter((x) => x.name.value === 'node'));
    // One `node` selection per link (two aliases of `node` would need two projections: not planned).
    if (nodeGroups.size > 1) continue;
    const [nodeKey, nodeFieldNodes] = [...nodeGroups][0] ?? [undefined, []];
    const relationFields = linkFields.filter((x) => x.name.value === 'relation').flatMap((r) => fieldsOn(r.selectionSet, 'Relation', info));
    const childType = spec.kind ? LABEL[spec.kind] : undefined;
    const nodeFields = childType ? nodeFieldNodes.flatMap((n) => fieldsOn(n.selectionSet, childType, info)) : [];
    plans.push({
      responseKey: key,
      spec,
      first,
      // A node of any kind (spec.kind null) may be asked anything through fragments: read everything.
      nodeValues: childType ? propsFor(nodeFields, ENTITY_FIELD_PROPS, ALL_ENTITY_PROPS, linkFieldsOf(childType), ['id', 'kind']) : ALL_ENTITY_PROPS,
      relationValues: propsFor(relationFields, RELATION_FIELD_PROPS, ALL_RELATION_PROPS, {}),
      nodeKey,
      children: childType ? planEntity(nodeFields, childType, info, depth - 1) : [],
    });
  }
  return plans;
}

export interface ConnectionPlan {
  readonly positions: readonly PrefetchPosition[];
  /**
   * Properties the selection needs of the list's own nodes, wherever it asks for them (null: it may
   * need any, e.g. through a field not known here); the list then reads only these.
   */
  readonly nodeProps: readonly string[] | null;
}

/**
 * The look-ahead of a connection field (a per-kind list) whose nodes are of `typeName`: the typed
 * link fields under `nodes { ... }` and `edges { node { ... } }`, per place in the response, and the
 * properties those nodes are asked for.
 */
export function planConnection(info: GraphQLResolveInfo, typeName: string): ConnectionPlan {
  const top = info.fieldNodes.flatMap((f) => fieldsOn(f.selectionSet, `${typeName}Connection`, info));
  const positions: PrefetchPosition[] = [];
  const nodeFields: FieldNode[] = [];
  for (const [key, group] of byResponseKey(top)) {
    const name = group[0]!.name.value;
    if (name === 'nodes') {
      const fields = group.flatMap((g) => fieldsOn(g.selectionSet, typeName, info));
      nodeFields.push(...fields);
      const plans = planEntity(fields, typeName, info, MAX_PREFETCH_DEPTH);
      if (plans.length > 0) positions.push({ before: key, after: undefined, plans });
    } else if (name === 'edges') {
      const edgeFields = group.flatMap((g) => fieldsOn(g.selectionSet, `${typeName}Edge`, info));
      for (const [nodeKey, nodes] of byResponseKey(edgeFields.filter((x) => x.name.value === 'node'))) {
        const fields = nodes.flatMap((g) => fieldsOn(g.selectionSet, typeName, info));
        nodeFields.push(...fields);
        const plans = planEntity(fields, typeName, info, MAX_PREFETCH_DEPTH);
        if (plans.length > 0) positions.push({ before: key, after: nodeKey, plans });
      }
    }
  }
  const props = propsFor(nodeFields, ENTITY_FIELD_PROPS, ALL_ENTITY_PROPS, linkFieldsOf(typeName));
  // propsFor answers "all" for a field it does not know; say so, so the list primes complete entities only.
  const known = nodeFields.every((f) => f.name.value in ENTITY_FIELD_PROPS || f.name.value in (linkFieldsOf(typeName)));
  return { positions, nodeProps: known ? props : null };
}

function rowOf<T>(names: readonly string[], values: readonly unknown[]): T {
  const row: Record<string, unknown> = {};
  names.forEach((n, i) => (row[n] = values[i]));
  return row as T;
}

/** Per request (one of the request's loaders): response path -> the links fetched for the relation field at that path. */
export type PrefetchStore = Map<string, LinkModel[]>;

export function pathKey(path: GraphQLResolveInfo['path'] | undefined): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse().join('.');
}

function keep(store: PrefetchStore, plans: readonly PrefetchPlan[], at: string, fetched: FetchedLink[][] | undefined): void {
  if (!fetched) return;
  plans.forEach((p, i) => {
    const rows = fetched[i];
    if (!rows) return;
    const fieldPath = `${at}.${p.responseKey}`;
    store.set(
      fieldPath,
      rows.map(([node, relation, out]) =>
        toLink({ node: rowOf<EntityRow>(p.nodeValues, node), relation: rowOf<RelationRow>(p.relationValues, relation), direction: out ? 'OUT' : 'IN' }),
      ),
    );
    if (p.nodeKey !== undefined) rows.forEach((r, j) => keep(store, p.children, `${fieldPath}.${j}.${p.nodeKey}`, r[3]));
  });
}

/**
 * Keeps what prefetchCypher fetched for the list node at `index` of the list field at `listPath`
 * (its response path), for the relation fields' resolvers to take.
 */
export function keepPrefetched(store: PrefetchStore, positions: readonly PrefetchPosition[], listPath: string, index: number, fetched: FetchedLink[][][] | null | undefined): void {
  if (!fetched) return;
  positions.forEach((pos, i) => {
    const at = pos.after === undefined ? `${listPath}.${pos.before}.${index}` : `${listPath}.${pos.before}.${index}.${pos.after}`;
    keep(store, pos.plans, at, fetched[i]);
  });
}

/** The links fetched ahead for the relation field resolving at `info.path`, if any. */
export function prefetchedLinks(store: PrefetchStore, info: GraphQLResolveInfo): LinkModel[] | undefined {
  return store.get(pathKey(info.path));
}
