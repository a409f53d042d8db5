/**
 * Text that outlives the piece of the file it was read from. V8 makes a slice of 13 characters or
 * more a view into the string it was cut from, so an id kept in an index, or a finding's message
 * that quotes one, would keep the whole 64 KiB piece alive with it: memory would grow with the
 * file instead of with what is kept. A copy cuts the tie.
 */
import type { Finding } from '../rule';

export function detachedText(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

export function detachedFinding<F extends Omit<Finding, 'ruleId' | 'severity'>>(finding: F): F {
  return {
    ...finding,
    message: detachedText(finding.message),
    recordId: detachedText(finding.recordId),
    related: finding.related.map((r) => ({ ...r, id: detachedText(r.id) })),
  };
}
