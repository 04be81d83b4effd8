// A tool's output schema, derived from its operation's selection set and the SDL: the JSON Schema of
// the operation's `data`, each property described by the SDL's description of the field it holds (so
// an assistant reads what `score` or `confidence` means where it reads the answer; each field once per
// tool, where it first appears, so that tools/list stays short). Non-null fields are
// required, nullable ones may be null; fields selected under a type condition (`... on Tool`) are optional.
import {
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  Kind,
  getNamedType,
  isCompositeType,
  typeFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { JsonSchema } from './json-schema.js';
import type { McpOperation } from './operations.js';

const SCALARS: Record<string, JsonSchema> = {
  ID: { type: 'string' },
  String: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
};

/** What one schema's walk shares: the fragments, and the fields already described (each once per tool, to keep tools/list short). */
interface Walk {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly described: Set<string>;
}

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  // Any JSON value (no type) already admits null.
  if (schema.type === undefined && !schema.anyOf) return schema;
  return { anyOf: [schema, { type: 'null' }] };
}

function typeSchema(schema: GraphQLSchema, type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, walk: Walk): JsonSchema {
  if (type instanceof GraphQLNonNull) return typeSchema(schema, type.ofType as GraphQLOutputType, selectionSet, walk);
  const inner = (t: GraphQLOutputType) => (t instanceof GraphQLNonNull ? typeSchema(schema, t, selectionSet, walk) : nullable(typeSchema(schema, t, selectionSet, walk)));
  if (type instanceof GraphQLList) return { type: 'array', items: inner(type.ofType as GraphQLOutputType) };
  if (type instanceof GraphQLEnumType) return { type: 'string', enum: type.getValues().map((v) => v.name) };
  if (type instanceof GraphQLScalarType) return SCALARS[type.name] ?? {};
  if (isCompositeType(type) && selectionSet) return objectSchema(schema, type, selectionSet, walk, true);
  return {};
}

function objectSchema(schema: GraphQLSchema, parent: GraphQLCompositeType, selectionSet: SelectionSetNode, walk: Walk, always: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const add = (from: JsonSchema, definite: boolean) => {
    Object.assign(properties, from.properties ?? {});
    if (definite) required.push(...(from.required ?? []));
  };
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      if (sel.name.value === '__typename') {
        properties[key] = { type: 'string' };
        if (always) required.push(key);
        continue;
      }
      const field = 'getFields' in parent ? parent.getFields()[sel.name.value] : undefined;
      if (!field) continue;
      const value = field.type instanceof GraphQLNonNull ? typeSchema(schema, field.type, sel.selectionSet, walk) : nullable(typeSchema(schema, field.type, sel.selectionSet, walk));
      const described = `${parent.name}.${field.name}`;
      const first = !walk.described.has(described);
      walk.described.add(described);
      properties[key] = field.description && first ? { ...value, description: field.description } : value;
      if (always) required.push(key);
    } else {
      const node = sel.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(sel.name.value) : sel;
      if (!node) continue;
      const condition = node.typeCondition ? (typeFromAST(schema, node.typeCondition) as GraphQLCompositeType | undefined) : parent;
      if (!condition) continue;
      // A fragment on the parent type itself always applies; one on a narrower type only sometimes.
      add(objectSchema(schema, condition, node.selectionSet, walk, always), always && getNamedType(condition) === getNamedType(parent));
    }
  }
  return { type: 'object', properties, ...(required.length ? { required: [...new Set(required)] } : {}) };
}

/** The JSON Schema of the operation's `data`. */
export function toolOutputSchema(schema: GraphQLSchema, op: McpOperation): JsonSchema {
  const fragments = new Map(op.document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  return objectSchema(schema, query, op.operation.selectionSet, { fragments, described: new Set() }, true);
}
