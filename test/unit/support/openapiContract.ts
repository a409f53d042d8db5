/**
 * Test-only contract checks against Keap's OpenAPI 3.1 description of REST v2.
 *
 * The spec belongs to Keap and is never copied into this project: it is read from
 * `<project root>/../shared/keap-openapi/rest-v2.openapi.yaml`, and every consumer must
 * cope with it being absent (`loadKeapV2Contract()` returns undefined -> `this.skip()`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface ContractViolation {
  where: string;
  errors: string[];
}

type JsonSchema = Record<string, unknown>;
interface MediaTypes {
  [mediaType: string]: { schema?: JsonSchema };
}
interface ParameterDef {
  name: string;
  in: string;
  required?: boolean;
  explode?: boolean;
  schema?: JsonSchema;
}
interface OperationDef {
  operationId?: string;
  parameters?: ParameterDef[];
  requestBody?: { required?: boolean; content?: MediaTypes };
  responses?: Record<string, { content?: MediaTypes }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
}

interface Route {
  template: string;
  method: string;
  op: OperationDef;
  /** JSON pointer of the operation inside the document. */
  pointer: string;
  /** Path-item-level parameters with their pointers (op-level ones override them). */
  sharedParams: { def: ParameterDef; pointer: string }[];
  regex: RegExp;
  /** Per segment: literal segments outrank templated ones, then more literal characters wins. */
  rank: number[];
}

interface QueryParam {
  pointer: string;
  required: boolean;
  isArray: boolean;
  commaSeparated: boolean;
}

const SPEC_ID = 'keap-v2';
const ANNOTATIONS = new Set(['$ref', 'description', 'summary', 'title', 'example', 'examples', 'deprecated']);
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

export class KeapV2Contract {
  private readonly routes: Route[] = [];
  private readonly ajv: Ajv2020;
  /** Query strings arrive as text, so their values need coercing ('5000' -> 5000) before checking. */
  private readonly queryAjv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly queryTables = new Map<Route, Map<string, QueryParam>>();

