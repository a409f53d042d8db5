"use strict";
/**
 * The domain types shared by the client, the emulator, snapshots, validation and restore.
 * They mirror Keap's REST v2 wire format (field names verbatim, ids as strings) for the subset
 * Keap Vault reads and writes; Keap may send more fields, which are kept as they come.
 */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=model.js.map