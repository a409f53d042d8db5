"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=names.js.map