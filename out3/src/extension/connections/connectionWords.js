"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.problemText = problemText;
exports.placeOf = placeOf;
function problemText(problem, connectionName) {
    return problem === 'refused'
        ? {
            short: 'credential refused',
            sentence: `Keap refused the credential of ${connectionName}: the personal access token or service account key is wrong, expired or revoked. Set it again with Set Credential….`,
        }
        : {
            short: 'no credential',
            sentence: `${connectionName} has no credential yet. Set its personal access token or service account key with Set Credential….`,
        };
}
/** Where a connection reaches: "built-in emulator", or its API's host ("api.infusionsoft.com"). */
function placeOf(connection) {
    if (connection.demo)
        return 'built-in emulator';
    try {
        return new URL(connection.baseUrl).host;
    }
    catch {
        return connection.baseUrl;
    }
}
//# sourceMappingURL=connectionWords.js.map