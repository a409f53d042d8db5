"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contactName = contactName;
exports.contactCard = contactCard;
exports.contactCardRecords = contactCardRecords;
const localFormat_1 = require("../localFormat");
const orderCard_1 = require("./orderCard");
function contactName(contact) {
    return ([contact.given_name, contact.family_name].filter(Boolean).join(' ') || contact.email_addresses?.[0]?.email || `Contact ${contact.id}`);
}
function contactCard(input) {
    const { contact, locale } = input;
    const currency = input.orders.find((o) => o.total?.currency_code)?.total?.currency_code;
    // Keap's totals are in cents; one currency per account, so they add up.
    const spent = input.orders.reduce((sum, o) => sum + (o.total_paid?.amount ?? 0), 0);
    const companyId = contact.company?.id;
    const facts = [
        { label: 'Email', value: contact.email_addresses?.[0]?.email ?? '' },
        { label: 'Phone', value: contact.phone_numbers?.[0]?.number ?? '' },
        {
            label: 'Company',
            value: input.company?.company_name ?? contact.company?.company_name ?? (companyId ? `Company #${companyId}` : ''),
            link: companyId ? { entity: 'companies', id: companyId } : undefined,
        },
        { label: 'Created', value: contact.create_time ? (0, localFormat_1.localDateTime)(contact.create_time, locale) : '' },
        { label: 'Contact id', value: contact.id },
    ].filter((f) => f.value);
    return {
        kind: 'contact',
        title: contactName(contact),
        where: input.where,
        facts,
        totals: [
            { label: 'Spent', value: (0, localFormat_1.localCents)(spent, currency, locale) },
            { label: 'Orders', value: input.orders.length.toLocaleString(locale) },
        ],
        orders: input.orders.map((o) => ({
            title: o.title ? `Order #${o.id} · ${o.title}` : `Order #${o.id}`,
            date: (0, localFormat_1.localDate)(o.order_time, locale),
            total: (0, localFormat_1.localCents)(o.total?.amount ?? 0, o.total?.currency_code ?? currency, locale),
            status: (0, orderCard_1.words)(o.status),
            link: { entity: 'orders', id: o.id },
        })),
        tags: input.tags.map((t) => t.name ?? `Tag #${t.id}`),
        subscriptions: input.subscriptions.map((s) => ({
            title: [
                `Subscription #${s.id}`,
                typeof s.billing_amount === 'number' ? (0, localFormat_1.localMajor)(s.billing_amount, currency, locale) : '',
                s.billing_cycle ? `every ${s.billing_cycle.toLowerCase()}` : '',
            ]
                .filter(Boolean)
                .join(' · '),
            status: s.active === false ? 'Inactive' : s.next_bill_date ? `Active, next bill ${(0, localFormat_1.localDate)(s.next_bill_date, locale)}` : 'Active',
            link: { entity: 'subscriptions', id: s.id },
        })),
        problems: input.problems ?? [],
    };
}
/** What a contact card needs from a snapshot: the contact, its company, orders (newest first), tags and subscriptions. */
function contactCardRecords(db, contactId) {
    const one = (sql, id) => db.all(sql, [id]).map((r) => JSON.parse(r.json));
    const contact = one('SELECT json FROM contacts WHERE id = ?', contactId)[0];
    if (!contact)
        return undefined;
    const companyId = contact.company?.id;
    return {
        contact,
        company: companyId ? one('SELECT json FROM companies WHERE id = ?', companyId)[0] : undefined,
        orders: one('SELECT json FROM orders WHERE contact_id = ? ORDER BY order_time DESC, rowid', contactId),
        tags: one('SELECT t.json FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = ? ORDER BY t.rowid', contactId),
        subscriptions: one('SELECT json FROM subscriptions WHERE contact_id = ? ORDER BY rowid', contactId),
    };
}
//# sourceMappingURL=contactCard.js.map