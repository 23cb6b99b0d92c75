import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { randomUUID } from 'node:crypto';

// class-transformer keeps its `@Type()` metadata in a module of its own, without an export of its own types.
const { defaultMetadataStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** A DTO class. */
type Dto = abstract new (...args: never[]) => unknown;

/** The part of an OpenAPI schema the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
}

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One request that the service must refuse with a 4xx. */
export interface MalformedRequest {
  label: string;
  method: 'post' | 'put' | 'patch' | 'get' | 'delete';
  path: string;
  contentType?: string;
  body?: string;
  anonymous?: boolean;
}

/** What the generator needs to know of the test's data: a real value for each path parameter and id field. */
export interface Fixtures {
  /** A value that exists for this parameter of this path, e.g. the term's code for `{code}`. */
  pathValue(path: string, param: string): string;
  /** An existing id for an id field of a body (`districtId`, `supervisorIds`), or a fresh UUID. */
  idFor(property: string): string;
}

const BODY_METHODS = new Set(['post', 'put', 'patch']);
const DEEP = 100_000;

/**
 * Malformed requests for every operation of the document: bodies nested 100,000 levels deep,
 * NUL and lone surrogates in every string, null on every property that may not be null, wrong
 * types, over-long strings, `__proto__`/`constructor`/`prototype` keys, other content types, and
 * broken path parameters. Each request is malformed in exactly one way, the rest of it valid.
 */
export function malformedRequests(
  document: OpenApiDocument,
  schemaOf: (ref: string) => Schema,
  fixtures: Fixtures,
  nullable: (schemaName: string, property: string) => boolean,
): MalformedRequest[] {
  const out: MalformedRequest[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as [MalformedRequest['method'], Operation][]) {
      const params = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const fill = (bad?: { param: string; value: string }) =>
        params.reduce(
          (path, param) =>
            path.replace(
              `{${param}}`,
              bad?.param === param ? bad.value : encodeURIComponent(fixtures.pathValue(template, param)),
            ),
          template,
        );
      const path = fill();
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const anonymous = Array.isArray(operation.security) && operation.security.length === 0;
      const base = (json ? sample(schemaOf(json.$ref ?? ''), '', fixtures) : {}) as Record<string, unknown>;
      const bodyText = JSON.stringify(base);
      const add = (label: string, request: Omit<MalformedRequest, 'label' | 'method' | 'path'> & { path?: string }) =>
        out.push({ label: `${method.toUpperCase()} ${template}: ${label}`, method, path, anonymous, ...request });

      for (const param of params) {
        for (const [label, value] of BAD_PATH_VALUES) {
          add(`${param} ${label}`, {
            path: fill({ param, value }),
            ...(json ? { contentType: 'application/json', body: bodyText } : {}),
          });
        }
      }
      if (!BODY_METHODS.has(method)) continue;

      // Whatever the operation takes, these are refused.
      add('nested 100,000 levels deep', { contentType: 'application/json', body: '['.repeat(DEEP) + ']'.repeat(DEEP) });
      add('a form body', { contentType: 'application/x-www-form-urlencoded', body: 'name=x&email=a%40b.se' });
      add('a text body', { contentType: 'text/plain', body: bodyText });
      add('an XML body', { contentType: 'application/xml', body: '<name>x</name>' });
      add('no content type', { contentType: '', body: bodyText });

      const csv = content['text/csv']?.schema;
      if (csv) {
        const [header, row] = typeof csv.example === 'string' ? csv.example : ''.split('\n');
        add('a NUL in a CSV cell', { contentType: 'text/csv', body: `${header}\n${row.replace(',', '\u0000x,')}` });
        add('a JSON body', { contentType: 'application/json', body: JSON.stringify({ csv: csv.example }) });
      }
      if (!json) continue;

      const name = (json.$ref ?? '').split('/').pop()!;
      const schema = schemaOf(json.$ref ?? '');
      const send = (label: string, body: unknown) =>
        add(label, { contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) });
      const withProperty = (property: string, value: unknown) => ({ ...base, [property]: value });
      const first = Object.keys(schema.properties ?? {})[0];

      send('an array instead of an object', [base]);
      send('a number instead of an object', '42');
      send('a __proto__ key', bodyText.replace(/^\{/, '{"__proto__":{"admin":true},'));
      send('a constructor key', withProperty('constructor', { prototype: { admin: true } }));
      send('a prototype key', withProperty('prototype', 1));
      send('a __proto__ key two levels down', withProperty('extra', JSON.parse('{"a":{"__proto__":{"x":1}}}')));
      send('a NUL in a key', withProperty('na\u0000me', 'x'));
      if (first) {
        send(
          `${first} nested 100,000 levels deep`,
          bodyText.replace(/^\{/, `{"${first}":${'['.repeat(DEEP)}${']'.repeat(DEEP)},`),
        );
        send(`${first} nested 40 levels deep`, withProperty(first, nest(40)));
      }

      for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
        if (!nullable(name, property)) send(`${property} null`, withProperty(property, null));
        for (const [label, value] of wrongValues(propertySchema))
          send(`${property} ${label}`, withProperty(property, value));
        for (const [label, value] of badStrings(propertySchema, sample(propertySchema, property, fixtures)))
          send(`${property} ${label}`, withProperty(property, value));
      }
    }
  }
  return out;
}

