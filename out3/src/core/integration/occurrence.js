"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=occurrence.js.map