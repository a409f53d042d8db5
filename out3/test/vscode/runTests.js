"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm run test:vscode`: the extension's integration tests in a real VS Code extension host. Uses
 * @vscode/test-electron's runTests() with our code-server launcher as the "VS Code executable", because
 * desktop VS Code cannot be downloaded here (see test/vscode/launcher.js and scripts/install-code-server.sh).
 * Prerequisites: `npm run install:vscode`, `npm run build` (the extension under test is dist/extension.js),
 * `npx tsc -p .` (these tests).
 *
 * `--vsix`: the same tests against keap-vault.vsix (`npm run package`) installed into the host, as a user
 * gets it, with an empty extension as the development extension the run needs.
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const test_electron_1 = require("@vscode/test-electron");
// Compiled to out/test/vscode/, three levels below the repo root.
const ROOT = path.resolve(__dirname, '../../..');
async function main() {
    const launcher = path.join(ROOT, 'test', 'vscode', 'launcher.js');
    const extensionTestsPath = path.join(__dirname, 'suite', 'index.js');
    const vsix = process.argv.includes('--vsix') ? path.join(ROOT, 'keap-vault.vsix') : undefined;
    const entry = vsix ?? path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).main);
    if (!fs.existsSync(entry)) {
        console.error(`${path.relative(ROOT, entry)} is missing: run \`npm run ${vsix ? 'package' : 'build'}\` first`);
        return 1;
    }
    if (vsix)
        process.env.VSCODE_TEST_VSIX = vsix; // the launcher inherits it
    const extensionDevelopmentPath = vsix ? path.join(ROOT, 'test', 'vscode', 'vsix-host') : ROOT;
    // test-electron spawns the executable directly (no shell), so the launcher's shebang needs the execute
    // bit; a checkout with core.fileMode=false or an unzip may have lost it.
    fs.accessSync(launcher, fs.constants.R_OK);
    try {
        fs.accessSync(launcher, fs.constants.X_OK);
    }
    catch {
        fs.chmodSync(launcher, 0o755);
    }
    try {
        await (0, test_electron_1.runTests)({ vscodeExecutablePath: launcher, extensionDevelopmentPath, extensionTestsPath });
        return 0;
    }
    catch (err) {
        // TestRunFailedError: the launcher already printed the mocha output and where its logs are.
        console.error(`VS Code integration tests failed: ${err.message}`);
        return 1;
    }
}
void main().then((code) => {
    process.exitCode = code;
});
//# sourceMappingURL=runTests.js.map