const BAD_PATH_VALUES: [string, string][] = [
  ['with a NUL', 'a%00b'],
  ['as a lone surrogate (invalid UTF-8)', 'x%ED%A0%80y'],
  ['with a broken percent escape', 'x%E0%A4%A'],
  ['not a UUID', 'not-a-uuid'],
  ['300 characters long', 'x'.repeat(300)],
  ['a UUID of nothing', randomUUID()],
];

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values of the wrong type for a property. */
function wrongValues(schema: Schema): [string, unknown][] {
  switch (schema.type) {
    case 'string':
      return [
        ['a number', 12345],
        ['an object', { x: 'y' }],
      ];
    case 'integer':
    case 'number':
      return [
        ['a numeric string', '1'],
        ['a fraction', 1.5],
        ['too big', 1e308],
      ];
    case 'boolean':
      return [['the string "true"', 'true']];
    case 'array':
      return [
        ['a string', 'x'],
        ['holding null', [null]],
        ['holding an object', [{}]],
      ];
    default:
      return [
        ['an array', []],
        ['a string', 'x'],
      ];
  }
}

/** A valid value of a string property, broken: NUL, a lone surrogate, one character too many. */
function badStrings(schema: Schema, valid: unknown): [string, unknown][] {
  const inArray = schema.type === 'array' && schema.items?.type === 'string';
  if (schema.type !== 'string' && !inArray) return [];
  const text = String(inArray ? (valid as unknown[])[0] : valid);
  const wrap = (value: string) => (inArray ? [value] : value);
  const limit = inArray ? schema.items?.maxLength : schema.maxLength;
  return [
    ['with a NUL', wrap(`${text.slice(0, 1)}\u0000${text.slice(1)}`)],
    ['with a lone high surrogate', wrap(`${text.slice(0, 1)}\ud800${text.slice(1)}`)],
    ['with a lone low surrogate at the end', wrap(`${text}\udc00`)],
    ...(limit ? [[`${limit + 1} characters long`, wrap('x'.repeat(limit + 1))] as [string, unknown]] : []),
  ];
}

const TEXT_CANDIDATES = ['Probe', 'HT2031', 'SU-PROBE-1', 'probe-password-1'];

