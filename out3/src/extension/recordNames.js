"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordTitle = recordTitle;
exports.asPathSegment = asPathSegment;
/**
 * A record's name as a title: "Order 137 · Megan Wilson", "Payment 7", "Product 6 · Widget". It
 * names record documents (their tab, and their group in the Problems panel, which shows a
 * document's file name), the record card's tab, and related records in a finding. No vscode import.
 */
const entities_1 = require("../core/entities");
/** `label`: the record's one-line label (the entity module's), when the record was at hand. */
function recordTitle(entity, id, label) {
    const noun = (0, entities_1.entityNoun)(entity).one;
    const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${id}`;
    // The label repeats the id ("#137 Megan Wilson") or the noun ("Payment #7"): keep what it adds.
    const rest = (label ?? '')
        .replace(`#${id}`, '')
        .trim()
        .replace(new RegExp(`^${noun}\\b`, 'i'), '')
        .trim();
    return rest ? `${title} · ${rest}` : title;
}
/** A title as the last segment of a URI path: no separators, no control characters, not too long to read. */
function asPathSegment(title) {
    const clean = title
        .replace(/[/\\]/g, '-')
        .replace(/\p{Cc}/gu, ' ')
        .trim();
    return clean.length > 80 ? `${clean.slice(0, 79).trimEnd()}…` : clean;
}
//# sourceMappingURL=recordNames.js.map