"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXPLORER_ENTITIES = exports.UNIQUE_ID_ENTITIES = exports.SNAPSHOT_ENTITIES = exports.DERIVED_ENTITIES = exports.CAPTURED_ENTITIES = exports.ENTITY_MODULES = void 0;
exports.isCapturedEntity = isCapturedEntity;
exports.entityNoun = entityNoun;
exports.entityModule = entityModule;
/**
 * Every Keap entity Keap Vault knows, one module each. The order is the capture order and the order
 * of a snapshot's tables (and of its checksum): add a new entity at the end.
 */
const campaigns_1 = require("./campaigns");
const companies_1 = require("./companies");
const contacts_1 = require("./contacts");
const customFields_1 = require("./customFields");
const notes_1 = require("./notes");
const orders_1 = require("./orders");
const payments_1 = require("./payments");
const products_1 = require("./products");
const subscriptions_1 = require("./subscriptions");
const tags_1 = require("./tags");
const transactions_1 = require("./transactions");
exports.ENTITY_MODULES = [
    contacts_1.contacts,
    companies_1.companies,
    products_1.products,
    orders_1.orders,
    payments_1.payments,
    transactions_1.transactions,
    subscriptions_1.subscriptions,
    tags_1.tags,
    campaigns_1.campaigns,
    customFields_1.customFields,
    notes_1.notes,
];
const namesMatchRegistry = [true, true];
void namesMatchRegistry;
exports.CAPTURED_ENTITIES = exports.ENTITY_MODULES.map((m) => m.name);
exports.DERIVED_ENTITIES = exports.ENTITY_MODULES.flatMap((m) => (m.children ?? []).map((c) => c.name));
exports.SNAPSHOT_ENTITIES = [...exports.CAPTURED_ENTITIES, ...exports.DERIVED_ENTITIES];
const BY_NAME = new Map(exports.ENTITY_MODULES.map((m) => [m.name, m]));
const CHILD_BY_NAME = new Map(exports.ENTITY_MODULES.flatMap((m) => (m.children ?? []).map((c) => [c.name, c])));
const PARENT_OF = new Map(exports.ENTITY_MODULES.flatMap((m) => (m.children ?? []).map((c) => [c.name, m])));
function isCapturedEntity(name) {
    return BY_NAME.has(name);
}
function entityNoun(name) {
    return BY_NAME.get(name)?.noun ?? CHILD_BY_NAME.get(name)?.noun;
}
/** The module of a captured entity, or of the entity whose records carry a derived one inline. */
function entityModule(name) {
    const module = BY_NAME.get(name) ?? PARENT_OF.get(name);
    // invariant: every SnapshotEntity is captured or carried inline by a captured one (names.ts is checked against the registry).
    if (!module)
        throw new Error(`Unknown Keap entity '${name}'`);
    return module;
}
/** Entities whose ids Keap makes unique (checked by entity/duplicate-id): each entity, then its children. */
exports.UNIQUE_ID_ENTITIES = exports.ENTITY_MODULES.flatMap((m) => [
    ...(m.uniqueIds ? [m.name] : []),
    ...(m.children ?? []).filter((c) => c.uniqueIds).map((c) => c.name),
]);
/** Entities the explorer lists, in the order users look for them. */
exports.EXPLORER_ENTITIES = exports.ENTITY_MODULES.filter((m) => m.explorerRank !== undefined)
    .sort((a, b) => a.explorerRank - b.explorerRank)
    .map((m) => m.name);
//# sourceMappingURL=index.js.map