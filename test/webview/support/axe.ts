/**
 * axe-core in a test page: the violations a person would meet (serious and critical), one line
 * each with where they are, so that an accessibility test asserts an empty list.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}
// The browser side (this file compiles without the DOM lib).
declare const window: { axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } };
declare const document: unknown;

export async function seriousViolations(page: Page): Promise<string[]> {
  // axe's own source, evaluated in the page (evaluate is not subject to the page's CSP; nothing of the page changes).
  if (!(await page.evaluate(() => window.axe !== undefined))) {
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const { violations } = await page.evaluate(() => window.axe!.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
          .join('; ')}`,
    );
}
