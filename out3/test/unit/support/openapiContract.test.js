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
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("assert"));
const openapiContract_1 = require("./openapiContract");
/** A minimal valid OrderV2 as GET /rest/v2/orders/{order_id} would return it. */
function order(overrides = {}) {
    return {
        id: '1',
        title: 'Online Order #1',
        status: 'PAID',
        total: { amount: 1999, currency_code: 'USD', formatted_amount: '$19.99' },
        contact: { id: '7', email: 'ada@example.com', given_name: 'Ada', family_name: 'Lovelace' },
        order_type: 'ONLINE',
        order_time: '2024-05-21T23:00:00Z',
        order_items: [{ id: '11', name: 'Widget', quantity: 1, item_type: 'PRODUCT', price_per_unit: { amount: 1999, currency_code: 'USD' } }],
        ...overrides,
    };
}
function assertViolation(errors, ...fragments) {
    assert.ok(errors.some((e) => fragments.every((f) => e.includes(f))), `expected a violation containing ${JSON.stringify(fragments)}, got ${JSON.stringify(errors, null, 2)}`);
}
describe('openapiContract against Keap REST v2 spec', function () {
    let contract;
    before(function () {
        const loaded = (0, openapiContract_1.loadKeapV2Contract)();
        if (!loaded)
            this.skip();
        contract = loaded;
    });
    it('loads once and caches the result', function () {
        assert.strictEqual((0, openapiContract_1.loadKeapV2Contract)(), contract);
    });
    describe('findOperation', function () {
        it('prefers a literal path over a templated one', function () {
            assert.deepStrictEqual(contract.findOperation('GET', '/crm/rest/v2/contacts/model'), {
                template: '/rest/v2/contacts/model',
                method: 'get',
                operationId: 'retrieveContactModel',
            });
            assert.strictEqual(contract.findOperation('get', '/crm/rest/v2/contacts/42?fields=id')?.template, '/rest/v2/contacts/{contact_id}');
        });
        it('treats a :verb suffix as part of the last segment', function () {
            assert.deepStrictEqual(contract.findOperation('POST', '/crm/rest/v2/tags/7/contacts:applyTags'), {
                template: '/rest/v2/tags/{tag_id}/contacts:applyTags',
                method: 'post',
                operationId: 'applyTags',
            });
            assert.strictEqual(contract.findOperation('POST', 'https://api.keap.com/crm/rest/v2/orders/9/payments')?.template, '/rest/v2/orders/{order_id}/payments');
            // Only POST exists for ':invoice'; a GET must not fall back to the subscription with id '5:invoice'.
            assert.strictEqual(contract.findOperation('GET', '/crm/rest/v2/subscriptions/5:invoice'), undefined);
        });
        it('returns undefined for unknown paths and methods', function () {
            assert.strictEqual(contract.findOperation('GET', '/crm/rest/v2/nope'), undefined);
            assert.strictEqual(contract.findOperation('PUT', '/crm/rest/v2/orders/1'), undefined);
            assert.strictEqual(contract.findOperation('GET', '/crm/rest/v1/contacts'), undefined);
        });
    });
    describe('validateResponse', function () {
        it('accepts a minimal OrderV2, including properties the spec does not list', function () {
            assert.deepStrictEqual(contract.validateResponse('GET', '/crm/rest/v2/orders/1', 200, order({ future_field: true })), []);
        });
        it('rejects a numeric id', function () {
            const errors = contract.validateResponse('GET', '/crm/rest/v2/orders/1', 200, order({ id: 123 }));
            assertViolation(errors, 'GET /rest/v2/orders/{order_id} -> 200', '/id must be string');
        });
        it('rejects a status outside DRAFT|SENT|VIEWED|PAID', function () {
            const errors = contract.validateResponse('GET', '/crm/rest/v2/orders/1', 200, order({ status: 'UNPAID' }));
            assertViolation(errors, '/status', 'DRAFT|SENT|VIEWED|PAID', '"UNPAID"');
        });
        it('checks nested schemas and formats', function () {
            const errors = contract.validateResponse('GET', '/crm/rest/v2/orders/1', 200, order({ total: { amount: '19.99' }, order_time: 'yesterday' }));
            assertViolation(errors, '/total/amount must be integer');
            assertViolation(errors, '/order_time must match format "date-time"');
        });
        it('rejects a status the operation does not declare', function () {
            assertViolation(contract.validateResponse('GET', '/crm/rest/v2/orders/1', 201, order()), '-> 201', 'not declared');
        });
        it('validates declared error responses', function () {
            assert.deepStrictEqual(contract.validateResponse('GET', '/crm/rest/v2/orders/1', 404, { code: 404, message: 'Not found', status: 'NOT_FOUND' }), []);
            assertViolation(contract.validateResponse('GET', '/crm/rest/v2/orders/1', 404, { code: '404' }), '/code must be integer');
        });
        it('requires an empty body for 204', function () {
            assert.deepStrictEqual(contract.validateResponse('DELETE', '/crm/rest/v2/contacts/5', 204, ''), []);
            assertViolation(contract.validateResponse('DELETE', '/crm/rest/v2/contacts/5', 204, { id: '5' }), 'expected no body');
        });
        it('reports an unknown operation', function () {
            assertViolation(contract.validateResponse('GET', '/crm/rest/v2/nope', 200, {}), 'no such operation');
        });
    });
    describe('validateRequest', function () {
        const createOrder = { contact_id: '7', order_title: 'Restored order', order_type: 'OFFLINE', order_time: '2024-05-21T23:00:00Z' };
        it('accepts a complete RestCreateOrderRequest', function () {
            assert.deepStrictEqual(contract.validateRequest('POST', '/crm/rest/v2/orders', createOrder), []);
        });
        it('rejects a RestCreateOrderRequest without contact_id', function () {
            const { contact_id: _omitted, ...withoutContact } = createOrder;
            assertViolation(contract.validateRequest('POST', '/crm/rest/v2/orders', withoutContact), 'POST /rest/v2/orders request body', "required property 'contact_id'");
        });
        it('rejects a missing required body and a body where none is declared', function () {
            assertViolation(contract.validateRequest('POST', '/crm/rest/v2/orders', undefined), 'required but missing');
            assertViolation(contract.validateRequest('GET', '/crm/rest/v2/orders/1', { x: 1 }), 'takes no body');
        });
    });
    describe('validateQuery', function () {
        it('accepts declared parameters, comma-joining explode:false arrays', function () {
            assert.deepStrictEqual(contract.validateQuery('GET', '/crm/rest/v2/contacts', { page_size: '1000', fields: 'id,email_addresses', page_token: 'abc' }), []);
        });
        it('rejects page_size above the maximum and non-integers', function () {
            assertViolation(contract.validateQuery('GET', '/crm/rest/v2/contacts', { page_size: '5000' }), 'GET /rest/v2/contacts query', '?page_size must be <= 1000');
            assertViolation(contract.validateQuery('GET', '/crm/rest/v2/contacts', { page_size: '1.5' }), '?page_size must be integer');
        });
        it('rejects unknown parameter names', function () {
            assertViolation(contract.validateQuery('GET', '/crm/rest/v2/contacts', { limit: '10' }), 'unknown parameter "limit"');
        });
        it('checks enum items of a repeated update_mask and reports missing required parameters', function () {
            assert.deepStrictEqual(contract.validateQuery('PATCH', '/crm/rest/v2/contacts/5', { update_mask: ['given_name', 'family_name'] }), []);
            assertViolation(contract.validateQuery('PATCH', '/crm/rest/v2/contacts/5', { update_mask: ['given_name', 'shoe_size'] }), '?update_mask/1', '"shoe_size"');
            assertViolation(contract.validateQuery('DELETE', '/crm/rest/v2/automations', {}), '?automation_ids is required');
        });
    });
});
describe('openapiContract path matching (inline spec)', function () {
    const ok = { responses: { '200': {} } };
    const contract = new openapiContract_1.KeapV2Contract({
        paths: {
            '/rest/v2/things/{thing_id}': { get: { operationId: 'getThing', ...ok } },
            '/rest/v2/things/special': { get: { operationId: 'getSpecial', ...ok } },
            '/rest/v2/things/{thing_id}:run': { post: { operationId: 'runThing', ...ok } },
        },
    });
    it('ranks literal segments above templates regardless of declaration order', function () {
        assert.strictEqual(contract.findOperation('GET', '/x/rest/v2/things/special')?.operationId, 'getSpecial');
        assert.strictEqual(contract.findOperation('GET', '/x/rest/v2/things/other')?.operationId, 'getThing');
        assert.strictEqual(contract.findOperation('POST', '/rest/v2/things/3%3Arun')?.operationId, 'runThing');
    });
});
//# sourceMappingURL=openapiContract.test.js.map