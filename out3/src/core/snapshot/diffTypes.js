"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=diffTypes.js.map