  constructor(private readonly doc: OpenApiDoc) {
    // The whole document is registered once, so every schema is compiled as a `$ref` into it
    // and the spec's own `#/components/schemas/...` refs resolve without rewriting.
    this.ajv = makeAjv(false, doc);
    this.queryAjv = makeAjv(true, doc);
    for (const [template, item] of Object.entries(doc.paths)) {
      const sharedParams = ((item.parameters as ParameterDef[] | undefined) ?? []).map((def, i) => ({
        def,
        pointer: `/paths/${esc(template)}/parameters/${i}`,
      }));
      for (const [method, op] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method)) continue;
        this.routes.push({
          template,
          method,
          op: op as OperationDef,
          pointer: `/paths/${esc(template)}/${method}`,
          sharedParams,
          ...compileTemplate(template),
        });
      }
    }
  }

  findOperation(method: string, path: string): { template: string; method: string; operationId?: string } | undefined {
    const route = this.match(method, path);
    return route && { template: route.template, method: route.method, operationId: route.op.operationId };
  }

  validateResponse(method: string, path: string, status: number, body: unknown): string[] {
    const route = this.match(method, path);
    if (!route) return unknownOperation(method, path);
    const where = `${describeRoute(route)} -> ${status}`;
    const responses = route.op.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) {
      return flatten({ where, errors: [`status not declared by the spec (declared: ${Object.keys(responses).join(', ')})`] });
    }
    const mediaType = pickMediaType(responses[key].content);
    if (status === 204 || !mediaType) {
      return isEmptyBody(body) ? [] : flatten({ where, errors: [`expected no body, got ${preview(body)}`] });
    }
    return flatten(this.check(where, this.ajv, `${route.pointer}/responses/${esc(key)}/content/${esc(mediaType)}/schema`, body));
  }

  validateRequest(method: string, path: string, body: unknown): string[] {
    const route = this.match(method, path);
    if (!route) return unknownOperation(method, path);
    const where = `${describeRoute(route)} request body`;
    const requestBody = route.op.requestBody;
    const mediaType = pickMediaType(requestBody?.content);
    if (!requestBody || !mediaType) {
      return isEmptyBody(body) ? [] : flatten({ where, errors: [`operation takes no body, got ${preview(body)}`] });
    }
    if (isEmptyBody(body)) return requestBody.required ? flatten({ where, errors: ['required but missing'] }) : [];
    return flatten(this.check(where, this.ajv, `${route.pointer}/requestBody/content/${esc(mediaType)}/schema`, body));
  }

  validateQuery(method: string, path: string, query: Record<string, string | string[]>): string[] {
    const route = this.match(method, path);
    if (!route) return unknownOperation(method, path);
    const where = `${describeRoute(route)} query`;
    const table = this.queryTable(route);
    const errors: string[] = [];
    for (const [name, raw] of Object.entries(query)) {
      const param = table.get(name);
      if (!param) {
        errors.push(`unknown parameter "${name}" (declared: ${[...table.keys()].join(', ') || 'none'})`);
        continue;
      }
      let values = Array.isArray(raw) ? raw : [raw];
      if (param.commaSeparated) values = values.flatMap((v) => v.split(','));
      if (!param.isArray && values.length !== 1) {
        errors.push(`?${name} must be given once, got ${values.length} values`);
        continue;
      }
      const value = param.isArray ? values : values[0];
      errors.push(...this.check(where, this.queryAjv, param.pointer, value, `?${name}`).errors);
    }
    for (const [name, param] of table) {
      if (param.required && !(name in query)) errors.push(`?${name} is required`);
    }
    return flatten({ where, errors });
  }

  private match(method: string, concretePath: string): Route | undefined {
    const specPath = toSpecPath(concretePath);
    if (specPath === undefined) return undefined;
    const wanted = method.toLowerCase();
    let best: Route | undefined;
    for (const route of this.routes) {
      if (route.method !== wanted || !route.regex.test(specPath)) continue;
      if (!best || outranks(route.rank, best.rank)) best = route;
    }
    return best;
  }

  private check(where: string, ajv: Ajv2020, pointer: string, data: unknown, label = ''): ContractViolation {
    // Hundreds of responses are a bare `$ref` to the same schema (Error alone is used ~3000 times);
    // compiling by target keeps that to one validator each.
    pointer = this.resolve(pointer, true).pointer;
    const key = `${ajv === this.ajv ? 'body' : 'query'} ${pointer}`;
    let validate = this.validators.get(key);
    if (!validate) {
      // Each JSON-pointer segment is URI-encoded because templates contain `{`, `}` and `:`.
      const fragment = pointer.split('/').map(encodeURIComponent).join('/');
      validate = ajv.compile({ $ref: `${SPEC_ID}#${fragment}` });
      this.validators.set(key, validate);
    }
    return { where, errors: validate(data) ? [] : (validate.errors ?? []).map((e) => formatError(e, label)) };
  }

  private queryTable(route: Route): Map<string, QueryParam> {
    let table = this.queryTables.get(route);
    if (table) return table;
    table = new Map();
    const own = (route.op.parameters ?? []).map((def, i) => ({ def, pointer: `${route.pointer}/parameters/${i}` }));
    for (const { def, pointer } of [...route.sharedParams, ...own]) {
      if (def.in !== 'query') continue;
      const schemaPointer = `${pointer}/schema`;
      const resolved = this.resolve(schemaPointer);
      const properties = resolved.schema.properties as Record<string, JsonSchema> | undefined;
      if (resolved.schema.type === 'object' && properties && def.explode !== false) {
        // OpenAPI's default form/explode style spreads an object parameter into one query
        // parameter per property (Keap's runReportRequest is declared this way).
        const required = (resolved.schema.required as string[] | undefined) ?? [];
        for (const prop of Object.keys(properties)) {
          const propPointer = `${resolved.pointer}/properties/${esc(prop)}`;
          table.set(prop, this.queryParam(propPointer, def.required === true && required.includes(prop), true));
        }
      } else {
        table.set(def.name, this.queryParam(schemaPointer, def.required === true, def.explode !== false));
      }
    }
    this.queryTables.set(route, table);
    return table;
  }

  private queryParam(pointer: string, required: boolean, explode: boolean): QueryParam {
    const isArray = this.resolve(pointer).schema.type === 'array';
    return { pointer, required, isArray, commaSeparated: isArray && !explode };
  }

  /**
   * Follows local `$ref`s so parameter shapes can be inspected; validation itself is left to ajv.
   * `onlyBare` stops at a `$ref` with constraining siblings, which OpenAPI 3.1 applies alongside it.
   */
  private resolve(pointer: string, onlyBare = false): { schema: JsonSchema; pointer: string } {
    let node: unknown = this.doc;
    for (const part of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)?.[unesc(part)];
    const schema = (node ?? {}) as JsonSchema;
    const follow =
      typeof schema.$ref === 'string' &&
      schema.$ref.startsWith('#/') &&
      (!onlyBare || Object.keys(schema).every((k) => ANNOTATIONS.has(k)));
    return follow ? this.resolve((schema.$ref as string).slice(1), onlyBare) : { schema, pointer };
  }
}

