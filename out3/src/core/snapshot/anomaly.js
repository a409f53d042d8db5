"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_ANOMALY_THRESHOLD = void 0;
exports.countAnomalies = countAnomalies;
exports.DEFAULT_ANOMALY_THRESHOLD = 0.2;
function countAnomalies(before, after, threshold = exports.DEFAULT_ANOMALY_THRESHOLD) {
    const out = [];
    for (const [entity, was] of Object.entries(before)) {
        const now = after[entity] ?? 0;
        if (!was || now >= was)
            continue;
        const change = (now - was) / was;
        if (-change <= threshold)
            continue;
        out.push({
            entity,
            before: was,
            after: now,
            change,
            message: `${entity}: ${was.toLocaleString('en-US')} -> ${now.toLocaleString('en-US')} (${Math.round(change * 100)}%)`,
        });
    }
    return out;
}
//# sourceMappingURL=anomaly.js.map