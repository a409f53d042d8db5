"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PAGE_SIZE = exports.EXPLORER_ENTITIES = void 0;
var entities_1 = require("../../core/entities");
Object.defineProperty(exports, "EXPLORER_ENTITIES", { enumerable: true, get: function () { return entities_1.EXPLORER_ENTITIES; } });
exports.PAGE_SIZE = 50;
//# sourceMappingURL=nodes.js.map