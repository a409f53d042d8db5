"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXPORT_FORMATS = void 0;
exports.EXPORT_FORMATS = ['json', 'ndjson', 'csv'];
//# sourceMappingURL=exportTypes.js.map