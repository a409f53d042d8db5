"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadSqlJs = loadSqlJs;
/**
 * Loads sql.js once. The wasm comes from the bundle's own folder (esbuild copies it to dist/), or
 * from the sql.js package when running unbundled (tests); never from the network.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const sql_js_1 = __importDefault(require("sql.js"));
let loading;
function loadSqlJs() {
    loading ??= (0, sql_js_1.default)({ wasmBinary: readWasm() });
    return loading;
}
function readWasm() {
    const beside = node_path_1.default.join(__dirname, 'sql-wasm.wasm');
    if ((0, node_fs_1.existsSync)(beside))
        return (0, node_fs_1.readFileSync)(beside);
    return (0, node_fs_1.readFileSync)(require.resolve('sql.js/dist/sql-wasm.wasm'));
}
//# sourceMappingURL=sqlite.js.map