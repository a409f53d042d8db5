"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FACTS_FOR_EVERY_STEP_UP_TO = void 0;
exports.planFacts = planFacts;
/**
 * Names for a plan's records as a Keap admin knows them ("Megan Wilson's order #137", "Payment of
 * $40.00 on Megan Wilson's order #137") and their changes as words ("items: 1 × Yoga Mat at $7.99"),
 * read from the snapshot the plan was made from. The plan itself names records by id, and a conflict
 * or a skipped record carries no payload to name them from, so the host reads the records once
 * (one lookup per step shown) and sends the words with the plan.
 *
 * Pure (no vscode import): the host passes a record lookup over the snapshot, the webview tests the same.
 */
const money_1 = require("../../core/money");
const format_1 = require("../../webview/format");
const labels_1 = require("../../webview/labels");
/** Plans larger than this get facts only for the steps the page shows first (those that will run or need a person). */
exports.FACTS_FOR_EVERY_STEP_UP_TO = 2_000;
/** Facts per step id. Without a lookup (no snapshot at hand) the page uses the plan's own labels. */
function planFacts(plan, lookup, locale) {
    const namer = new Namer(plan, lookup, locale);
    const out = new Map();
    const every = plan.steps.length <= exports.FACTS_FOR_EVERY_STEP_UP_TO;
    for (const step of plan.steps) {
        if (!every && step.action === 'skip' && !step.changes?.length)
            continue;
        const facts = namer.facts(step);
        if (facts)
            out.set(step.id, facts);
    }
    return out;
}
class Namer {
    plan;
    lookup;
    locale;
    byLiveId = new Map();
    byId = new Map();
    currency;
    constructor(plan, lookup, locale) {
        this.plan = plan;
        this.lookup = lookup;
        this.locale = locale;
        for (const step of plan.steps) {
            this.byId.set(step.id, step);
            if (step.liveId)
                this.byLiveId.set(`${step.entity}:${step.liveId}`, step);
        }
        this.currency = 'USD';
    }
    record(entity, id) {
        if (!id || !this.lookup)
            return undefined;
        try {
            return this.lookup(entity, id);
        }
        catch {
            return undefined; // a name is a nicety: an unreadable record keeps the plan's label
        }
    }
    money(cents, currency) {
        return (0, money_1.formatCents)(cents ?? 0, typeof currency === 'string' && currency ? currency : this.currency, this.locale);
    }
    facts(step) {
        const named = this.name(step);
        const changes = step.changes?.length ? step.changes.map((c) => this.change(step.entity, c)) : undefined;
        if (!named && !changes)
            return undefined;
        return {
            name: named?.name ?? step.label ?? step.id,
            ...(named?.about ? { about: named.about } : {}),
            ...(named?.parent ? { parent: named.parent } : {}),
            ...(changes ? { changes } : {}),
        };
    }
    name(step) {
        switch (step.entity) {
            case 'contacts':
                return this.contact(step.oldId);
            case 'orders':
                return this.order(step.oldId);
            case 'payments':
                return this.payment(step);
            case 'custom_fields':
                return step.recordType
                    ? { name: `"${this.plan.markerLabel}" field on ${labels_1.ENTITY_NOUN[markerEntity(step.recordType)].many}` }
                    : this.simple('custom_fields', step.oldId, (r) => r.label ?? r.name);
            case 'companies':
                return this.simple('companies', step.oldId, (r) => r.company_name);
            case 'products':
                return this.simple('products', step.oldId, (r) => r.name ?? r.product_name, (r) => (r.sku ? `SKU ${String(r.sku)}` : undefined));
            case 'tags':
                return this.simple('tags', step.oldId, (r) => r.name);
            case 'campaigns':
                return this.simple('campaigns', step.oldId, (r) => r.name);
            case 'contact_tags': {
                const tag = this.record('tags', step.oldId);
                const contacts = /on ([\d,]+) contact/.exec(step.label ?? '')?.[1];
                if (!tag?.name)
                    return undefined;
                return { name: `Tag "${String(tag.name)}"${contacts ? ` on ${(0, labels_1.countNoun)(Number(contacts.replace(/,/g, '')), 'contact')}` : ''}` };
            }
            case 'subscriptions':
                return this.subscription(step.oldId);
            case 'subscription_plans':
                return this.subscriptionPlan(step.oldId);
        }
    }
    simple(entity, id, name, about) {
        const r = this.record(entity, id);
        const text = r && name(r);
        if (!text)
            return undefined;
        const extra = r && about?.(r);
        return { name: String(text), ...(extra ? { about: extra } : {}) };
    }
    personName(r) {
        if (!r)
            return undefined;
        const full = [r.given_name, r.family_name].filter((p) => typeof p === 'string' && p.trim()).join(' ');
        if (full)
            return full;
        const email = r.email_addresses?.[0]?.email ?? r.email;
        return typeof email === 'string' && email ? email : undefined;
    }
    contact(id) {
        const r = this.record('contacts', id);
        const name = this.personName(r);
        if (!name)
            return undefined;
        const email = r?.email_addresses?.[0]?.email;
        return { name, ...(email && email !== name ? { about: email } : {}) };
    }
    /** "Megan Wilson's", from the order's own contact, else the contact record; undefined when neither names anyone. */
    whose(contact, contactId) {
        const name = this.personName(contact) ?? this.personName(this.record('contacts', contactId ? String(contactId) : undefined));
        return name ? `${name}'s` : contactId ? `contact #${String(contactId)}'s` : undefined;
    }
    orderName(id, order = this.record('orders', id)) {
        const contact = order?.contact;
        const whose = this.whose(contact, contact?.id);
        return whose ? `${whose} order #${id}` : `order #${id}`;
    }
    order(id) {
        const r = this.record('orders', id);
        if (!r)
            return undefined;
        const total = r.total;
        const items = r.order_items?.length ?? 0;
        const about = [
            total?.amount !== undefined ? this.money(total.amount, total.currency_code) : undefined,
            r.order_time ? (0, format_1.dateOnly)(String(r.order_time), this.locale) : undefined,
            items ? (0, labels_1.countNoun)(items, 'item') : undefined,
        ].filter(Boolean);
        return { name: this.orderName(id, r), ...(about.length ? { about: about.join(' · ') } : {}) };
    }
    payment(step) {
        const r = this.record('payments', step.oldId);
        const payload = step.payload ?? {};
        const orderId = step.refs?.find((ref) => ref.entity === 'orders')?.oldId ?? r?.order_ids?.[0] ?? undefined;
        const amount = typeof r?.amount === 'number' ? r.amount : typeof payload.payment_amount === 'number' ? payload.payment_amount : undefined;
        if (amount === undefined && !orderId)
            return undefined;
        const what = amount !== undefined ? `Payment of ${this.money((0, money_1.toCents)(amount))}` : 'Payment';
        const time = (r?.payment_time ?? payload.payment_time);
        const method = (r?.type ?? payload.payment_method_type);
        const about = [time ? (0, format_1.dateOnly)(time, this.locale) : undefined, method].filter(Boolean).join(' · ');
        return {
            name: `${what}${orderId ? ` on ${this.orderName(orderId)}` : ''}`,
            ...(about ? { about } : {}),
            ...(orderId && this.byId.has(`orders:${orderId}`) ? { parent: `orders:${orderId}` } : {}),
        };
    }
    subscription(id) {
        const r = this.record('subscriptions', id);
        if (!r)
            return undefined;
        const product = this.record('products', r.product_id ? String(r.product_id) : undefined);
        const what = product?.name ?? product?.product_name;
        const amount = typeof r.billing_amount === 'number' ? `${this.money((0, money_1.toCents)(r.billing_amount))} ${cycleText(r.billing_cycle)}`.trim() : undefined;
        const about = [amount, r.start_date ? `from ${(0, format_1.dateOnly)(String(r.start_date), this.locale)}` : undefined].filter(Boolean).join(' · ');
        const whose = this.whose(undefined, r.contact_id);
        return {
            name: `${whose ? capitalizeFirst(whose) + ' subscription' : 'Subscription'}${what ? ` to ${String(what)}` : ` #${id}`}`,
            ...(about ? { about } : {}),
        };
    }
    subscriptionPlan(id) {
        const r = this.record('subscription_plans', id);
        if (!r)
            return undefined;
        const name = r.subscription_plan_name ?? r.name;
        return name ? { name: `Subscription plan "${String(name)}"` } : undefined;
    }
    // ---- changes ----
    change(entity, c) {
        return { field: (0, labels_1.fieldText)(c.path), before: this.value(c.path, c.before, entity), after: this.value(c.path, c.after, entity) };
    }
    /** A compared value as words: references by name, money in the currency, items one a line. */
    value(path, v, entity) {
        if (v === undefined || v === null || v === '')
            return '(empty)';
        if (path === 'order_items' && Array.isArray(v))
            return v.length ? v.map((item) => this.item(item)).join('\n') : '(no items)';
        const ref = REFERENCE_FIELDS[path];
        if (ref && typeof v === 'string')
            return this.reference(ref, v);
        if (MONEY_FIELDS.has(path) && typeof v === 'number')
            return this.money(v);
        // Emails and phone numbers compare as "value FIELD" (e.g. "megan@example.com EMAIL1"): the slot name is Keap's, not the user's.
        if (typeof v === 'string')
            return (0, format_1.localizeTimes)(v.replace(/ (?:EMAIL|PHONE|FAX)\d+$/, ''), this.locale);
        if (typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        if (Array.isArray(v))
            return v.length ? v.map((x) => this.value('', x, entity)).join('; ') : '(none)';
        return Object.entries(v)
            .filter(([, x]) => x !== undefined && x !== null && x !== '')
            .map(([k, x]) => `${(0, labels_1.fieldText)(k)}: ${this.value(k, x, entity)}`)
            .join(', ');
    }
    item(item) {
        const product = typeof item.product === 'string' ? this.reference('products', item.product) : undefined;
        const name = item.name ?? product ?? 'item';
        const price = typeof item.price_per_unit === 'number' ? ` at ${this.money(item.price_per_unit)}` : '';
        const gone = typeof item.product === 'string' && item.product.startsWith('missing:') ? ` (product ${product})` : '';
        return `${String(item.quantity ?? 1)} × ${name}${price}${gone}`;
    }
    /**
     * A reference as the plan compares it: a live id, `new:<snapshot id>` (a record this plan
     * creates) or `missing:<snapshot id>` (gone from the account).
     */
    reference(entity, v) {
        const [, kind, id] = /^(new|missing):(.*)$/.exec(v) ?? [undefined, 'live', v];
        const noun = labels_1.ENTITY_NOUN[entity].one;
        if (kind === 'missing')
            return `${noun} #${id}, gone from the account`;
        const step = kind === 'new' ? this.byId.get(`${entity}:${id}`) : this.byLiveId.get(`${entity}:${id}`);
        const name = step ? (this.name(step)?.name ?? step.label) : undefined;
        if (kind === 'new')
            return `${name ?? `${noun} #${id}`} (restored by this plan)`;
        return name ? `${name} (#${id})` : `${noun} #${id}`;
    }
}
/** Fields whose compared value is a reference to another record. */
const REFERENCE_FIELDS = {
    contact: 'contacts',
    contact_id: 'contacts',
    company: 'companies',
    product: 'products',
    product_id: 'products',
    subscription_plan: 'subscription_plans',
    subscription_plan_id: 'subscription_plans',
};
/** Fields compared in cents. */
const MONEY_FIELDS = new Set(['price_per_unit', 'cost_per_unit', 'total', 'plan_price']);
function markerEntity(recordType) {
    const entity = { CONTACT: 'contacts', COMPANY: 'companies', ORDER: 'orders', SUBSCRIPTION: 'subscriptions' }[recordType.toUpperCase()];
    return entity ?? 'contacts';
}
function cycleText(cycle) {
    return { YEAR: 'a year', MONTH: 'a month', WEEK: 'a week', DAY: 'a day' }[String(cycle)] ?? '';
}
function capitalizeFirst(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
//# sourceMappingURL=stepFacts.js.map