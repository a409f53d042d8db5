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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.run = run;
/**
 * The tests module VS Code's extension host loads (`--extensionTestsPath`) and whose run() it awaits:
 * a resolved promise is exit code 0, a rejected one 1. Runs every `*.test.js` compiled beside this file,
 * or with VSCODE_TEST_ONLY=word only the files whose name contains it (the variable reaches the host).
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const mocha_1 = __importDefault(require("mocha"));
function run() {
    // No colors: the output is relayed as plain log lines through the workbench to the launcher.
    const mocha = new mocha_1.default({ ui: 'bdd', color: false, timeout: 60_000 });
    // Flat folder read instead of a glob dependency; sorted so the order is the same on every machine.
    for (const name of fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith('.test.js') && (!process.env.VSCODE_TEST_ONLY || f.includes(process.env.VSCODE_TEST_ONLY)))
        .sort()) {
        mocha.addFile(path.join(__dirname, name));
    }
    return new Promise((resolve, reject) => {
        try {
            mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
        }
        catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
        }
    });
}
//# sourceMappingURL=index.js.map