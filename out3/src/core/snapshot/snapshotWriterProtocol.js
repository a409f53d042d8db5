"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=snapshotWriterProtocol.js.map