"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=requests.js.map