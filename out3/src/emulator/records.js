"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=records.js.map