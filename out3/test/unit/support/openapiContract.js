"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeapV2Contract = void 0;
exports.keapV2SpecPath = keapV2SpecPath;
exports.loadKeapV2Contract = loadKeapV2Contract;
/**
 * Test-only contract checks against Keap's OpenAPI 3.1 description of REST v2.
 *
 * The spec belongs to Keap and is never copied into this project: it is read from
 * `<project root>/../shared/keap-openapi/rest-v2.openapi.yaml`, and every consumer must
 * cope with it being absent (`loadKeapV2Contract()` returns undefined -> `this.skip()`).
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const yaml = __importStar(require("js-yaml"));
const _2020_1 = __importDefault(require("ajv/dist/2020"));
const ajv_formats_1 = __importDefault(require("ajv-formats"));
const SPEC_ID = 'keap-v2';
const ANNOTATIONS = new Set(['$ref', 'description', 'summary', 'title', 'example', 'examples', 'deprecated']);
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
class KeapV2Contract {
    doc;
    routes = [];
    ajv;
    /** Query strings arrive as text, so their values need coercing ('5000' -> 5000) before checking. */
    queryAjv;
    validators = new Map();
    queryTables = new Map();
    constructor(doc) {
        this.doc = doc;
        // The whole document is registered once, so every schema is compiled as a `$ref` into it
        // and the spec's own `#/components/schemas/...` refs resolve without rewriting.
        this.ajv = makeAjv(false, doc);
        this.queryAjv = makeAjv(true, doc);
        for (const [template, item] of Object.entries(doc.paths)) {
            const sharedParams = (item.parameters ?? []).map((def, i) => ({
                def,
                pointer: `/paths/${esc(template)}/parameters/${i}`,
            }));
            for (const [method, op] of Object.entries(item)) {
                if (!HTTP_METHODS.has(method))
                    continue;
                this.routes.push({
                    template,
                    method,
                    op: op,
                    pointer: `/paths/${esc(template)}/${method}`,
                    sharedParams,
                    ...compileTemplate(template),
                });
            }
        }
    }
    findOperation(method, path) {
        const route = this.match(method, path);
        return route && { template: route.template, method: route.method, operationId: route.op.operationId };
    }
    validateResponse(method, path, status, body) {
        const route = this.match(method, path);
        if (!route)
            return unknownOperation(method, path);
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
    validateRequest(method, path, body) {
        const route = this.match(method, path);
        if (!route)
            return unknownOperation(method, path);
        const where = `${describeRoute(route)} request body`;
        const requestBody = route.op.requestBody;
        const mediaType = pickMediaType(requestBody?.content);
        if (!requestBody || !mediaType) {
            return isEmptyBody(body) ? [] : flatten({ where, errors: [`operation takes no body, got ${preview(body)}`] });
        }
        if (isEmptyBody(body))
            return requestBody.required ? flatten({ where, errors: ['required but missing'] }) : [];
        return flatten(this.check(where, this.ajv, `${route.pointer}/requestBody/content/${esc(mediaType)}/schema`, body));
    }
    validateQuery(method, path, query) {
        const route = this.match(method, path);
        if (!route)
            return unknownOperation(method, path);
        const where = `${describeRoute(route)} query`;
        const table = this.queryTable(route);
        const errors = [];
        for (const [name, raw] of Object.entries(query)) {
            const param = table.get(name);
            if (!param) {
                errors.push(`unknown parameter "${name}" (declared: ${[...table.keys()].join(', ') || 'none'})`);
                continue;
            }
            let values = Array.isArray(raw) ? raw : [raw];
            if (param.commaSeparated)
                values = values.flatMap((v) => v.split(','));
            if (!param.isArray && values.length !== 1) {
                errors.push(`?${name} must be given once, got ${values.length} values`);
                continue;
            }
            const value = param.isArray ? values : values[0];
            errors.push(...this.check(where, this.queryAjv, param.pointer, value, `?${name}`).errors);
        }
        for (const [name, param] of table) {
            if (param.required && !(name in query))
                errors.push(`?${name} is required`);
        }
        return flatten({ where, errors });
    }
    match(method, concretePath) {
        const specPath = toSpecPath(concretePath);
        if (specPath === undefined)
            return undefined;
        const wanted = method.toLowerCase();
        let best;
        for (const route of this.routes) {
            if (route.method !== wanted || !route.regex.test(specPath))
                continue;
            if (!best || outranks(route.rank, best.rank))
                best = route;
        }
        return best;
    }
    check(where, ajv, pointer, data, label = '') {
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
    queryTable(route) {
        let table = this.queryTables.get(route);
        if (table)
            return table;
        table = new Map();
        const own = (route.op.parameters ?? []).map((def, i) => ({ def, pointer: `${route.pointer}/parameters/${i}` }));
        for (const { def, pointer } of [...route.sharedParams, ...own]) {
            if (def.in !== 'query')
                continue;
            const schemaPointer = `${pointer}/schema`;
            const resolved = this.resolve(schemaPointer);
            const properties = resolved.schema.properties;
            if (resolved.schema.type === 'object' && properties && def.explode !== false) {
                // OpenAPI's default form/explode style spreads an object parameter into one query
                // parameter per property (Keap's runReportRequest is declared this way).
                const required = resolved.schema.required ?? [];
                for (const prop of Object.keys(properties)) {
                    const propPointer = `${resolved.pointer}/properties/${esc(prop)}`;
                    table.set(prop, this.queryParam(propPointer, def.required === true && required.includes(prop), true));
                }
            }
            else {
                table.set(def.name, this.queryParam(schemaPointer, def.required === true, def.explode !== false));
            }
        }
        this.queryTables.set(route, table);
        return table;
    }
    queryParam(pointer, required, explode) {
        const isArray = this.resolve(pointer).schema.type === 'array';
        return { pointer, required, isArray, commaSeparated: isArray && !explode };
    }
    /**
     * Follows local `$ref`s so parameter shapes can be inspected; validation itself is left to ajv.
     * `onlyBare` stops at a `$ref` with constraining siblings, which OpenAPI 3.1 applies alongside it.
     */
    resolve(pointer, onlyBare = false) {
        let node = this.doc;
        for (const part of pointer.split('/').slice(1))
            node = node?.[unesc(part)];
        const schema = (node ?? {});
        const follow = typeof schema.$ref === 'string' &&
            schema.$ref.startsWith('#/') &&
            (!onlyBare || Object.keys(schema).every((k) => ANNOTATIONS.has(k)));
        return follow ? this.resolve(schema.$ref.slice(1), onlyBare) : { schema, pointer };
    }
}
exports.KeapV2Contract = KeapV2Contract;
let cached;
/** Absolute path of Keap's REST v2 spec next to the project, or undefined when it is not there. */
function keapV2SpecPath() {
    for (const start of [process.cwd(), __dirname]) {
        const root = findProjectRoot(start);
        const candidate = root && path.resolve(root, '..', 'shared', 'keap-openapi', 'rest-v2.openapi.yaml');
        if (candidate && fs.existsSync(candidate))
            return candidate;
    }
    return undefined;
}
function loadKeapV2Contract() {
    if (cached === undefined) {
        const file = keapV2SpecPath();
        cached = file ? new KeapV2Contract(yaml.load(fs.readFileSync(file, 'utf8'))) : null;
        // Said once, so "pending" in the summary is not a mystery.
        if (!file)
            console.log("    (Keap's OpenAPI description is not at ../shared/keap-openapi/rest-v2.openapi.yaml beside the project: the contract tests are skipped and show as pending)");
    }
    return cached ?? undefined;
}
function makeAjv(coerceTypes, doc) {
    // strict: false lets OpenAPI-only keywords (example, discriminator, xml, ...) pass as annotations;
    // ajv natively honours 3.0-style `nullable: true` next to `type`; ajv-formats already knows
    // OpenAPI's int32/int64/float/double/byte/binary/password formats.
    const ajv = new _2020_1.default({ strict: false, allErrors: true, verbose: true, coerceTypes, validateSchema: false });
    (0, ajv_formats_1.default)(ajv);
    ajv.addSchema(doc, SPEC_ID);
    return ajv;
}
function compileTemplate(template) {
    const segments = template.split('/').slice(1);
    const pattern = segments.map((segment) => segment
        .split(/(\{[^}]+\})/)
        // A parameter value never spans a ':' so that e.g. GET '/subscriptions/5:invoice' is not taken
        // for GET '/subscriptions/{subscription_id}' with id '5:invoice'.
        .map((part) => (part.startsWith('{') ? '[^/:]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join(''));
    const rank = segments.map((segment) => (segment.includes('{') ? segment.replace(/\{[^}]+\}/g, '').length : Number.MAX_SAFE_INTEGER));
    return { regex: new RegExp(`^/${pattern.join('/')}$`), rank };
}
function outranks(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
        if (a[i] !== b[i])
            return a[i] > b[i];
    return false;
}
function toSpecPath(concretePath) {
    const withoutQuery = concretePath.split(/[?#]/, 1)[0];
    const start = withoutQuery.indexOf('/rest/v2');
    if (start < 0)
        return undefined;
    // Some clients percent-encode the ':verb' separator.
    return withoutQuery
        .slice(start)
        .replace(/%3A/gi, ':')
        .replace(/(.)\/+$/, '$1');
}
function pickMediaType(content) {
    const types = Object.keys(content ?? {});
    return types.find((t) => /^application\/(.+\+)?json/.test(t)) ?? types[0];
}
function isEmptyBody(body) {
    return body === undefined || body === null || body === '';
}
function describeRoute(route) {
    return `${route.method.toUpperCase()} ${route.template}`;
}
function unknownOperation(method, path) {
    return flatten({ where: `${method.toUpperCase()} ${path}`, errors: ['no such operation in the Keap REST v2 spec'] });
}
function flatten(violation) {
    return violation.errors.map((error) => `${violation.where}: ${error}`);
}
function formatError(error, label) {
    const at = `${label}${error.instancePath}` || '(body)';
    let message = error.message ?? error.keyword;
    if (error.keyword === 'enum') {
        const allowed = error.params.allowedValues;
        message += ` ${allowed.slice(0, 12).join('|')}${allowed.length > 12 ? '|...' : ''}`;
    }
    if (error.keyword === 'additionalProperties')
        message += ` "${String(error.params.additionalProperty)}"`;
    if (['type', 'enum', 'format', 'const', 'maximum', 'minimum', 'maxLength', 'minLength'].includes(error.keyword)) {
        message += `, got ${preview(error.data)}`;
    }
    return `${at} ${message}`;
}
function preview(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
function esc(segment) {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
function unesc(segment) {
    return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
function findProjectRoot(start) {
    for (let dir = path.resolve(start);; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'package.json')))
            return dir;
        if (path.dirname(dir) === dir)
            return undefined;
    }
}
//# sourceMappingURL=openapiContract.js.map