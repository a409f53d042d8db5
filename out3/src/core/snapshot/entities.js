"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENTITY_DEFS = exports.primaryEmail = exports.SNAPSHOT_ENTITIES = exports.DERIVED_ENTITIES = exports.CAPTURED_ENTITIES = void 0;
/**
 * What a snapshot holds: one table per entity with Keap's raw JSON plus indexed columns for the id
 * and every reference, so validation and restore can join in SQL without parsing JSON. The tables
 * come from the entity modules (src/core/entities); this is the snapshot's view of them.
 */
const entities_1 = require("../entities");
var entities_2 = require("../entities");
Object.defineProperty(exports, "CAPTURED_ENTITIES", { enumerable: true, get: function () { return entities_2.CAPTURED_ENTITIES; } });
Object.defineProperty(exports, "DERIVED_ENTITIES", { enumerable: true, get: function () { return entities_2.DERIVED_ENTITIES; } });
Object.defineProperty(exports, "SNAPSHOT_ENTITIES", { enumerable: true, get: function () { return entities_2.SNAPSHOT_ENTITIES; } });
var contacts_1 = require("../entities/contacts");
Object.defineProperty(exports, "primaryEmail", { enumerable: true, get: function () { return contacts_1.primaryEmail; } });
exports.ENTITY_DEFS = Object.fromEntries(entities_1.ENTITY_MODULES.flatMap((m) => {
    const children = (m.children ?? []).map((c) => ({ ...c, name: c.name }));
    const own = {
        name: m.name,
        idOf: m.table.idOf,
        columns: m.table.columns,
        children: children.length
            ? children.map((c) => ({ entity: c.name, parentColumn: c.parentColumn, of: c.rowsOf }))
            : undefined,
    };
    return [[m.name, own], ...children.map((c) => [c.name, { name: c.name, idOf: c.idOf, columns: c.columns }])];
}));
//# sourceMappingURL=entities.js.map