/** A value that passes a property's rules (the ids of the test's data for id fields). */
export function sample(schema: Schema, property: string, fixtures: Fixtures): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(schema.items ?? { type: 'string' }, property, fixtures)];
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, sample(schema.properties?.[name] ?? {}, name, fixtures)]),
      );
  }
  if (schema.format === 'uuid') return fixtures.idFor(property);
  if (schema.format === 'email') return 'probe@example.se';
  if (schema.format === 'date') return '2031-03-03';
  if (schema.format === 'date-time') return '2031-03-03T09:00:00+01:00';
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  return (
    TEXT_CANDIDATES.find(
      (text) =>
        (!pattern || pattern.test(text)) &&
        text.length >= (schema.minLength ?? 0) &&
        text.length <= (schema.maxLength ?? Infinity),
    ) ?? 'Probe'
  );
}

/**
 * The request schemas as the build's OpenAPI plugin writes them, read from the DTOs'
 * class-validator rules: the test app is compiled without the plugin, so its document names each
 * body's DTO but lists no properties. A property is optional when a rule lets it be left out.
 */
export function schemasFromDtos(app: INestApplication): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  const add = (dto: Dto) => {
    if (schemas.has(dto.name)) return;
    const schema: Schema = { type: 'object', properties: {}, required: [] };
    schemas.set(dto.name, schema);
    const optional = new Set<string>();
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
      const property = rule.propertyName;
      if (rule.type === 'conditionalValidation') optional.add(property);
      const own = (schema.properties![property] ??= {});
      const target = rule.each ? (own.items ??= {}) : own;
      const [constraint] = (rule.constraints ?? []) as unknown[];
      switch (rule.name ?? rule.type) {
        case 'isString':
          target.type = 'string';
          break;
        case 'isEmail':
          Object.assign(target, { type: 'string', format: 'email' });
          break;
        case 'isUuid':
          Object.assign(target, { type: 'string', format: 'uuid' });
          break;
        case 'isCalendarDate':
          Object.assign(target, { type: 'string', format: 'date' });
          break;
        case 'isIso8601':
          Object.assign(target, { type: 'string', format: 'date-time' });
          break;
        case 'matches':
          Object.assign(target, { type: 'string', pattern: (constraint as RegExp).source });
          break;
        case 'isEnum':
          target.enum = Object.values(constraint as object);
          break;
        case 'isIn':
          target.enum = constraint as unknown[];
          break;
        case 'isBooleanString':
          Object.assign(target, { type: 'string', enum: ['true', 'false'] });
          break;
        case 'isInt':
          target.type = 'integer';
          break;
        case 'isNumber':
          target.type = 'number';
          break;
        case 'isBoolean':
          target.type = 'boolean';
          break;
        case 'isArray':
          own.type = 'array';
          break;
        case 'minLength':
          target.minLength = constraint as number;
          break;
        case 'maxLength':
          target.maxLength = constraint as number;
          break;
        case 'min':
          target.minimum = constraint as number;
          break;
        case 'max':
          target.maximum = constraint as number;
          break;
        case 'arrayMinSize':
          own.minItems = constraint as number;
          break;
        case 'nestedValidation': {
          const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as Dto | undefined;
          if (nested) {
            add(nested);
            Object.assign(target, schemas.get(nested.name));
          }
          break;
        }
      }
    }
    schema.required = Object.keys(schema.properties!).filter((property) => !optional.has(property));
  };
  for (const dto of bodyDtos(app)) add(dto);
  return schemas;
}

/** Every class a controller takes as its `@Body()`. */
function bodyDtos(app: INestApplication): Dto[] {
  const found: Dto[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      for (const method of Object.getOwnPropertyNames(metatype.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, method) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', metatype.prototype, method) ?? []) as (
          Dto | undefined
        )[];
        for (const [key, { index }] of Object.entries(args)) {
          const type = types[index];
          if (key.startsWith(`${RouteParamtypes.BODY}:`) && type && type !== Object && type.name.endsWith('Dto'))
            found.push(type);
        }
      }
    }
  }
  return found;
}
