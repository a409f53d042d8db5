"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.detachedText = detachedText;
exports.detachedFinding = detachedFinding;
function detachedText(text) {
    return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
function detachedFinding(finding) {
    return {
        ...finding,
        message: detachedText(finding.message),
        recordId: detachedText(finding.recordId),
        related: finding.related.map((r) => ({ ...r, id: detachedText(r.id) })),
    };
}
//# sourceMappingURL=detachedText.js.map