"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FILE_RULES = void 0;
const duplicateId_1 = require("./duplicateId");
const existingOrderId_1 = require("./existingOrderId");
const fileSyntax_1 = require("./fileSyntax");
const unknownContact_1 = require("./unknownContact");
const unknownOrder_1 = require("./unknownOrder");
const unknownProduct_1 = require("./unknownProduct");
const unknownTag_1 = require("./unknownTag");
/** Every file rule, in the order they run and are listed. */
exports.FILE_RULES = [
    fileSyntax_1.fileSyntax,
    duplicateId_1.duplicateId,
    unknownContact_1.unknownContact,
    unknownProduct_1.unknownProduct,
    unknownOrder_1.unknownOrder,
    existingOrderId_1.existingOrderId,
    unknownTag_1.unknownTag,
];
//# sourceMappingURL=index.js.map