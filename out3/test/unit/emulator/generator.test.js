"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const generator_1 = require("../../../src/emulator/generator");
const random_1 = require("../../../src/emulator/random");
const store_1 = require("../../../src/emulator/store");
// Wider than "within minutes" on purpose: the generator promises no look-alike orders within 3 days.
const DUPLICATE_WINDOW_MS = 2 * 24 * 3600 * 1000;
function generate(options) {
    const store = new store_1.EmulatorStore();
    const result = (0, generator_1.generateAccount)(store, options);
    return { store, result };
}
function itemsSum(order) {
    return order.items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0);
}
/** Paid so far and the stored total, straight from the records (no store helpers). */
function money(store, paidByOrder, order) {
    const total = order.total_override_cents ?? itemsSum(order);
    const paid = paidByOrder.get(order.id) ?? 0;
    return { total, paid, due: total - paid };
}
function paidByOrder(store) {
    const paid = new Map();
    for (const p of store.payments.values()) {
        if ((0, store_1.countsAsPaid)(p.pay_status))
            paid.set(p.order_id, (paid.get(p.order_id) ?? 0) + p.amount_cents);
    }
    return paid;
}
// ------------------------------------------------------------------------------------ checkers
function orphanOrders(store) {
    const out = [];
    for (const o of store.orders.values())
        if (!store.contacts.has(o.contact_id))
            out.push({ kind: 'orphan-order', ids: [String(o.id)] });
    return out;
}
function danglingProducts(store) {
    const out = [];
    for (const o of store.orders.values()) {
        for (const item of o.items) {
            if (item.product_id !== undefined && !store.products.has(item.product_id))
                out.push({ kind: 'dangling-product', ids: [String(o.id), String(item.id)] });
        }
    }
    return out;
}
function orphanPayments(store) {
    const out = [];
    for (const p of store.payments.values())
        if (!store.orders.has(p.order_id))
            out.push({ kind: 'orphan-payment', ids: [String(p.id)] });
    return out;
}
function duplicatePayments(store) {
    const groups = new Map();
    for (const p of store.payments.values()) {
        const key = `${p.order_id}|${p.amount_cents}|${p.pay_time}|${p.method_type}`;
        const group = groups.get(key);
        if (group)
            group.push(p.id);
        else
            groups.set(key, [p.id]);
    }
    return [...groups.values()]
        .filter((g) => g.length > 1)
        .map((g) => ({ kind: 'duplicate-payment', ids: g.sort((a, b) => a - b).map(String) }));
}
function overpaidOrders(store) {
    const paid = paidByOrder(store);
    const out = [];
    for (const o of store.orders.values())
        if (money(store, paid, o).due < 0)
            out.push({ kind: 'overpaid-order', ids: [String(o.id)] });
    return out;
}
function totalMismatches(store) {
    const out = [];
    for (const o of store.orders.values()) {
        if (o.total_override_cents !== undefined && o.total_override_cents !== itemsSum(o))
            out.push({ kind: 'total-mismatch', ids: [String(o.id)] });
    }
    return out;
}
function paidStatusMismatches(store) {
    const paid = paidByOrder(store);
    const out = [];
    for (const o of store.orders.values()) {
        const m = money(store, paid, o);
        const status = store.orderTotals(o).status;
        if ((status === 'PAID' && m.due > 0) || (status !== 'PAID' && m.paid > 0 && m.due <= 0))
            out.push({ kind: 'paid-status-mismatch', ids: [String(o.id)] });
    }
    return out;
}
function orphanSubscriptions(store) {
    const out = [];
    for (const s of store.subscriptions.values()) {
        if (!store.contacts.has(s.contact_id) || !store.products.has(s.product_id) || !store.plans.has(s.subscription_plan_id)) {
            out.push({ kind: 'orphan-subscription', ids: [String(s.id)] });
        }
    }
    return out;
}
function danglingTags(store) {
    const out = [];
    for (const [contactId, applied] of store.contactTags) {
        for (const tagId of applied.keys())
            if (!store.tags.has(tagId))
                out.push({ kind: 'dangling-tag', ids: [String(contactId), String(tagId)] });
    }
    return out;
}
function danglingCompanies(store) {
    const out = [];
    for (const c of store.contacts.values()) {
        if (c.company_id !== undefined && !store.companies.has(c.company_id))
            out.push({ kind: 'dangling-company', ids: [String(c.id)] });
    }
    return out;
}
function futureOrders(store, now) {
    const out = [];
    for (const o of store.orders.values())
        if (Date.parse(o.order_time) > now.getTime())
            out.push({ kind: 'future-order', ids: [String(o.id)] });
    return out;
}
function ordersBeforeContact(store) {
    const out = [];
    for (const o of store.orders.values()) {
        const contact = store.contacts.get(o.contact_id);
        if (contact && Date.parse(o.order_time) < Date.parse(contact.create_time))
            out.push({ kind: 'order-before-contact', ids: [String(o.id)] });
    }
    return out;
}
function duplicateOrders(store) {
    const byContact = new Map();
    for (const o of store.orders.values()) {
        const list = byContact.get(o.contact_id);
        if (list)
            list.push(o);
        else
            byContact.set(o.contact_id, [o]);
    }
    const signature = (o) => o.items
        .map((i) => `${i.item_type}:${i.product_id ?? ''}:${i.quantity}:${i.price_cents}`)
        .sort()
        .join(',');
    const out = [];
    for (const list of byContact.values()) {
        for (let a = 0; a < list.length; a++) {
            for (let b = a + 1; b < list.length; b++) {
                const x = list[a];
                const y = list[b];
                if (Math.abs(Date.parse(x.order_time) - Date.parse(y.order_time)) > DUPLICATE_WINDOW_MS)
                    continue;
                if (signature(x) !== signature(y) || itemsSum(x) !== itemsSum(y))
                    continue;
                out.push({ kind: 'duplicate-order', ids: [x.id, y.id].sort((p, q) => p - q).map(String) });
            }
        }
    }
    return out;
}
function findProblems(store, now) {
    return [
        ...orphanOrders(store),
        ...danglingProducts(store),
        ...orphanPayments(store),
        ...duplicatePayments(store),
        ...overpaidOrders(store),
        ...totalMismatches(store),
        ...paidStatusMismatches(store),
        ...orphanSubscriptions(store),
        ...danglingTags(store),
        ...danglingCompanies(store),
        ...futureOrders(store, now),
        ...ordersBeforeContact(store),
        ...duplicateOrders(store),
    ];
}
/** Things that must hold in every generated account, planted or not. */
function sanityIssues(store, now) {
    const issues = [];
    const nowMs = now.getTime();
    const emails = new Set();
    for (const c of store.contacts.values()) {
        if (!c.email_addresses.length && !c.phone_numbers.length && !c.addresses.length)
            issues.push(`contact ${c.id} has no email, phone or address`);
        for (const e of c.email_addresses) {
            if (e.email !== e.email.toLowerCase())
                issues.push(`contact ${c.id} email not lower-case: ${e.email}`);
            if (emails.has(e.email))
                issues.push(`email used twice: ${e.email}`);
            emails.add(e.email);
        }
        if (c.update_time < c.create_time)
            issues.push(`contact ${c.id} updated before created`);
        if (Date.parse(c.create_time) > nowMs)
            issues.push(`contact ${c.id} created in the future`);
    }
    for (const [contactId, applied] of store.contactTags) {
        const contact = store.contacts.get(contactId);
        if (!contact)
            issues.push(`tags applied to missing contact ${contactId}`);
        for (const time of applied.values())
            if (contact && time <= contact.create_time)
                issues.push(`tag applied to contact ${contactId} before it existed`);
    }
    const skus = new Set();
    for (const p of store.products.values()) {
        if (!p.sku || skus.has(p.sku))
            issues.push(`product ${p.id} sku missing or duplicated`);
        skus.add(p.sku ?? '');
        if (!Number.isInteger(p.price_cents) || p.price_cents < 500 || p.price_cents > 200_000)
            issues.push(`product ${p.id} price ${p.price_cents}`);
    }
    for (const plan of store.plans.values())
        if (!store.products.has(plan.product_id))
            issues.push(`plan ${plan.id} of missing product`);
    const tagNames = new Set();
    for (const t of store.tags.values()) {
        if (tagNames.has(t.name.toLowerCase()))
            issues.push(`tag name twice: ${t.name}`);
        tagNames.add(t.name.toLowerCase());
    }
    const invoiceIds = new Set();
    const itemIds = new Set();
    for (const o of store.orders.values()) {
        if (o.invoice_id === o.id)
            issues.push(`order ${o.id} invoice id equals order id`);
        if (invoiceIds.has(o.invoice_id))
            issues.push(`invoice id ${o.invoice_id} used twice`);
        invoiceIds.add(o.invoice_id);
        if (!(itemsSum(o) > 0))
            issues.push(`order ${o.id} total ${itemsSum(o)}`);
        if (o.items.length < 1 || o.items.length > 5)
            issues.push(`order ${o.id} has ${o.items.length} items`);
        for (const item of o.items) {
            if (itemIds.has(item.id))
                issues.push(`item id ${item.id} used twice`);
            itemIds.add(item.id);
            if (!Number.isInteger(item.price_cents) || !Number.isInteger(item.quantity) || item.quantity < 1)
                issues.push(`order ${o.id} item ${item.id} bad money/quantity`);
            const product = item.product_id !== undefined ? store.products.get(item.product_id) : undefined;
            if (product && item.price_cents !== product.price_cents)
                issues.push(`order ${o.id} item ${item.id} not at its product's price`);
            if (item.item_type === 'PRODUCT' && item.product_id === undefined)
                issues.push(`order ${o.id} product item without product`);
            if (item.price_cents < 0 && item.item_type !== 'DISCOUNT')
                issues.push(`order ${o.id} negative non-discount item`);
        }
        if (Date.parse(o.creation_time) > nowMs || o.modification_time < o.creation_time)
            issues.push(`order ${o.id} creation/modification times`);
    }
    const paymentIds = new Set();
    for (const p of store.payments.values()) {
        if (paymentIds.has(p.invoice_payment_id))
            issues.push(`invoice payment id ${p.invoice_payment_id} twice`);
        paymentIds.add(p.invoice_payment_id);
        if (!Number.isInteger(p.amount_cents) || p.amount_cents <= 0)
            issues.push(`payment ${p.id} amount ${p.amount_cents}`);
        if (!store.manualPaymentTypes.includes(p.method_type))
            issues.push(`payment ${p.id} method ${p.method_type}`);
        if (Date.parse(p.pay_time) > nowMs)
            issues.push(`payment ${p.id} paid in the future`);
        if (!store.contacts.has(p.contact_id))
            issues.push(`payment ${p.id} of missing contact ${p.contact_id}`);
        const order = store.orders.get(p.order_id);
        if (!order)
            continue;
        if (p.invoice_id !== order.invoice_id)
            issues.push(`payment ${p.id} invoice ${p.invoice_id} != order's ${order.invoice_id}`);
        if (p.contact_id !== order.contact_id)
            issues.push(`payment ${p.id} contact differs from its order's`);
        if (p.pay_time <= order.order_time)
            issues.push(`payment ${p.id} not after its order`);
    }
    const today = now.toISOString().slice(0, 10);
    for (const s of store.subscriptions.values()) {
        if (s.start_date > today)
            issues.push(`subscription ${s.id} starts in the future`);
        if (s.end_date && s.end_date < s.start_date)
            issues.push(`subscription ${s.id} ends before it starts`);
        if (!s.active && !s.end_date)
            issues.push(`inactive subscription ${s.id} without end date`);
        if (s.active && (!s.next_bill_date || s.next_bill_date < today))
            issues.push(`active subscription ${s.id} next bill ${s.next_bill_date}`);
        const plan = store.plans.get(s.subscription_plan_id);
        if (plan && plan.product_id !== s.product_id)
            issues.push(`subscription ${s.id} plan of another product`);
        const contact = store.contacts.get(s.contact_id);
        if (contact && s.start_date < contact.create_time.slice(0, 10))
            issues.push(`subscription ${s.id} starts before its contact`);
    }
    return issues;
}
const key = (f) => `${f.kind}:${f.ids.join(',')}`;
const keys = (list) => list.map(key).sort();
const NOW = new Date(generator_1.DEFAULT_GENERATOR_NOW);
const ALL_KINDS = (count) => Object.fromEntries(generator_1.PLANTED_PROBLEM_KINDS.map((k) => [k, count]));
// ------------------------------------------------------------------------------------ tests
describe('SeededRandom', () => {
    it('repeats for a seed, differs across seeds, and treats 42 and "42" alike', () => {
        const draw = (seed) => {
            const r = new random_1.SeededRandom(seed);
            return Array.from({ length: 20 }, () => r.next());
        };
        assert.deepEqual(draw('abc'), draw('abc'));
        assert.notDeepEqual(draw('abc'), draw('abd'));
        assert.deepEqual(draw(42), draw('42'));
        for (const x of draw(7))
            assert.ok(x >= 0 && x < 1);
    });
    it('int is inclusive and in range; pick, chance, shuffle, sample behave', () => {
        const r = new random_1.SeededRandom(1);
        const seen = new Set();
        for (let i = 0; i < 2000; i++) {
            const v = r.int(-2, 3);
            assert.ok(Number.isInteger(v) && v >= -2 && v <= 3);
            seen.add(v);
        }
        assert.equal(seen.size, 6);
        assert.equal(r.chance(0), false);
        assert.equal(r.chance(1), true);
        const arr = [1, 2, 3, 4, 5, 6, 7, 8];
        assert.ok(arr.includes(r.pick(arr)));
        assert.deepEqual([...r.shuffle([...arr])].sort(), arr);
        for (const k of [0, 1, 3, 8, 20]) {
            const s = r.sample(arr, k);
            assert.equal(s.length, Math.min(k, arr.length));
            assert.equal(new Set(s).size, s.length);
        }
        const big = Array.from({ length: 1000 }, (_, i) => i);
        assert.equal(new Set(r.sample(big, 10)).size, 10);
        assert.throws(() => r.pick([]));
    });
    it('fork depends on the seed and label only', () => {
        const a = new random_1.SeededRandom('s');
        const b = new random_1.SeededRandom('s');
        b.next();
        assert.equal(a.fork('x').next(), b.fork('x').next());
        assert.notEqual(a.fork('x').next(), a.fork('y').next());
    });
});
describe('generateAccount', function () {
    this.timeout(60_000);
    it('produces the same state for the same seed and options, and a different one for another seed', () => {
        const a = generate({ seed: 'alpha', size: 2000 }).store.toState();
        const b = generate({ seed: 'alpha', size: 2000 }).store.toState();
        assert.deepEqual(a, b);
        const c = generate({ seed: 'beta', size: 2000 }).store.toState();
        assert.notDeepEqual(a.contacts, c.contacts);
        assert.notDeepEqual(a.orders, c.orders);
        const planted1 = generate({ seed: 9, size: 500, plant: ALL_KINDS(2) });
        const planted2 = generate({ seed: 9, size: 500, plant: ALL_KINDS(2) });
        assert.deepEqual(planted1.store.toState(), planted2.store.toState());
        assert.deepEqual(planted1.result, planted2.result);
    });
    it('does not depend on or change the store clock', () => {
        const store = new store_1.EmulatorStore();
        const clock = () => new Date('2001-01-01T00:00:00Z');
        store.clock = clock;
        (0, generator_1.generateAccount)(store, { seed: 1, size: 50 });
        assert.equal(store.clock, clock);
        const other = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(other, { seed: 1, size: 50 });
        assert.deepEqual(store.toState(), other.toState());
    });
    it('scales counts with size and reports what is in the store', () => {
        for (const size of [1000, 4000]) {
            const { store, result } = generate({ seed: 3, size });
            const target = (0, generator_1.targetCounts)(size);
            const c = result.counts;
            assert.equal(c.contacts, size);
            assert.equal(c.companies, target.companies);
            assert.equal(c.products, target.products);
            assert.equal(c.tags, target.tags);
            assert.equal(c.campaigns, target.campaigns);
            assert.ok(Math.abs(c.orders - 1.2 * size) <= 0.02 * size, `orders ${c.orders}`);
            assert.ok(c.order_items >= c.orders * 1.5 && c.order_items <= c.orders * 3.5, `items ${c.order_items}`);
            assert.ok(c.payments >= 1.0 * size && c.payments <= 1.45 * size, `payments ${c.payments}`);
            assert.ok(Math.abs(c.subscriptions - size / 10) <= 0.02 * size, `subscriptions ${c.subscriptions}`);
            assert.ok(c.plans > 0 && c.contact_tags > size);
            // counts match the store
            assert.equal(c.orders, store.orders.size);
            assert.equal(c.order_items, [...store.orders.values()].reduce((n, o) => n + o.items.length, 0));
            assert.equal(c.contact_tags, [...store.contactTags.values()].reduce((n, m) => n + m.size, 0));
            assert.equal(c.payments, store.payments.size);
            assert.equal(c.plans, store.plans.size);
        }
    });
    it('has realistic shapes: paid mix, company links, phone-only contacts, non-US addresses, inactive products, plans', () => {
        const { store } = generate({ seed: 'mix', size: 4000 });
        const paid = paidByOrder(store);
        let full = 0;
        let partial = 0;
        let unpaid = 0;
        for (const o of store.orders.values()) {
            const m = money(store, paid, o);
            if (m.paid === 0)
                unpaid++;
            else if (m.due === 0)
                full++;
            else
                partial++;
        }
        const n = store.orders.size;
        assert.ok(full / n > 0.5 && full / n < 0.7, `full ${full / n}`);
        assert.ok(partial / n > 0.12 && partial / n < 0.28, `partial ${partial / n}`);
        assert.ok(unpaid / n > 0.12 && unpaid / n < 0.28, `unpaid ${unpaid / n}`);
        const contacts = [...store.contacts.values()];
        const linked = contacts.filter((c) => c.company_id !== undefined).length / contacts.length;
        assert.ok(linked > 0.25 && linked < 0.4, `linked ${linked}`);
        assert.ok(contacts.some((c) => !c.email_addresses.length && c.phone_numbers.length));
        assert.ok(contacts.some((c) => c.addresses.some((a) => a.country_code && a.country_code !== 'USA')));
        assert.ok([...store.products.values()].some((p) => !p.active));
        assert.ok([...store.products.values()].some((p) => p.price_cents % 100 !== 0));
        assert.ok([...store.subscriptions.values()].some((s) => !s.active && s.end_date));
        const items = [...store.orders.values()].flatMap((o) => o.items);
        assert.ok(items.some((i) => i.item_type === 'DISCOUNT' && i.price_cents < 0));
        assert.ok(items.some((i) => i.item_type === 'SHIPPING'));
        assert.ok(items.some((i) => i.quantity > 1));
        const sources = new Set([...store.orders.values()].map((o) => o.source_type));
        assert.ok(sources.size >= 5);
        const types = new Set([...store.orders.values()].map((o) => o.order_type));
        assert.deepEqual([...types].sort(), ['OFFLINE', 'ONLINE']);
        // ids follow creation order, as Keap's auto-increments do
        const orderTimes = [...store.orders.values()].map((o) => o.order_time);
        assert.deepEqual(orderTimes, [...orderTimes].sort());
        const contactTimes = contacts.map((c) => c.create_time);
        assert.deepEqual(contactTimes, [...contactTimes].sort());
    });
    it('includes HTML-looking, quoting-hostile and non-ASCII names in contacts, companies and products', () => {
        const { store } = generate({ seed: 'names', size: 2000 });
        const contacts = [...store.contacts.values()];
        for (const tricky of generator_1.TRICKY_CONTACT_NAMES) {
            assert.ok(contacts.some((c) => c.given_name === tricky.given_name && c.family_name === tricky.family_name), `${tricky.given_name} ${tricky.family_name}`);
        }
        const full = contacts.map((c) => `${c.given_name} ${c.family_name}`);
        for (const needle of [
            'José Ñúñez',
            'Zoë Åström',
            'Łukasz Żółć',
            'Мария',
            '<script>alert(1)</script>',
            '<img src=x onerror=alert(1)>',
            "O'Brien & Sons",
            '"Quoted" Name',
            '=SUM(A1)',
            'a,b;c',
        ]) {
            assert.ok(full.some((f) => f.includes(needle)), needle);
        }
        assert.ok(contacts.some((c) => c.family_name === '王' && c.given_name === '芳'));
        const tricky = contacts.filter((c) => /[<>"'=,;&]/.test(`${c.given_name}${c.family_name}`)).length;
        assert.ok(tricky > 0 && tricky < contacts.length * 0.1, `tricky ${tricky}`);
        // eslint-disable-next-line no-control-regex -- the range starts at \x00 on purpose: anything outside ASCII
        assert.ok(contacts.filter((c) => /[^\x00-\x7f]/.test(`${c.given_name}${c.family_name}`)).length > contacts.length * 0.05);
        const companies = [...store.companies.values()].map((c) => c.company_name);
        // eslint-disable-next-line no-control-regex -- the range starts at \x00 on purpose: anything outside ASCII
        assert.ok(companies.some((n) => n.includes('<')) && companies.some((n) => /[^\x00-\x7f]/.test(n)));
        assert.ok(companies.some((n) => generator_1.TRICKY_COMPANY_NAMES.includes(n)));
        const products = [...store.products.values()].map((p) => p.name);
        // eslint-disable-next-line no-control-regex -- the range starts at \x00 on purpose: anything outside ASCII
        assert.ok(products.some((n) => n.includes('<')) && products.some((n) => /[^\x00-\x7f]/.test(n)));
        assert.ok(products.some((n) => generator_1.TRICKY_PRODUCT_NAMES.includes(n)));
    });
    for (const seed of ['clean', 12345]) {
        it(`a clean account (seed ${seed}, size 2000) has none of the problems`, () => {
            const { store, result } = generate({ seed, size: 2000 });
            assert.deepEqual(result.planted, []);
            assert.deepEqual(findProblems(store, NOW), []);
            assert.deepEqual(sanityIssues(store, NOW), []);
        });
    }
    it("every order has an invoice id different from its id, and payments carry their order's invoice and contact", () => {
        const { store } = generate({ seed: 'inv', size: 1000 });
        for (const o of store.orders.values())
            assert.notEqual(o.invoice_id, o.id);
        for (const p of store.payments.values()) {
            const order = store.orders.get(p.order_id);
            assert.equal(p.invoice_id, order.invoice_id);
            assert.equal(p.contact_id, order.contact_id);
        }
        assert.ok(store.toState().nextIds.invoice > store.toState().nextIds.orders);
    });
    it('plants each kind exactly as reported, and nothing else', () => {
        const plant = ALL_KINDS(3);
        const { store, result } = generate({ seed: 'plant', size: 2000, plant });
        for (const kind of generator_1.PLANTED_PROBLEM_KINDS)
            assert.equal(result.planted.filter((p) => p.kind === kind).length, 3, kind);
        assert.deepEqual(keys(findProblems(store, NOW)), keys(result.planted));
        assert.deepEqual(sanityIssues(store, NOW), []);
        for (const p of result.planted) {
            assert.ok(p.note.length > 0 && p.entity.length > 0);
            assert.ok(p.ids.every((id) => /^\d+$/.test(id)), key(p));
        }
        // paid-status-mismatch alternates: PAID with money due, then fully paid but not PAID
        const statuses = result.planted
            .filter((p) => p.kind === 'paid-status-mismatch')
            .map((p) => store.orders.get(Number(p.ids[0])).status_override);
        assert.deepEqual(statuses.map((s) => s === 'PAID'), [true, false, true]);
        // orphan-subscription alternates: contact gone, then product gone
        const subs = result.planted.filter((p) => p.kind === 'orphan-subscription').map((p) => store.subscriptions.get(Number(p.ids[0])));
        assert.deepEqual(subs.map((s) => store.contacts.has(s.contact_id)), [false, true, false]);
        assert.deepEqual(subs.map((s) => store.products.has(s.product_id)), [true, false, true]);
    });
    it('plants one kind at a time without side effects on other kinds', () => {
        for (const kind of generator_1.PLANTED_PROBLEM_KINDS) {
            const { store, result } = generate({ seed: `one-${kind}`, size: 300, plant: { [kind]: 2 } });
            const found = findProblems(store, NOW);
            assert.deepEqual(keys(found), keys(result.planted), kind);
            assert.ok(found.every((f) => f.kind === kind), kind);
            assert.equal(found.length, 2, kind);
            assert.deepEqual(sanityIssues(store, NOW), [], kind);
        }
    });
    it('plants even when the account is too small to have suitable records', () => {
        for (const size of [0, 3, 10]) {
            const { store, result } = generate({ seed: 'tiny', size, plant: ALL_KINDS(4) });
            assert.equal(result.planted.length, 4 * generator_1.PLANTED_PROBLEM_KINDS.length);
            assert.deepEqual(keys(findProblems(store, NOW)), keys(result.planted), `size ${size}`);
            assert.deepEqual(sanityIssues(store, NOW), [], `size ${size}`);
        }
    });
    it('works for size 10 and size 0', () => {
        const ten = generate({ seed: 1, size: 10 });
        assert.equal(ten.result.counts.contacts, 10);
        assert.ok(ten.result.counts.orders > 0);
        assert.equal(ten.result.counts.products, 3);
        assert.deepEqual(findProblems(ten.store, NOW), []);
        assert.deepEqual(sanityIssues(ten.store, NOW), []);
        const zero = generate({ seed: 1, size: 0 });
        assert.deepEqual(zero.result.counts, {
            contacts: 0,
            companies: 1,
            products: 3,
            plans: zero.result.counts.plans,
            orders: 0,
            order_items: 0,
            payments: 0,
            subscriptions: 0,
            tags: 3,
            contact_tags: 0,
            campaigns: 2,
        });
        assert.ok(zero.result.counts.plans >= 1);
        assert.deepEqual(sanityIssues(zero.store, NOW), []);
    });
    it('honours a custom now', () => {
        const now = new Date('2020-03-15T08:00:00Z');
        const { store } = generate({ seed: 'now', size: 300, now });
        assert.deepEqual(findProblems(store, now), []);
        assert.deepEqual(sanityIssues(store, now), []);
        for (const c of store.contacts.values())
            assert.ok(c.create_time < now.toISOString() && c.create_time > '2017-03-01');
    });
    it('rejects bad options and a non-empty store', () => {
        assert.throws(() => generate({ seed: 1, size: -1 }), RangeError);
        assert.throws(() => generate({ seed: 1, size: 1.5 }), RangeError);
        assert.throws(() => generate({ seed: 1, size: 10, plant: { 'orphan-order': -1 } }), RangeError);
        assert.throws(() => generate({ seed: 1, size: 10, plant: { nope: 1 } }), RangeError);
        const store = new store_1.EmulatorStore();
        (0, generator_1.generateAccount)(store, { seed: 1, size: 5 });
        assert.throws(() => (0, generator_1.generateAccount)(store, { seed: 1, size: 5 }), /empty store/);
    });
    it('leaves the account usable through the store API', () => {
        const { store, result } = generate({ seed: 'api', size: 200, plant: { 'overpaid-order': 1 } });
        const contact = [...store.contacts.values()][0];
        const order = store.createOrder({
            contact_id: contact.id,
            title: 'New',
            order_type: 'ONLINE',
            order_time: NOW.toISOString(),
            items: [{ product_id: store.products.values().next().value.id, quantity: 1 }],
        });
        assert.ok(order.id > Math.max(...[...store.orders.values()].filter((o) => o !== order).map((o) => o.id)));
        assert.notEqual(order.invoice_id, order.id);
        const payment = store.recordPayment(order.id, { amount_cents: 1, method_type: 'Cash', apply_to_commissions: false });
        assert.ok(payment.id > result.counts.payments);
        const planted = result.planted[0];
        assert.equal(planted.kind, 'overpaid-order');
    });
});
//# sourceMappingURL=generator.test.js.map