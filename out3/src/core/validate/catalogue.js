"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RULE_CATALOGUE = void 0;
exports.isKnownRule = isKnownRule;
exports.explanationOf = explanationOf;
/**
 * Every rule Keap Vault knows, snapshot rules then file rules: what settings may name, what the CLI's
 * `--rule`/`--off` accept, and where a finding's explanation is looked up.
 */
const rules_1 = require("./files/rules");
const rules_2 = require("./rules");
exports.RULE_CATALOGUE = [...rules_2.ALL_RULES, ...rules_1.FILE_RULES].map(({ id, title, explanation, severity }) => ({
    id,
    title,
    explanation,
    severity,
}));
const BY_ID = new Map(exports.RULE_CATALOGUE.map((r) => [r.id, r]));
function isKnownRule(id) {
    return BY_ID.has(id);
}
/** Why the rule matters and how to fix what it found. */
function explanationOf(ruleId) {
    return BY_ID.get(ruleId)?.explanation;
}
//# sourceMappingURL=catalogue.js.map