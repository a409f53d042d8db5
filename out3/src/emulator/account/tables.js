"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccountTables = exports.DEFAULT_MANUAL_PAYMENT_TYPES = void 0;
const table_1 = require("../table");
exports.DEFAULT_MANUAL_PAYMENT_TYPES = ['Cash', 'Check', 'Credit Card (Manual)', 'Money Order', 'Adjustment'];
class AccountTables {
    contacts = new table_1.Table(1);
    companies = new table_1.Table(1);
    products = new table_1.Table(1);
    plans = new table_1.Table(1);
    orders = new table_1.Table(1);
    payments = new table_1.Table(1);
    subscriptions = new table_1.Table(1);
    tags = new table_1.Table(1);
    campaigns = new table_1.Table(1);
    customFields = new table_1.Table(1);
    notes = new table_1.Table(1);
    contactTags = new Map();
    manualPaymentTypes = [...exports.DEFAULT_MANUAL_PAYMENT_TYPES];
    // Keap keeps separate auto-increments for invoices, order items and invoice-payment links, so an
    // order's invoice id is a different number from its order id (keap-api.md §5).
    seq = { invoice: 30001, item: 1, invoicePayment: 70001, transaction: 90001 };
    ordersByContact = new Map();
    paymentsByOrder = new Map();
    subscriptionsByContact = new Map();
    /** The account's clock; tests and the generator pin it for determinism. */
    clock = () => new Date();
    nowIso() {
        return this.clock().toISOString();
    }
    // ---------------------------------------------------------------- id sequences
    /** Allocates an order item id (for the generator, which builds orders directly). */
    allocateItemId() {
        return this.seq.item++;
    }
    allocateInvoiceId() {
        return this.seq.invoice++;
    }
    allocateInvoicePaymentId() {
        return this.seq.invoicePayment++;
    }
    allocateTransactionId() {
        return this.seq.transaction++;
    }
    // ---------------------------------------------------------------- records that are indexed
    /** Inserts a fully formed order (the generator's and the state loader's way in). */
    insertOrder(order) {
        this.orders.insert(order);
        indexAdd(this.ordersByContact, order.contact_id, order.id);
        if (order.invoice_id >= this.seq.invoice)
            this.seq.invoice = order.invoice_id + 1;
        for (const item of order.items)
            if (item.id >= this.seq.item)
                this.seq.item = item.id + 1;
        return order;
    }
    /** Moves an order to another contact, keeping the index true. */
    reassignOrder(order, contactId) {
        indexRemove(this.ordersByContact, order.contact_id, order.id);
        order.contact_id = contactId;
        indexAdd(this.ordersByContact, contactId, order.id);
    }
    /** Removes an order with its payments regardless of Keap's rules: for data-loss scenarios only. */
    removeOrder(id) {
        const order = this.orders.get(id);
        if (!order)
            return;
        for (const paymentId of [...(this.paymentsByOrder.get(id) ?? [])])
            this.removePayment(paymentId);
        this.paymentsByOrder.delete(id);
        indexRemove(this.ordersByContact, order.contact_id, id);
        this.orders.delete(id);
    }
    ordersOf(contactId) {
        return [...(this.ordersByContact.get(contactId) ?? [])].map((id) => this.orders.get(id)).filter(Boolean);
    }
    insertPayment(payment) {
        this.payments.insert(payment);
        indexAdd(this.paymentsByOrder, payment.order_id, payment.id);
        if (payment.invoice_payment_id >= this.seq.invoicePayment)
            this.seq.invoicePayment = payment.invoice_payment_id + 1;
        if (payment.transaction_id >= this.seq.transaction)
            this.seq.transaction = payment.transaction_id + 1;
        return payment;
    }
    /** Keap has no API for this: only data-loss scenarios remove payments. */
    removePayment(id) {
        const payment = this.payments.get(id);
        if (!payment)
            return;
        indexRemove(this.paymentsByOrder, payment.order_id, id);
        this.payments.delete(id);
    }
    paymentsOf(orderId) {
        return [...(this.paymentsByOrder.get(orderId) ?? [])]
            .sort((a, b) => a - b)
            .map((id) => this.payments.get(id))
            .filter(Boolean);
    }
    hasPayments(orderId) {
        return (this.paymentsByOrder.get(orderId)?.size ?? 0) > 0;
    }
    insertSubscription(sub) {
        this.subscriptions.insert(sub);
        indexAdd(this.subscriptionsByContact, sub.contact_id, sub.id);
        return sub;
    }
    /** Moves a subscription to another contact, keeping the index true. */
    reassignSubscription(sub, contactId) {
        indexRemove(this.subscriptionsByContact, sub.contact_id, sub.id);
        sub.contact_id = contactId;
        indexAdd(this.subscriptionsByContact, contactId, sub.id);
    }
    removeSubscription(id) {
        const sub = this.subscriptions.get(id);
        if (!sub)
            return;
        indexRemove(this.subscriptionsByContact, sub.contact_id, id);
        this.subscriptions.delete(id);
    }
    /** A contact's subscriptions, in the order they were indexed. */
    subscriptionsOf(contactId) {
        return [...(this.subscriptionsByContact.get(contactId) ?? [])].map((id) => this.subscriptions.get(id)).filter(Boolean);
    }
    // ---------------------------------------------------------------- persistence
    toState() {
        const nextIds = { ...this.seq };
        for (const [name, table] of this.tables())
            nextIds[name] = table.peekNextId;
        return {
            formatVersion: 1,
            nextIds,
            contacts: [...this.contacts.values()],
            companies: [...this.companies.values()],
            products: [...this.products.values()],
            plans: [...this.plans.values()],
            orders: [...this.orders.values()],
            payments: [...this.payments.values()],
            subscriptions: [...this.subscriptions.values()],
            tags: [...this.tags.values()],
            campaigns: [...this.campaigns.values()],
            customFields: [...this.customFields.values()],
            notes: [...this.notes.values()],
            contactTags: [...this.contactTags].map(([c, m]) => [c, [...m]]),
            manualPaymentTypes: this.manualPaymentTypes,
        };
    }
    /** Fills this (empty) account from a state file's contents. */
    loadState(state) {
        if (state?.formatVersion !== 1)
            throw new Error('Not an emulator state file (formatVersion 1 expected)');
        state.contacts.forEach((r) => this.contacts.insert(r));
        state.companies.forEach((r) => this.companies.insert(r));
        state.products.forEach((r) => this.products.insert(r));
        state.plans.forEach((r) => this.plans.insert(r));
        state.orders.forEach((r) => this.insertOrder(r));
        state.payments.forEach((r) => this.insertPayment(r));
        state.subscriptions.forEach((r) => this.insertSubscription(r));
        state.tags.forEach((r) => this.tags.insert(r));
        state.campaigns.forEach((r) => this.campaigns.insert(r));
        state.customFields.forEach((r) => this.customFields.insert(r));
        state.notes?.forEach((r) => this.notes.insert(r));
        for (const [contactId, applied] of state.contactTags)
            this.contactTags.set(contactId, new Map(applied));
        this.manualPaymentTypes = state.manualPaymentTypes ?? [...exports.DEFAULT_MANUAL_PAYMENT_TYPES];
        for (const [name, table] of this.tables())
            table.peekNextId = state.nextIds[name] ?? 1;
        for (const key of Object.keys(this.seq)) {
            this.seq[key] = Math.max(this.seq[key], state.nextIds[key] ?? 0);
        }
    }
    tables() {
        return [
            ['contacts', this.contacts],
            ['companies', this.companies],
            ['products', this.products],
            ['plans', this.plans],
            ['orders', this.orders],
            ['payments', this.payments],
            ['subscriptions', this.subscriptions],
            ['tags', this.tags],
            ['campaigns', this.campaigns],
            ['customFields', this.customFields],
            ['notes', this.notes],
        ];
    }
}
exports.AccountTables = AccountTables;
function indexAdd(index, key, value) {
    let set = index.get(key);
    if (!set)
        index.set(key, (set = new Set()));
    set.add(value);
}
function indexRemove(index, key, value) {
    const set = index.get(key);
    if (!set)
        return;
    set.delete(value);
    if (!set.size)
        index.delete(key);
}
//# sourceMappingURL=tables.js.map