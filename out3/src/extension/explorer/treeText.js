"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SNAPSHOTS_TEXT = exports.LIVE_TEXT = void 0;
exports.connectionText = connectionText;
exports.snapshotText = snapshotText;
exports.entityText = entityText;
exports.recordText = recordText;
exports.orderItemText = orderItemText;
exports.moreText = moreText;
exports.problemRowText = problemRowText;
/**
 * The words of each explorer row: a short label and description that fit the default sidebar, the
 * rest in the tooltip, and what a screen reader says (`spoken`, the item's accessibility label: each
 * row its own sentence, never a tooltip shared by nine rows, never "orders 240"). No vscode import,
 * so unit tests read them; explorerProvider.ts adds icons, commands and context values.
 */
const entities_1 = require("../../core/entities");
const money_1 = require("../../core/money");
const connectionWords_1 = require("../connections/connectionWords");
const recordLabels_1 = require("./recordLabels");
const localFormat_1 = require("../localFormat");
const capitalized = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const count = (n) => n.toLocaleString('en-US');
function connectionText(connection, problem) {
    const where = (0, connectionWords_1.placeOf)(connection);
    if (problem) {
        const { short, sentence } = (0, connectionWords_1.problemText)(problem, connection.name);
        return { label: connection.name, description: short, tooltip: sentence, spoken: `Connection ${connection.name}: ${sentence}` };
    }
    return {
        label: connection.name,
        description: where,
        tooltip: `${connection.name}\n${connection.demo ? 'The Keap emulator with demo data, on this machine' : connection.baseUrl}`,
        spoken: `Connection ${connection.name}, ${where}`,
    };
}
exports.LIVE_TEXT = {
    label: 'Live',
    description: 'read from Keap',
    tooltip: 'The account as it is now, read from Keap 50 records a page when you expand a list.',
    spoken: 'Live account, read from Keap when expanded',
};
exports.SNAPSHOTS_TEXT = { label: 'Snapshots', spoken: 'Snapshots of this account' };
function snapshotText(listing, locale) {
    const { meta, bytes, encrypted } = listing;
    const orders = `${count(meta.counts.orders ?? 0)} orders`;
    const counts = `${orders}, ${count(meta.counts.contacts ?? 0)} contacts`;
    const traits = [(0, localFormat_1.fileSize)(bytes), encrypted ? 'encrypted' : undefined, meta.incrementalFrom ? 'incremental' : undefined].filter(Boolean);
    return {
        label: (0, localFormat_1.localDateTime)(meta.finishedAt, locale),
        // The date and the orders fit a sidebar; the rest is in the tooltip.
        description: orders,
        tooltip: `Snapshot of ${meta.account}, taken ${(0, localFormat_1.spokenDateTime)(meta.finishedAt, locale)}\n${counts}; ${traits.join(', ')}\n${listing.file}`,
        spoken: `Snapshot taken ${(0, localFormat_1.spokenDateTime)(meta.finishedAt, locale)}, ${counts}, ${traits.join(', ')}`,
    };
}
/**
 * A list of one entity. Under Live, Keap gives no totals: the count shown is the latest snapshot's,
 * and the row says so in its own words (each Live row reads differently).
 */
function entityText(entity, where, n, snapshotAt, locale = 'en-US') {
    const many = (0, entities_1.entityNoun)(entity).many;
    const label = capitalized(many);
    if (where === 'snapshot') {
        const description = n === undefined ? undefined : count(n);
        return { label, description, spoken: `${label}${description ? `, ${description}` : ''} in this snapshot` };
    }
    const known = n === undefined ? undefined : `${count(n)} at the last snapshot`;
    const since = snapshotAt ? ` of ${(0, localFormat_1.localDate)(snapshotAt, locale)}` : '';
    return {
        label,
        description: known,
        tooltip: `${label} in Keap now, read 50 a page when you expand this.` +
            (known ? ` Keap's API gives no totals: ${count(n)} is how many ${many} the snapshot${since} held.` : ''),
        spoken: `${label}, live from Keap${known ? `, ${known}` : ''}`,
    };
}
/** A record as its entity module reads it; `spoken` falls back to the noun, the label and the description in words. */
function recordText(entity, record) {
    const { label, description, spoken } = (0, recordLabels_1.recordLabel)(entity, record);
    const said = spoken ??
        [`${capitalized((0, entities_1.entityNoun)(entity).one)} ${label.replace(/^#/, '')}`, description?.replace(/#(?=\w)/g, 'id ')]
            .filter(Boolean)
            .join(', ');
    return { label, description, tooltip: said, spoken: said };
}
/** An order's item, under the order: what was sold, how many, at what price. */
function orderItemText(item) {
    const name = item.name ?? item.product?.name ?? 'Item';
    const quantity = item.quantity ?? 1;
    const price = (0, money_1.formatCurrencyValue)(item.price_per_unit);
    const product = item.product?.id ? `product #${item.product.id}` : undefined;
    const spoken = [`Item ${name}`, `quantity ${quantity}`, price && `${price} each`, product?.replace('#', '')].filter(Boolean).join(', ');
    return { label: `${name} × ${quantity}`, description: [price, product].filter(Boolean).join(' · '), tooltip: spoken, spoken };
}
function moreText(entity) {
    return { label: 'Load more…', spoken: `Load 50 more ${(0, entities_1.entityNoun)(entity).many}` };
}
/** A row standing for something that went wrong: short enough to read whole, the full message in the tooltip. */
function problemRowText(message, short) {
    const label = short ?? (message.length > 60 ? `${message.slice(0, 57).trimEnd()}…` : message);
    return { label, tooltip: message, spoken: message };
}
//# sourceMappingURL=treeText.js.map