let cached: KeapV2Contract | null | undefined;

/** Absolute path of Keap's REST v2 spec next to the project, or undefined when it is not there. */
export function keapV2SpecPath(): string | undefined {
  for (const start of [process.cwd(), __dirname]) {
    const root = findProjectRoot(start);
    const candidate = root && path.resolve(root, '..', 'shared', 'keap-openapi', 'rest-v2.openapi.yaml');
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function loadKeapV2Contract(): KeapV2Contract | undefined {
  if (cached === undefined) {
    const file = keapV2SpecPath();
    cached = file ? new KeapV2Contract(yaml.load(fs.readFileSync(file, 'utf8')) as OpenApiDoc) : null;
    // Said once, so "pending" in the summary is not a mystery.
    if (!file)
      console.log(
        "    (Keap's OpenAPI description is not at ../shared/keap-openapi/rest-v2.openapi.yaml beside the project: the contract tests are skipped and show as pending)",
      );
  }
  return cached ?? undefined;
}

function makeAjv(coerceTypes: boolean, doc: OpenApiDoc): Ajv2020 {
  // strict: false lets OpenAPI-only keywords (example, discriminator, xml, ...) pass as annotations;
  // ajv natively honours 3.0-style `nullable: true` next to `type`; ajv-formats already knows
  // OpenAPI's int32/int64/float/double/byte/binary/password formats.
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, coerceTypes, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(doc as object, SPEC_ID);
  return ajv;
}

function compileTemplate(template: string): { regex: RegExp; rank: number[] } {
  const segments = template.split('/').slice(1);
  const pattern = segments.map((segment) =>
    segment
      .split(/(\{[^}]+\})/)
      // A parameter value never spans a ':' so that e.g. GET '/subscriptions/5:invoice' is not taken
      // for GET '/subscriptions/{subscription_id}' with id '5:invoice'.
      .map((part) => (part.startsWith('{') ? '[^/:]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join(''),
  );
  const rank = segments.map((segment) => (segment.includes('{') ? segment.replace(/\{[^}]+\}/g, '').length : Number.MAX_SAFE_INTEGER));
  return { regex: new RegExp(`^/${pattern.join('/')}$`), rank };
}

function outranks(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

function toSpecPath(concretePath: string): string | undefined {
  const withoutQuery = concretePath.split(/[?#]/, 1)[0];
  const start = withoutQuery.indexOf('/rest/v2');
  if (start < 0) return undefined;
  // Some clients percent-encode the ':verb' separator.
  return withoutQuery
    .slice(start)
    .replace(/%3A/gi, ':')
    .replace(/(.)\/+$/, '$1');
}

function pickMediaType(content: MediaTypes | undefined): string | undefined {
  const types = Object.keys(content ?? {});
  return types.find((t) => /^application\/(.+\+)?json/.test(t)) ?? types[0];
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

function describeRoute(route: Route): string {
  return `${route.method.toUpperCase()} ${route.template}`;
}

function unknownOperation(method: string, path: string): string[] {
  return flatten({ where: `${method.toUpperCase()} ${path}`, errors: ['no such operation in the Keap REST v2 spec'] });
}

function flatten(violation: ContractViolation): string[] {
  return violation.errors.map((error) => `${violation.where}: ${error}`);
}

function formatError(error: ErrorObject, label: string): string {
  const at = `${label}${error.instancePath}` || '(body)';
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum') {
    const allowed = error.params.allowedValues as unknown[];
    message += ` ${allowed.slice(0, 12).join('|')}${allowed.length > 12 ? '|...' : ''}`;
  }
  if (error.keyword === 'additionalProperties') message += ` "${String(error.params.additionalProperty)}"`;
  if (['type', 'enum', 'format', 'const', 'maximum', 'minimum', 'maxLength', 'minLength'].includes(error.keyword)) {
    message += `, got ${preview(error.data)}`;
  }
  return `${at} ${message}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function esc(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unesc(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function findProjectRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
