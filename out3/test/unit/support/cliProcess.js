"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLI = void 0;
exports.runCliProcess = runCliProcess;
/** Runs the built CLI as its own process (as a user or another front end would), collecting its output. */
const node_child_process_1 = require("node:child_process");
const node_path_1 = __importDefault(require("node:path"));
exports.CLI = node_path_1.default.join(__dirname, '../../../src/cli/main.js');
function runCliProcess(args, env, cwd) {
    return new Promise((resolve) => {
        const child = (0, node_child_process_1.spawn)(process.execPath, [exports.CLI, ...args], { env, cwd });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d.toString()));
        child.stderr.on('data', (d) => (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
}
//# sourceMappingURL=cliProcess.js.map