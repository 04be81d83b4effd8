// A tool's input schema, derived from its operation's variable definitions and the SDL: GraphQL input
// types become JSON Schema (ID and String: string, Int: integer, enums: string enums, lists: arrays,
// input objects: objects), non-null variables are required, default values are defaults, and each
// property is described by the SDL's description of the argument the variable feeds.
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { McpOperation } from './operations.js';

export interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  description?: string;
  enum?: string[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  default?: unknown;
  [key: string]: unknown;
}

const SCALARS: Record<string, JsonSchema> = {
  ID: { type: 'string' },
  String: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
};

/** JSON Schema for a GraphQL input type (nullability is the caller's: it decides `required`). */
export function inputTypeSchema(type: GraphQLInputType, seen: ReadonlySet<string> = new Set()): JsonSchema {
  if (type instanceof GraphQLNonNull) return inputTypeSchema(type.ofType as GraphQLInputType, seen);
  if (type instanceof GraphQLList) return { type: 'array', items: inputTypeSchema(type.ofType as GraphQLInputType, seen) };
  if (type instanceof GraphQLEnumType) {
    const values = type.getValues();
    const meaning = values.map((v) => (v.description ? `${v.name}: ${v.description}` : v.name)).join(' ');
    return { type: 'string', enum: values.map((v) => v.name), description: [type.description, meaning].filter(Boolean).join(' ') };
  }
  if (type instanceof GraphQLInputObjectType) {
    if (seen.has(type.name)) return { type: 'object', description: type.description ?? undefined };
    const inner = new Set([...seen, type.name]);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const field of Object.values(type.getFields())) {
      properties[field.name] = withDescription(inputTypeSchema(field.type, inner), field.description);
      if (field.type instanceof GraphQLNonNull && field.defaultValue === undefined) required.push(field.name);
    }
    return { type: 'object', description: type.description ?? undefined, properties, ...(required.length ? { required } : {}), additionalProperties: false };
  }
  if (type instanceof GraphQLScalarType) {
    // Other scalars (JSON) take any JSON value.
    return { ...(SCALARS[type.name] ?? {}), ...(SCALARS[type.name] ? {} : { description: type.description ?? `a ${type.name}` }) };
  }
  return {};
}

function withDescription(schema: JsonSchema, description: string | null | undefined): JsonSchema {
  if (!description) return schema;
  // The argument's own words first; an enum keeps the list of its values after them.
  return { ...schema, description: schema.description ? `${description} ${schema.description}` : description };
}

/** The descriptions of the arguments each variable of the operation feeds (fragments included). */
export function argumentDescriptions(schema: GraphQLSchema, op: McpOperation): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const typeInfo = new TypeInfo(schema);
  const note = (variable: string, description: string | null | undefined) => {
    if (!description) return;
    const list = found.get(variable) ?? [];
    if (!list.includes(description)) list.push(description);
    found.set(variable, list);
  };
  visit(
    op.document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const arg = typeInfo.getArgument();
        for (const name of variablesIn(node.value)) note(name, arg?.description);
      },
    }),
  );
  return found;
}

function variablesIn(value: ValueNode): string[] {
  if (value.kind === Kind.VARIABLE) return [value.name.value];
  if (value.kind === Kind.LIST) return value.values.flatMap(variablesIn);
  if (value.kind === Kind.OBJECT) return value.fields.flatMap((f) => variablesIn(f.value));
  return [];
}

/** The tool's input schema: one property per variable of the operation. */
export function toolInputSchema(schema: GraphQLSchema, op: McpOperation): JsonSchema {
  const descriptions = argumentDescriptions(schema, op);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const def of op.operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    if (!type) throw new Error(`${op.file}: variable $${name} has a type the schema does not define`);
    let property = withDescription(inputTypeSchema(type), (descriptions.get(name) ?? []).join(' '));
    if (def.defaultValue) {
      // The tool's own default may differ from the field's (which the SDL's words give): say which holds.
      const value = valueFromASTUntyped(def.defaultValue);
      property = { ...property, default: value, description: `${property.description ?? ''} This tool's default: ${JSON.stringify(value)}.`.trim() };
    }
    properties[name] = property;
    if (def.type.kind === Kind.NON_NULL_TYPE && !def.defaultValue) required.push(name);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}
