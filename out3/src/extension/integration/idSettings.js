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
exports.SETTINGS_SECTION = void 0;
exports.idScanSettings = idScanSettings;
exports.scanGlobs = scanGlobs;
exports.affectsScan = affectsScan;
/**
 * The `keapVault.integrationIds.*` settings: whether Keap ids in the workspace are looked for, in which
 * files, and which connection's snapshots hovers read. Read when used, so a change holds at once.
 */
const vscode = __importStar(require("vscode"));
exports.SETTINGS_SECTION = 'keapVault.integrationIds';
/** Never integration code of one's own, whatever the settings say. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];
function idScanSettings() {
    const c = vscode.workspace.getConfiguration(exports.SETTINGS_SECTION);
    return {
        enabled: c.get('enabled', true),
        include: c.get('include', ['**/*']).filter(Boolean),
        exclude: c.get('exclude', []).filter(Boolean),
        maxFileBytes: Math.max(1, c.get('maxFileSizeKb', 1024)) * 1024,
        respectGitignore: c.get('respectGitignore', true),
        connection: c.get('connection', '').trim(),
    };
}
/** One glob from several (`{a,b}`), as findFiles takes it. */
function anyOf(globs) {
    if (!globs.length)
        return undefined;
    return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}
/**
 * The include and exclude globs findFiles needs. An exclude given to findFiles replaces
 * `files.exclude`, so the folders and files it hides are added here (for the resource's folder).
 */
function scanGlobs(settings, folder) {
    const filesExclude = vscode.workspace.getConfiguration('files', folder?.uri).get('exclude', {});
    const hidden = Object.entries(filesExclude)
        .filter(([, on]) => on === true)
        .map(([glob]) => glob);
    return {
        include: anyOf(settings.include) ?? '**/*',
        exclude: anyOf([...ALWAYS_EXCLUDED, ...hidden, ...settings.exclude]),
    };
}
/** Whether a configuration change touches which files are scanned or how. */
function affectsScan(e) {
    return e.affectsConfiguration(exports.SETTINGS_SECTION) || e.affectsConfiguration('files.exclude');
}
//# sourceMappingURL=idSettings.js.map