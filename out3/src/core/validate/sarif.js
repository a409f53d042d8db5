"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toSarif = toSarif;
/**
 * Findings as SARIF 2.1.0, so code-scanning tools (GitHub code scanning, the SARIF viewer) can
 * show them. File findings carry a physical region; snapshot findings name the snapshot file and
 * the record as a logical location (`orders/1234`).
 */
const snapshotDb_1 = require("../snapshot/snapshotDb");
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
function toSarif(findings, rules, snapshotFile) {
    const index = new Map(rules.map((r, i) => [r.id, i]));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'Keap Vault',
                        version: snapshotDb_1.TOOL_VERSION,
                        rules: rules.map((r) => ({
                            id: r.id,
                            name: r.id.replace(/[/-](\w)/g, (_, c) => c.toUpperCase()),
                            shortDescription: { text: r.title },
                            fullDescription: { text: r.explanation },
                            help: { text: r.explanation },
                            defaultConfiguration: { level: LEVEL[r.severity] },
                        })),
                    },
                },
                results: findings.map((f) => ({
                    ruleId: f.ruleId,
                    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
                    level: LEVEL[f.severity],
                    message: { text: f.message },
                    locations: [
                        f.position
                            ? {
                                physicalLocation: {
                                    artifactLocation: { uri: toUri(f.position.file) },
                                    region: {
                                        startLine: f.position.line,
                                        startColumn: f.position.column,
                                        ...(f.position.endLine ? { endLine: f.position.endLine, endColumn: f.position.endColumn } : {}),
                                    },
                                },
                            }
                            : {
                                ...(snapshotFile ? { physicalLocation: { artifactLocation: { uri: toUri(snapshotFile) } } } : {}),
                                logicalLocations: [{ name: f.recordId, fullyQualifiedName: `${f.entity}/${f.recordId}`, kind: 'object' }],
                            },
                    ],
                    ...(f.related.length
                        ? {
                            relatedLocations: f.related.map((r, i) => ({
                                id: i + 1,
                                logicalLocations: [{ name: r.id, fullyQualifiedName: `${r.entity}/${r.id}`, kind: 'object' }],
                            })),
                        }
                        : {}),
                    partialFingerprints: { keapVaultRecord: `${f.ruleId}:${f.entity}/${f.recordId}` },
                })),
            },
        ],
    };
}
/** Relative paths stay relative (SARIF resolves them against the run's root); others become file URIs. */
function toUri(file) {
    if (/^[a-z]+:\/\//i.test(file))
        return file;
    const normalized = file.replace(/\\/g, '/');
    return normalized.startsWith('/') ? `file://${encodeURI(normalized)}` : encodeURI(normalized);
}
//# sourceMappingURL=sarif.js.map