"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.summarizeRecord = summarizeRecord;
exports.kindAndId = kindAndId;
const money_1 = require("../money");
const query_1 = require("../snapshot/query");
const idKinds_1 = require("./idKinds");
const day = (iso) => (iso ? iso.slice(0, 10) : '');
function personName(c) {
    return [c?.given_name, c?.family_name].filter(Boolean).join(' ');
}
function summarizeRecord(db, kind, id) {
    const entity = idKinds_1.SNAPSHOT_ENTITY_OF[kind];
    switch (kind) {
        case 'order':
        case 'invoice': {
            const orderId = kind === 'order' ? id : db.scalar('SELECT id FROM orders WHERE invoice_id = ? LIMIT 1', [id]);
            const order = orderId === undefined || orderId === null ? undefined : (0, query_1.getRecord)(db, 'orders', String(orderId));
            if (!order)
                return undefined;
            const contact = order.contact?.id ? (0, query_1.getRecord)(db, 'contacts', order.contact.id) : undefined;
            const who = personName(contact ?? order.contact) || contact?.email_addresses?.[0]?.email || order.contact?.email;
            const title = kind === 'invoice' ? `Invoice ${id} of order ${order.id}` : `Order ${order.id}`;
            return {
                entity,
                id: order.id,
                title: order.title ? `${title}: ${order.title}` : title,
                fields: [
                    ['Contact', order.contact?.id ? `${who ?? ''} (contact ${order.contact.id})`.trim() : 'none'],
                    ['Total', (0, money_1.formatCurrencyValue)(order.total)],
                    ['Status', order.status ?? ''],
                    ['Date', day(order.order_time ?? order.creation_time)],
                    ...(kind === 'order' && order.invoice_id ? [['Invoice', order.invoice_id]] : []),
                ],
            };
        }
        case 'contact': {
            const c = (0, query_1.getRecord)(db, 'contacts', id);
            if (!c)
                return undefined;
            return {
                entity,
                id,
                title: `Contact ${id}: ${personName(c) || '(no name)'}`,
                fields: [
                    ['Email', c.email_addresses?.[0]?.email ?? ''],
                    ...(c.company?.company_name ? [['Company', c.company.company_name]] : []),
                ],
            };
        }
        case 'product': {
            const p = (0, query_1.getRecord)(db, 'products', id);
            if (!p)
                return undefined;
            return {
                entity,
                id,
                title: `Product ${id}: ${p.name ?? '(no name)'}`,
                fields: [
                    ['SKU', p.sku ?? ''],
                    ['Price', (0, money_1.formatCurrencyValue)(p.price)],
                ],
            };
        }
        case 'tag': {
            const t = (0, query_1.getRecord)(db, 'tags', id);
            return (t && { entity, id, title: `Tag ${id}: ${t.name ?? '(no name)'}`, fields: t.description ? [['Description', t.description]] : [] });
        }
        case 'company': {
            const c = (0, query_1.getRecord)(db, 'companies', id);
            return (c && { entity, id, title: `Company ${id}: ${c.company_name ?? '(no name)'}`, fields: [['Email', c.email_address?.email ?? '']] });
        }
        case 'subscription_plan': {
            const p = (0, query_1.getRecord)(db, 'subscription_plans', id);
            if (!p)
                return undefined;
            return {
                entity,
                id,
                title: `Subscription plan ${id}${p.subscription_plan_name ? `: ${p.subscription_plan_name}` : ''}`,
                fields: [
                    ['Price', (0, money_1.formatCurrencyValue)(p.plan_price)],
                    ['Cycle', [p.frequency, p.cycle_type?.toLowerCase()].filter(Boolean).join(' × ')],
                ],
            };
        }
        case 'subscription': {
            const s = (0, query_1.getRecord)(db, 'subscriptions', id);
            if (!s)
                return undefined;
            return {
                entity,
                id,
                title: `Subscription ${id}`,
                fields: [
                    ['Contact', s.contact_id ?? ''],
                    ['Product', s.product_id ?? ''],
                    ['Active', s.active === undefined ? '' : s.active ? 'yes' : 'no'],
                ],
            };
        }
        case 'payment': {
            const p = (0, query_1.getRecord)(db, 'payments', id);
            if (!p)
                return undefined;
            return {
                entity,
                id,
                title: `Payment ${id}`,
                fields: [
                    ['Amount', (0, money_1.formatMajor)(p.amount)],
                    ['Date', day(p.payment_time)],
                    ['Orders', (p.order_ids ?? []).join(', ')],
                ],
            };
        }
    }
}
/** "Order 1234" */
function kindAndId(kind, id) {
    return `${idKinds_1.KIND_LABEL[kind]} ${id}`;
}
//# sourceMappingURL=recordSummary.js.map