"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMPANY_DEFAULT_FIELDS = exports.CONTACT_DEFAULT_FIELDS = void 0;
exports.customFieldValues = customFieldValues;
exports.renderContact = renderContact;
exports.renderCompany = renderCompany;
exports.renderPlan = renderPlan;
exports.renderProduct = renderProduct;
exports.renderOrderItem = renderOrderItem;
exports.renderOrder = renderOrder;
exports.renderOrderPayment = renderOrderPayment;
exports.renderSalesPayment = renderSalesPayment;
exports.renderTransaction = renderTransaction;
exports.renderSubscription = renderSubscription;
exports.renderTag = renderTag;
exports.renderCampaign = renderCampaign;
exports.renderCustomField = renderCustomField;
exports.pickFields = pickFields;
exports.renderNote = renderNote;
const money_1 = require("./money");
const store_1 = require("./store");
function customFieldValues(custom) {
    return Object.entries(custom).map(([id, content]) => ({ id, content }));
}
/** Every contact field the emulator can return; `fields=` selects among them. */
function renderContact(store, c) {
    const company = c.company_id !== undefined ? store.companies.get(c.company_id) : undefined;
    return {
        ...c.extra,
        id: String(c.id),
        given_name: c.given_name,
        family_name: c.family_name,
        middle_name: c.middle_name,
        email_addresses: c.email_addresses.map((e) => ({ ...e, is_opt_in: false, email_opt_status: 'UNENGAGED_MARKETABLE' })),
        phone_numbers: c.phone_numbers,
        addresses: c.addresses,
        company: c.company_id !== undefined ? { id: String(c.company_id), company_name: company?.company_name } : undefined,
        job_title: c.job_title,
        custom_fields: customFieldValues(c.custom),
        tag_ids: store.tagIdsOf(c.id).map(String),
        create_time: c.create_time,
        update_time: c.update_time,
    };
}
exports.CONTACT_DEFAULT_FIELDS = [
    'id',
    'given_name',
    'family_name',
    'middle_name',
    'email_addresses',
    'phone_numbers',
    'addresses',
    'company',
    'create_time',
    'update_time',
];
function renderCompany(c) {
    return {
        ...c.extra,
        id: String(c.id),
        company_name: c.company_name,
        email_address: c.email_address,
        phone_number: c.phone_number,
        address: c.address,
        website: c.website,
        notes: c.notes,
        custom_fields: customFieldValues(c.custom),
        create_time: c.create_time,
        update_time: c.update_time,
    };
}
/** Keap's company list leaves these out unless `fields=` names them (keap-api.md §9.13). */
exports.COMPANY_DEFAULT_FIELDS = ['id', 'company_name', 'website', 'owner_id', 'groups'];
function renderPlan(p) {
    return {
        id: String(p.id),
        subscription_plan_name: `${p.frequency} ${p.cycle_type.toLowerCase()}`,
        cycle_type: p.cycle_type,
        frequency: p.frequency,
        total_cycles: p.total_cycles,
        plan_price: (0, money_1.currencyValue)(p.price_cents),
        active: p.active,
        display_order_index: p.display_order_index,
    };
}
function renderProduct(store, p) {
    return {
        ...p.extra,
        id: String(p.id),
        name: p.name,
        sku: p.sku,
        price: (0, money_1.currencyValue)(p.price_cents),
        active: p.active,
        description: p.description,
        short_description: p.short_description,
        shippable: p.shippable,
        taxable: p.taxable,
        subscription_only: p.subscription_only,
        subscription_plans: store.plansOf(p.id).map((plan) => ({
            id: String(plan.id),
            active: plan.active,
            prorate: plan.allow_prorating,
            billing_cycle: plan.cycle_type,
            billing_frequency: plan.frequency,
            number_of_cycles: plan.total_cycles,
            plan_price: (0, money_1.currencyValue)(plan.price_cents),
            order_index: plan.display_order_index,
        })),
        create_time: p.create_time,
        update_time: p.update_time,
    };
}
function renderOrderItem(store, i) {
    const plan = i.subscription_plan_id !== undefined ? store.plans.get(i.subscription_plan_id) : undefined;
    return {
        id: String(i.id),
        name: i.name,
        description: i.description,
        notes: i.notes,
        quantity: i.quantity,
        item_type: i.item_type,
        product: i.product_id !== undefined ? { id: String(i.product_id), name: i.product_name, sku: i.product_sku } : undefined,
        price_per_unit: (0, money_1.currencyValue)(i.price_cents),
        cost_per_unit: (0, money_1.currencyValue)(i.cost_cents),
        discount: (0, money_1.currencyValue)(0),
        subscription_plan: plan ? renderPlan(plan) : undefined,
    };
}
function renderOrder(store, o) {
    const contact = store.contacts.get(o.contact_id);
    const totals = store.orderTotals(o);
    return {
        ...o.extra,
        id: String(o.id),
        title: o.title,
        status: totals.status,
        total: (0, money_1.currencyValue)(totals.total),
        total_paid: (0, money_1.currencyValue)(totals.paid),
        total_due: (0, money_1.currencyValue)(totals.due),
        refund_total: (0, money_1.currencyValue)(0),
        contact: {
            id: String(o.contact_id),
            email: contact ? store.primaryEmail(contact) : undefined,
            given_name: contact?.given_name,
            family_name: contact?.family_name,
        },
        notes: o.notes,
        terms: o.terms,
        order_type: o.order_type,
        source_type: o.source_type,
        order_time: o.order_time,
        creation_time: o.creation_time,
        modification_time: o.modification_time,
        sent_time: o.sent_time,
        due_time: o.due_time,
        lead_affiliate_id: o.lead_affiliate_id,
        sales_affiliate_id: o.sales_affiliate_id,
        promo_code: o.promo_codes[0],
        order_items: o.items.map((i) => renderOrderItem(store, i)),
        invoice_id: String(o.invoice_id),
        custom_fields: customFieldValues(o.custom),
        allow_payment: totals.due > 0,
        allow_paypal: false,
    };
}
function renderOrderPayment(p) {
    return {
        id: String(p.invoice_payment_id),
        invoice_id: String(p.invoice_id),
        payment_id: String(p.id),
        amount: (0, money_1.dollarsOfCents)(p.amount_cents),
        note: p.note,
        pay_time: p.pay_time,
        pay_status: p.pay_status,
        skip_commission: p.skip_commission,
        last_updated_time: p.update_time,
    };
}
function renderSalesPayment(p) {
    return {
        id: String(p.id),
        type: p.method_type,
        amount: (0, money_1.dollarsOfCents)(p.amount_cents),
        note: p.note,
        status: p.pay_status === 'PENDING' ? 'PENDING' : 'COMPLETED',
        commissioned: !p.skip_commission,
        synced: false,
        payment_time: p.pay_time,
        update_time: p.update_time,
        contact_id: String(p.contact_id),
        order_ids: [String(p.order_id)],
    };
}
function renderTransaction(store, p) {
    const contact = store.contacts.get(p.contact_id);
    return {
        amount: (0, money_1.dollarsOfCents)(p.amount_cents),
        status: 'APPROVED',
        description: `${p.method_type} payment`,
        contact: {
            id: String(p.contact_id),
            email: contact ? store.primaryEmail(contact) : undefined,
            given_name: contact?.given_name,
            family_name: contact?.family_name,
        },
        contact_id: String(p.contact_id),
        order_ids: [String(p.order_id)],
        transaction_method: 'MANUAL',
        transaction_time: p.pay_time,
        payment_id: String(p.id),
        is_successful: true,
    };
}
function renderSubscription(s, plan) {
    return {
        ...s.extra,
        id: String(s.id),
        contact_id: String(s.contact_id),
        product_id: String(s.product_id),
        subscription_plan_id: String(s.subscription_plan_id),
        quantity: s.quantity,
        active: s.active,
        billing_amount: (0, money_1.dollarsOfCents)(s.billing_amount_cents),
        billing_cycle: plan ? (0, store_1.cycleToBillingCycle)(plan.cycle_type) : undefined,
        billing_frequency: plan?.frequency,
        start_date: s.start_date,
        last_bill_date: s.last_bill_date,
        next_bill_date: s.next_bill_date,
        end_date: s.end_date,
        auto_charge: s.auto_charge,
        custom_fields: customFieldValues(s.custom),
        modification_time: s.modification_time,
    };
}
function renderTag(t) {
    return {
        id: String(t.id),
        name: t.name,
        description: t.description,
        category: t.category_id !== undefined ? { id: String(t.category_id) } : undefined,
        create_time: t.create_time,
        update_time: t.update_time,
    };
}
function renderCampaign(c) {
    return {
        id: String(c.id),
        name: c.name,
        locked: c.locked,
        date_created: c.date_created,
        published_date: c.published_date,
        published_status: c.published_status,
        time_zone: c.time_zone,
        published_time_zone: c.time_zone,
        active_contact_count: c.active_contact_count,
        completed_contact_count: c.completed_contact_count,
    };
}
function renderCustomField(f) {
    return {
        id: String(f.id),
        label: f.label,
        field_name: f.field_name,
        field_type: f.field_type,
        record_type: f.record_type,
        options: f.options,
        group_id: f.group_id,
    };
}
/** Drops undefined members so the JSON carries only what Keap would send. */
function pickFields(value, fields) {
    if (!fields)
        return value;
    const out = {};
    for (const f of fields)
        if (f in value)
            out[f] = value[f];
    return out;
}
function renderNote(n, withCustomFields = false) {
    return {
        id: String(n.id),
        title: n.title,
        text: n.text,
        type: n.type,
        contact_id: String(n.contact_id),
        create_time: n.create_time,
        update_time: n.update_time,
        created_by_user_id: String(n.created_by_user_id),
        last_updated_by_user_id: String(n.last_updated_by_user_id),
        ...(n.pinned_at ? { pinned_at: n.pinned_at } : {}),
        ...(withCustomFields ? { custom_fields: customFieldValues(n.custom) } : {}),
    };
}
//# sourceMappingURL=render.js.map