"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seriousViolations = seriousViolations;
/**
 * axe-core in a test page: the violations a person would meet (serious and critical), one line
 * each with where they are, so that an accessibility test asserts an empty list.
 */
const node_fs_1 = require("node:fs");
async function seriousViolations(page) {
    // axe's own source, evaluated in the page (evaluate is not subject to the page's CSP; nothing of the page changes).
    if (!(await page.evaluate(() => window.axe !== undefined))) {
        await page.evaluate((0, node_fs_1.readFileSync)(require.resolve('axe-core/axe.min.js'), 'utf8'));
    }
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
        .join('; ')}`);
}
//# sourceMappingURL=axe.js.map