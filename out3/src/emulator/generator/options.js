"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_GENERATOR_NOW = exports.PLANTED_PROBLEM_KINDS = void 0;
exports.targetCounts = targetCounts;
/** The generator's public contract: what a caller asks for and what it gets back. */
const numbers_1 = require("./numbers");
/** Every kind, in the order the generator plants them. */
exports.PLANTED_PROBLEM_KINDS = [
    'orphan-order',
    'dangling-product',
    'orphan-payment',
    'duplicate-payment',
    'overpaid-order',
    'total-mismatch',
    'paid-status-mismatch',
    'orphan-subscription',
    'dangling-tag',
    'dangling-company',
    'future-order',
    'order-before-contact',
    'duplicate-order',
];
exports.DEFAULT_GENERATOR_NOW = '2026-11-01T12:00:00.000Z';
/** The entity counts `generateAccount` aims at before planting (orders and subscriptions approximately). */
function targetCounts(size) {
    return {
        contacts: size,
        companies: Math.max(1, Math.round(size / 8)),
        products: (0, numbers_1.clamp)(Math.round(size / 20), 3, 2000),
        tags: (0, numbers_1.clamp)(Math.round(size / 50), 3, 300),
        campaigns: (0, numbers_1.clamp)(Math.round(size / 100), 2, 30),
        orders: Math.round(size * 1.2),
        subscriptions: Math.round(size / 10),
        notes: Math.round(size / 2),
    };
}
//# sourceMappingURL=options.js.map