/**
 * The emulated Keap account: every entity, the indexes Keap's behaviour needs, and the business
 * rules Keap enforces (server-assigned ids, derived order totals, payments bounded by the balance
 * and never deleted, orders with payments undeletable, tag names unique…).
 * HTTP concerns live in the routes; this module is plain data and rules.
 */
import type { Address, EmailAddress, OrderItemType, PhoneNumber } from '../core/model';
import { badRequest, failedPrecondition, notFound, EmulatorApiError } from './apiError';
import type {
  CampaignRecord,
  CompanyRecord,
  ContactRecord,
  ContactTagMap,
  CustomFieldRecord,
  CustomFieldRecordType,
  CustomValues,
  CycleType,
  Extra,
  OrderItemRecord,
  OrderRecord,
  PaymentRecord,
  PlanRecord,
  ProductRecord,
  SubscriptionRecord,
  TagRecord,
} from './records';
import { Table } from './table';

export const DEFAULT_MANUAL_PAYMENT_TYPES = ['Cash', 'Check', 'Credit Card (Manual)', 'Money Order', 'Adjustment'];

export interface ContactInput {
  given_name?: string;
  family_name?: string;
  middle_name?: string;
  email_addresses?: EmailAddress[];
  phone_numbers?: PhoneNumber[];
  addresses?: Address[];
  company_id?: number;
  job_title?: string;
  custom?: CustomValues;
  extra?: Extra;
}

export type DuplicateOption = 'Email' | 'EmailAndName' | 'EmailAndNameAndCompany';

export interface OrderItemInput {
  product_id?: number;
  name?: string;
  description?: string;
  notes?: string;
  quantity: number;
  price_cents?: number;
  cost_cents?: number;
  item_type?: OrderItemType;
  subscription_plan_id?: number;
}

export interface OrderInput {
  contact_id: number;
  title: string;
  order_type: 'ONLINE' | 'OFFLINE';
  order_time: string;
  items: OrderItemInput[];
  notes?: string;
  terms?: string;
  sent_time?: string;
  due_time?: string;
  lead_affiliate_id?: string;
  sales_affiliate_id?: string;
  promo_codes?: string[];
  custom?: CustomValues;
  extra?: Extra;
}

export interface PaymentInput {
  amount_cents: number;
  method_type: string;
  pay_time?: string;
  note?: string;
  apply_to_commissions: boolean;
}

export interface OrderTotals {
  total: number;
  paid: number;
  due: number;
  status: 'DRAFT' | 'SENT' | 'VIEWED' | 'PAID';
}

export interface StoreState {
  formatVersion: 1;
  now?: string;
  nextIds: Record<string, number>;
  contacts: ContactRecord[];
  companies: CompanyRecord[];
  products: ProductRecord[];
  plans: PlanRecord[];
  orders: OrderRecord[];
  payments: PaymentRecord[];
  subscriptions: SubscriptionRecord[];
  tags: TagRecord[];
  campaigns: CampaignRecord[];
  customFields: CustomFieldRecord[];
  contactTags: Array<[number, Array<[number, string]>]>;
  manualPaymentTypes: string[];
}

const CUSTOM_FIELD_TYPES = new Set([
  'CURRENCY',
  'DATE',
  'DATE_TIME',
  'DAY_OF_WEEK',
  'DECIMAL_NUMBER',
  'DRILLDOWN',
  'DROPDOWN',
  'EMAIL',
  'LIST_BOX',
  'MONTH',
  'NAME',
  'PERCENT',
  'PHONE_NUMBER',
  'RADIO',
  'SOCIAL_SECURITY_NUMBER',
  'STATE',
  'TEXT',
  'TEXT_AREA',
  'USER',
  'USER_LIST_BOX',
  'WEBSITE',
  'WHOLE_NUMBER',
  'YEAR',
  'YES_NO',
]);

export class EmulatorStore {
  readonly contacts = new Table<ContactRecord>(1);
  readonly companies = new Table<CompanyRecord>(1);
  readonly products = new Table<ProductRecord>(1);
  readonly plans = new Table<PlanRecord>(1);
  readonly orders = new Table<OrderRecord>(1);
  readonly payments = new Table<PaymentRecord>(1);
  readonly subscriptions = new Table<SubscriptionRecord>(1);
  readonly tags = new Table<TagRecord>(1);
  readonly campaigns = new Table<CampaignRecord>(1);
  readonly customFields = new Table<CustomFieldRecord>(1);
  readonly contactTags: ContactTagMap = new Map();
  manualPaymentTypes = [...DEFAULT_MANUAL_PAYMENT_TYPES];

  // Keap keeps separate auto-increments for invoices, order items and invoice-payment links, so an
  // order's invoice id is a different number from its order id (keap-api.md §5).
  private seq = { invoice: 30001, item: 1, invoicePayment: 70001, transaction: 90001 };

  private readonly ordersByContact = new Map<number, Set<number>>();
  private readonly paymentsByOrder = new Map<number, Set<number>>();
  private readonly subscriptionsByContact = new Map<number, Set<number>>();

  /** The account's clock; tests and the generator pin it for determinism. */
  clock: () => Date = () => new Date();

  nowIso(): string {
    return this.clock().toISOString();
  }

  // ---------------------------------------------------------------- contacts

  createContact(input: ContactInput, duplicateOption?: DuplicateOption): { record: ContactRecord; created: boolean } {
    const emails = input.email_addresses ?? [];
    if (!emails.length && !(input.phone_numbers ?? []).length && !(input.addresses ?? []).length) {
      throw badRequest('A contact needs at least one email address, phone number or address');
    }
    this.checkCompany(input.company_id);
    if (duplicateOption) {
      const match = this.findDuplicateContact(input, duplicateOption);
      if (match) return { record: this.updateContact(match.id, input), created: false };
    }
    const now = this.nowIso();
    const record: ContactRecord = {
      id: this.contacts.allocateId(),
      given_name: input.given_name,
      family_name: input.family_name,
      middle_name: input.middle_name,
      email_addresses: emails.map((e, i) => ({
        email: e.email,
        field: e.field ?? (`EMAIL${i + 1}` as EmailAddress['field']),
        opt_in_reason: e.opt_in_reason,
      })),
      phone_numbers: input.phone_numbers ?? [],
      addresses: input.addresses ?? [],
      company_id: input.company_id,
      job_title: input.job_title,
      custom: this.checkedCustom('CONTACT', input.custom),
      create_time: now,
      update_time: now,
      extra: input.extra ?? {},
    };
    return { record: this.contacts.insert(record), created: true };
  }

  /** Keap's PATCH replaces each given collection whole ("any item not listed will be removed"). */
  updateContact(id: number, input: ContactInput): ContactRecord {
    const record = this.requireContact(id);
    if (input.company_id !== undefined) this.checkCompany(input.company_id);
    for (const key of [
      'given_name',
      'family_name',
      'middle_name',
      'job_title',
      'email_addresses',
      'phone_numbers',
      'addresses',
      'company_id',
    ] as const) {
      if (input[key] !== undefined) (record as unknown as Record<string, unknown>)[key] = input[key];
    }
    if (input.custom) record.custom = { ...record.custom, ...this.checkedCustom('CONTACT', input.custom) };
    if (input.extra) record.extra = { ...record.extra, ...input.extra };
    record.update_time = this.nowIso();
    return record;
  }

  /** Deleting a contact in Keap takes its orders, payments, subscriptions and tag assignments with it. */
  deleteContact(id: number): void {
    this.requireContact(id);
    for (const orderId of [...(this.ordersByContact.get(id) ?? [])]) this.removeOrder(orderId);
    for (const subId of [...(this.subscriptionsByContact.get(id) ?? [])]) this.removeSubscription(subId);
    this.contactTags.delete(id);
    this.contacts.delete(id);
  }

  requireContact(id: number): ContactRecord {
    const record = this.contacts.get(id);
    if (!record) throw notFound('contact', id);
    return record;
  }

  primaryEmail(contact: ContactRecord): string | undefined {
    return (contact.email_addresses.find((e) => e.field === 'EMAIL1') ?? contact.email_addresses[0])?.email;
  }

  private findDuplicateContact(input: ContactInput, option: DuplicateOption): ContactRecord | undefined {
    const email = input.email_addresses?.[0]?.email?.toLowerCase();
    if (!email) return undefined;
    for (const c of this.contacts.values()) {
      if (!c.email_addresses.some((e) => e.email.toLowerCase() === email)) continue;
      if (option !== 'Email' && (c.given_name ?? '') !== (input.given_name ?? '')) continue;
      if (option !== 'Email' && (c.family_name ?? '') !== (input.family_name ?? '')) continue;
      if (option === 'EmailAndNameAndCompany' && c.company_id !== input.company_id) continue;
      return c;
    }
    return undefined;
  }

  private checkCompany(companyId: number | undefined): void {
    if (companyId !== undefined && !this.companies.has(companyId)) throw badRequest(`Company ${companyId} does not exist`);
  }

  // ---------------------------------------------------------------- companies

  createCompany(fields: Omit<CompanyRecord, 'id' | 'create_time' | 'update_time'>): CompanyRecord {
    if (!fields.company_name?.trim()) throw badRequest('company_name is required');
    const now = this.nowIso();
    return this.companies.insert({
      ...fields,
      custom: this.checkedCustom('COMPANY', fields.custom),
      id: this.companies.allocateId(),
      create_time: now,
      update_time: now,
    });
  }

  updateCompany(id: number, patch: Partial<CompanyRecord>): CompanyRecord {
    const record = this.requireCompany(id);
    const { custom, extra, ...rest } = patch;
    Object.assign(record, stripUndefined(rest));
    if (custom) record.custom = { ...record.custom, ...this.checkedCustom('COMPANY', custom) };
    if (extra) record.extra = { ...record.extra, ...extra };
    record.update_time = this.nowIso();
    return record;
  }

  deleteCompany(id: number): void {
    this.requireCompany(id);
    this.companies.delete(id);
    for (const c of this.contacts.values()) if (c.company_id === id) c.company_id = undefined;
  }

  requireCompany(id: number): CompanyRecord {
    const record = this.companies.get(id);
    if (!record) throw notFound('company', id);
    return record;
  }

  // ---------------------------------------------------------------- products and plans

  createProduct(fields: Omit<ProductRecord, 'id' | 'create_time' | 'update_time'>): ProductRecord {
    if (!fields.name?.trim()) throw badRequest('name is required');
    if (fields.price_cents < 0) throw badRequest('price must be greater than or equal to 0');
    if (fields.sku && [...this.products.values()].some((p) => p.sku === fields.sku)) {
      throw new EmulatorApiError(409, `A product with sku ${fields.sku} already exists`);
    }
    const now = this.nowIso();
    return this.products.insert({ ...fields, id: this.products.allocateId(), create_time: now, update_time: now });
  }

  updateProduct(id: number, patch: Partial<ProductRecord>): ProductRecord {
    const record = this.requireProduct(id);
    const { extra, ...rest } = patch;
    if (rest.sku && rest.sku !== record.sku && [...this.products.values()].some((p) => p.sku === rest.sku)) {
      throw new EmulatorApiError(409, `A product with sku ${rest.sku} already exists`);
    }
    Object.assign(record, stripUndefined(rest));
    if (extra) record.extra = { ...record.extra, ...extra };
    record.update_time = this.nowIso();
    return record;
  }

  /** Keap lets a product go while orders still name it; their items keep the old product id. */
  deleteProduct(id: number): void {
    this.requireProduct(id);
    this.products.delete(id);
    for (const plan of [...this.plans.values()]) if (plan.product_id === id) this.plans.delete(plan.id);
  }

  requireProduct(id: number): ProductRecord {
    const record = this.products.get(id);
    if (!record) throw notFound('product', id);
    return record;
  }

  plansOf(productId: number): PlanRecord[] {
    return [...this.plans.values()].filter((p) => p.product_id === productId);
  }

  createPlan(productId: number, fields: Omit<PlanRecord, 'id' | 'product_id'>): PlanRecord {
    this.requireProduct(productId);
    if (fields.price_cents < 0) throw badRequest('plan_price must be greater than or equal to 0');
    return this.plans.insert({ ...fields, id: this.plans.allocateId(), product_id: productId });
  }

  requirePlan(productId: number | undefined, planId: number): PlanRecord {
    const plan = this.plans.get(planId);
    if (!plan || (productId !== undefined && plan.product_id !== productId)) throw notFound('subscription_plan', planId);
    return plan;
  }

  // ---------------------------------------------------------------- orders

  createOrder(input: OrderInput): OrderRecord {
    this.requireContactForWrite(input.contact_id);
    if (!input.title?.trim()) throw badRequest('order_title is required');
    const now = this.nowIso();
    const order: OrderRecord = {
      id: this.orders.allocateId(),
      invoice_id: this.seq.invoice++,
      contact_id: input.contact_id,
      title: input.title,
      order_type: input.order_type,
      source_type: 'API',
      order_time: input.order_time,
      creation_time: now,
      modification_time: now,
      sent_time: input.sent_time,
      due_time: input.due_time,
      notes: input.notes,
      terms: input.terms,
      lead_affiliate_id: input.lead_affiliate_id,
      sales_affiliate_id: input.sales_affiliate_id,
      promo_codes: input.promo_codes ?? [],
      items: input.items.map((i) => this.buildItem(i)),
      custom: this.checkedCustom('ORDER', input.custom),
      extra: input.extra ?? {},
    };
    return this.insertOrder(order);
  }

  /** Inserts a fully formed order (the generator's and the state loader's way in). */
  insertOrder(order: OrderRecord): OrderRecord {
    this.orders.insert(order);
    indexAdd(this.ordersByContact, order.contact_id, order.id);
    if (order.invoice_id >= this.seq.invoice) this.seq.invoice = order.invoice_id + 1;
    for (const item of order.items) if (item.id >= this.seq.item) this.seq.item = item.id + 1;
    return order;
  }

  updateOrder(
    id: number,
    patch: Partial<
      Pick<
        OrderRecord,
        | 'contact_id'
        | 'title'
        | 'order_type'
        | 'order_time'
        | 'notes'
        | 'terms'
        | 'sent_time'
        | 'due_time'
        | 'lead_affiliate_id'
        | 'sales_affiliate_id'
        | 'promo_codes'
        | 'custom'
        | 'extra'
      >
    >,
  ): OrderRecord {
    const order = this.requireOrder(id);
    const { custom, extra, contact_id, ...rest } = patch;
    if (contact_id !== undefined && contact_id !== order.contact_id) {
      this.requireContactForWrite(contact_id);
      indexRemove(this.ordersByContact, order.contact_id, order.id);
      order.contact_id = contact_id;
      indexAdd(this.ordersByContact, contact_id, order.id);
    }
    Object.assign(order, stripUndefined(rest));
    if (custom) order.custom = { ...order.custom, ...this.checkedCustom('ORDER', custom) };
    if (extra) order.extra = { ...order.extra, ...extra };
    order.modification_time = this.nowIso();
    return order;
  }

  addOrderItem(orderId: number, input: OrderItemInput): OrderItemRecord {
    const order = this.requireOrder(orderId);
    const item = this.buildItem(input);
    this.checkTotalCoversPayments(order, [...order.items, item]);
    order.items.push(item);
    order.modification_time = this.nowIso();
    return item;
  }

  updateOrderItem(orderId: number, itemId: number, patch: Partial<OrderItemInput>): OrderItemRecord {
    const order = this.requireOrder(orderId);
    const item = order.items.find((i) => i.id === itemId);
    if (!item) throw notFound('order_item', itemId);
    const next = { ...item };
    if (patch.product_id !== undefined) {
      const product = this.requireProductForWrite(patch.product_id);
      Object.assign(next, { product_id: product.id, product_name: product.name, product_sku: product.sku });
    }
    for (const key of ['name', 'description', 'notes', 'quantity', 'price_cents', 'cost_cents'] as const) {
      if (patch[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = patch[key];
    }
    this.checkTotalCoversPayments(
      order,
      order.items.map((i) => (i.id === itemId ? next : i)),
    );
    Object.assign(item, next);
    order.modification_time = this.nowIso();
    return item;
  }

  deleteOrderItem(orderId: number, itemId: number): void {
    const order = this.requireOrder(orderId);
    const rest = order.items.filter((i) => i.id !== itemId);
    if (rest.length === order.items.length) throw notFound('order_item', itemId);
    this.checkTotalCoversPayments(order, rest);
    order.items = rest;
    order.modification_time = this.nowIso();
  }

  /** Keap refuses to delete an order that has any transaction recorded. */
  deleteOrder(id: number): void {
    this.requireOrder(id);
    if ((this.paymentsByOrder.get(id)?.size ?? 0) > 0) {
      throw failedPrecondition(`Order ${id} has payments recorded and cannot be deleted`);
    }
    this.removeOrder(id);
  }

  /** Removes an order with its payments regardless of Keap's rules: for data-loss scenarios only. */
  removeOrder(id: number): void {
    const order = this.orders.get(id);
    if (!order) return;
    for (const paymentId of [...(this.paymentsByOrder.get(id) ?? [])]) this.removePayment(paymentId);
    this.paymentsByOrder.delete(id);
    indexRemove(this.ordersByContact, order.contact_id, id);
    this.orders.delete(id);
  }

  requireOrder(id: number): OrderRecord {
    const record = this.orders.get(id);
    if (!record) throw notFound('order', id);
    return record;
  }

  ordersOf(contactId: number): OrderRecord[] {
    return [...(this.ordersByContact.get(contactId) ?? [])].map((id) => this.orders.get(id)!).filter(Boolean);
  }

  orderTotals(order: OrderRecord): OrderTotals {
    const itemsTotal = order.items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0);
    const total = order.total_override_cents ?? itemsTotal;
    const paid = this.paymentsOf(order.id)
      .filter((p) => countsAsPaid(p.pay_status))
      .reduce((sum, p) => sum + p.amount_cents, 0);
    const due = total - paid;
    const derived = paid > 0 && due <= 0 ? 'PAID' : order.sent_time ? 'SENT' : 'DRAFT';
    return { total, paid, due, status: order.status_override ?? derived };
  }

  private buildItem(input: OrderItemInput): OrderItemRecord {
    if (!Number.isInteger(input.quantity) || input.quantity < 1) throw badRequest('quantity must be a whole number of at least 1');
    const itemType = input.item_type ?? 'PRODUCT';
    const product = input.product_id !== undefined ? this.requireProductForWrite(input.product_id) : undefined;
    if (!product && (itemType === 'PRODUCT' || itemType === 'SUBSCRIPTION')) {
      throw badRequest(`product_id is required for order items of type ${itemType}`);
    }
    if (input.subscription_plan_id !== undefined) this.requirePlan(product?.id, input.subscription_plan_id);
    return {
      id: this.seq.item++,
      product_id: product?.id,
      product_name: product?.name,
      product_sku: product?.sku,
      name: input.name ?? product?.name ?? itemType,
      description: input.description ?? product?.short_description,
      notes: input.notes,
      quantity: input.quantity,
      price_cents: input.price_cents ?? product?.price_cents ?? 0,
      cost_cents: input.cost_cents ?? 0,
      item_type: itemType,
      subscription_plan_id: input.subscription_plan_id,
    };
  }

  private checkTotalCoversPayments(order: OrderRecord, items: OrderItemRecord[]): void {
    const paid = this.orderTotals(order).paid;
    const total = items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0);
    if (paid > 0 && total < paid) throw failedPrecondition(`Order ${order.id} would total less than the ${paid / 100} already paid`);
  }

  private requireContactForWrite(id: number): ContactRecord {
    const contact = this.contacts.get(id);
    if (!contact) throw badRequest(`Contact ${id} does not exist`);
    return contact;
  }

  private requireProductForWrite(id: number): ProductRecord {
    const product = this.products.get(id);
    if (!product) throw badRequest(`Product ${id} does not exist`);
    return product;
  }

  // ---------------------------------------------------------------- payments

  /** Records a manual payment. Keap: amount > 0, never above the balance, method must be configured. */
  recordPayment(orderId: number, input: PaymentInput): PaymentRecord {
    const order = this.requireOrder(orderId);
    if (!Number.isFinite(input.amount_cents) || input.amount_cents <= 0) throw badRequest('payment_amount must be greater than 0');
    if (!this.manualPaymentTypes.includes(input.method_type)) {
      throw badRequest(
        `payment_method_type '${input.method_type}' is not a Manual Payment Type of this account (${this.manualPaymentTypes.join(', ')})`,
      );
    }
    const { due } = this.orderTotals(order);
    if (input.amount_cents > due) {
      throw badRequest(`payment_amount ${(input.amount_cents / 100).toFixed(2)} exceeds the order balance ${(due / 100).toFixed(2)}`);
    }
    const now = this.nowIso();
    const payment: PaymentRecord = {
      id: this.payments.allocateId(),
      invoice_payment_id: this.seq.invoicePayment++,
      order_id: order.id,
      invoice_id: order.invoice_id,
      contact_id: order.contact_id,
      amount_cents: input.amount_cents,
      method_type: input.method_type,
      pay_time: input.pay_time ?? now,
      update_time: now,
      note: input.note,
      pay_status: 'MANUAL_PAID',
      skip_commission: !input.apply_to_commissions,
      transaction_id: this.seq.transaction++,
    };
    order.modification_time = now;
    return this.insertPayment(payment);
  }

  insertPayment(payment: PaymentRecord): PaymentRecord {
    this.payments.insert(payment);
    indexAdd(this.paymentsByOrder, payment.order_id, payment.id);
    if (payment.invoice_payment_id >= this.seq.invoicePayment) this.seq.invoicePayment = payment.invoice_payment_id + 1;
    if (payment.transaction_id >= this.seq.transaction) this.seq.transaction = payment.transaction_id + 1;
    return payment;
  }

  /** Keap has no API for this: only data-loss scenarios remove payments. */
  removePayment(id: number): void {
    const payment = this.payments.get(id);
    if (!payment) return;
    indexRemove(this.paymentsByOrder, payment.order_id, id);
    this.payments.delete(id);
  }

  paymentsOf(orderId: number): PaymentRecord[] {
    return [...(this.paymentsByOrder.get(orderId) ?? [])]
      .sort((a, b) => a - b)
      .map((id) => this.payments.get(id)!)
      .filter(Boolean);
  }

  // ---------------------------------------------------------------- subscriptions

  createSubscription(input: {
    contact_id: number;
    subscription_plan_id: number;
    quantity?: number;
    active?: boolean;
    billing_amount_cents?: number;
    auto_charge?: boolean;
    start_date?: string;
    allow_duplicate?: boolean;
    custom?: CustomValues;
    extra?: Extra;
  }): SubscriptionRecord {
    this.requireContactForWrite(input.contact_id);
    const plan = this.plans.get(input.subscription_plan_id);
    if (!plan) throw badRequest(`Subscription plan ${input.subscription_plan_id} does not exist`);
    const today = this.nowIso().slice(0, 10);
    const start = input.start_date ?? today;
    if (start < today) throw badRequest('start_date must not be in the past');
    if (!input.allow_duplicate) {
      const dup = [...(this.subscriptionsByContact.get(input.contact_id) ?? [])]
        .map((id) => this.subscriptions.get(id)!)
        .find((s) => s && s.active && s.subscription_plan_id === plan.id);
      if (dup) throw new EmulatorApiError(409, `Contact ${input.contact_id} already has active subscription ${dup.id} on plan ${plan.id}`);
    }
    return this.insertSubscription({
      id: this.subscriptions.allocateId(),
      contact_id: input.contact_id,
      product_id: plan.product_id,
      subscription_plan_id: plan.id,
      quantity: input.quantity ?? 1,
      active: input.active ?? true,
      billing_amount_cents: input.billing_amount_cents ?? plan.price_cents,
      start_date: start,
      next_bill_date: start,
      auto_charge: input.auto_charge ?? true,
      custom: this.checkedCustom('SUBSCRIPTION', input.custom),
      modification_time: this.nowIso(),
      extra: input.extra ?? {},
    });
  }

  insertSubscription(sub: SubscriptionRecord): SubscriptionRecord {
    this.subscriptions.insert(sub);
    indexAdd(this.subscriptionsByContact, sub.contact_id, sub.id);
    return sub;
  }

  updateSubscription(id: number, patch: Partial<SubscriptionRecord>): SubscriptionRecord {
    const sub = this.requireSubscription(id);
    const today = this.nowIso().slice(0, 10);
    for (const key of ['next_bill_date', 'end_date'] as const) {
      if (patch[key] !== undefined && patch[key]! < today) throw badRequest(`${key} must not be in the past`);
    }
    const { custom, extra, contact_id, subscription_plan_id, ...rest } = patch;
    if (subscription_plan_id !== undefined && subscription_plan_id !== sub.subscription_plan_id) {
      // Another plan means another product: Keap takes the product from the plan.
      const plan = this.plans.get(subscription_plan_id);
      if (!plan) throw badRequest(`Subscription plan ${subscription_plan_id} does not exist`);
      sub.subscription_plan_id = plan.id;
      sub.product_id = plan.product_id;
    }
    if (contact_id !== undefined && contact_id !== sub.contact_id) {
      this.requireContactForWrite(contact_id);
      indexRemove(this.subscriptionsByContact, sub.contact_id, id);
      sub.contact_id = contact_id;
      indexAdd(this.subscriptionsByContact, contact_id, id);
    }
    Object.assign(sub, stripUndefined(rest));
    if (custom) sub.custom = { ...sub.custom, ...this.checkedCustom('SUBSCRIPTION', custom) };
    if (extra) sub.extra = { ...sub.extra, ...extra };
    sub.modification_time = this.nowIso();
    return sub;
  }

  removeSubscription(id: number): void {
    const sub = this.subscriptions.get(id);
    if (!sub) return;
    indexRemove(this.subscriptionsByContact, sub.contact_id, id);
    this.subscriptions.delete(id);
  }

  requireSubscription(id: number): SubscriptionRecord {
    const record = this.subscriptions.get(id);
    if (!record) throw notFound('subscription', id);
    return record;
  }

  // ---------------------------------------------------------------- tags

  createTag(fields: { name: string; description?: string; category_id?: number }): TagRecord {
    if (!fields.name?.trim()) throw badRequest('name is required');
    this.checkTagNameFree(fields.name);
    const now = this.nowIso();
    return this.tags.insert({ ...fields, name: fields.name.slice(0, 255), id: this.tags.allocateId(), create_time: now, update_time: now });
  }

  updateTag(id: number, patch: { name?: string; description?: string; category_id?: number }): TagRecord {
    const tag = this.requireTag(id);
    if (patch.name !== undefined && patch.name !== tag.name) this.checkTagNameFree(patch.name);
    Object.assign(tag, stripUndefined(patch));
    tag.update_time = this.nowIso();
    return tag;
  }

  deleteTag(id: number): void {
    this.requireTag(id);
    this.tags.delete(id);
    for (const applied of this.contactTags.values()) applied.delete(id);
  }

  requireTag(id: number): TagRecord {
    const record = this.tags.get(id);
    if (!record) throw notFound('tag', id);
    return record;
  }

  /** Like Keap: one result per contact, failures reported inside a 200. */
  applyTag(tagId: number, contactIds: number[]): Record<string, string> {
    this.requireTag(tagId);
    const results: Record<string, string> = {};
    const now = this.nowIso();
    for (const contactId of contactIds) {
      if (!this.contacts.has(contactId)) {
        results[String(contactId)] = 'CONTACT_NOT_FOUND';
        continue;
      }
      let applied = this.contactTags.get(contactId);
      if (!applied) this.contactTags.set(contactId, (applied = new Map()));
      if (applied.has(tagId)) results[String(contactId)] = 'DUPLICATE';
      else {
        applied.set(tagId, now);
        results[String(contactId)] = 'SUCCESS';
      }
    }
    return results;
  }

  removeTag(tagId: number, contactIds: number[]): void {
    this.requireTag(tagId);
    for (const contactId of contactIds) this.contactTags.get(contactId)?.delete(tagId);
  }

  tagIdsOf(contactId: number): number[] {
    return [...(this.contactTags.get(contactId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  private checkTagNameFree(name: string): void {
    const lower = name.toLowerCase();
    for (const t of this.tags.values()) {
      if (t.name.toLowerCase() === lower) throw new EmulatorApiError(409, `A tag named '${name}' already exists (id ${t.id})`);
    }
  }

  // ---------------------------------------------------------------- custom fields

  createCustomField(recordType: CustomFieldRecordType, label: string, fieldType: string, options: string[] = []): CustomFieldRecord {
    if (!label?.trim()) throw badRequest('label is required');
    if (!CUSTOM_FIELD_TYPES.has(fieldType)) throw badRequest(`field_type '${fieldType}' is not supported`);
    const base = '_' + (label.replace(/[^A-Za-z0-9]+/g, '') || 'Field');
    const taken = new Set(this.customFieldsOf(recordType).map((f) => f.field_name.toLowerCase()));
    let fieldName = base;
    for (let n = 0; taken.has(fieldName.toLowerCase()); n++) fieldName = `${base}${n}`;
    const id = this.customFields.allocateId();
    return this.customFields.insert({
      id,
      record_type: recordType,
      label,
      field_name: fieldName,
      field_type: fieldType,
      options: options.map((o, i) => ({ id: `${id}-${i}`, label: o })),
    });
  }

  customFieldsOf(recordType: CustomFieldRecordType): CustomFieldRecord[] {
    return [...this.customFields.values()].filter((f) => f.record_type === recordType);
  }

  /** Custom field ids must belong to the record type; unknown ids are Keap 400s. */
  private checkedCustom(recordType: CustomFieldRecordType, custom: CustomValues | undefined): CustomValues {
    const out: CustomValues = {};
    for (const [id, content] of Object.entries(custom ?? {})) {
      const field = this.customFields.get(Number(id));
      if (!field || field.record_type !== recordType)
        throw badRequest(`Custom field ${id} does not exist for ${recordType.toLowerCase()}s`);
      if (typeof content === 'string' && content.length > 65535) throw badRequest(`Custom field ${id} content exceeds 65535 characters`);
      out[id] = content;
    }
    return out;
  }

  // ---------------------------------------------------------------- persistence

  toState(): StoreState {
    const nextIds: Record<string, number> = { ...this.seq };
    for (const [name, table] of this.tables()) nextIds[name] = table.peekNextId;
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
      contactTags: [...this.contactTags].map(([c, m]) => [c, [...m]]),
      manualPaymentTypes: this.manualPaymentTypes,
    };
  }

  static fromState(state: StoreState): EmulatorStore {
    if (state?.formatVersion !== 1) throw new Error('Not an emulator state file (formatVersion 1 expected)');
    const store = new EmulatorStore();
    state.contacts.forEach((r) => store.contacts.insert(r));
    state.companies.forEach((r) => store.companies.insert(r));
    state.products.forEach((r) => store.products.insert(r));
    state.plans.forEach((r) => store.plans.insert(r));
    state.orders.forEach((r) => store.insertOrder(r));
    state.payments.forEach((r) => store.insertPayment(r));
    state.subscriptions.forEach((r) => store.insertSubscription(r));
    state.tags.forEach((r) => store.tags.insert(r));
    state.campaigns.forEach((r) => store.campaigns.insert(r));
    state.customFields.forEach((r) => store.customFields.insert(r));
    for (const [contactId, applied] of state.contactTags) store.contactTags.set(contactId, new Map(applied));
    store.manualPaymentTypes = state.manualPaymentTypes ?? [...DEFAULT_MANUAL_PAYMENT_TYPES];
    for (const [name, table] of store.tables()) table.peekNextId = state.nextIds[name] ?? 1;
    for (const key of Object.keys(store.seq) as Array<keyof EmulatorStore['seq']>) {
      store.seq[key] = Math.max(store.seq[key], state.nextIds[key] ?? 0);
    }
    return store;
  }

  /** Allocates an order item id (for the generator, which builds orders directly). */
  allocateItemId(): number {
    return this.seq.item++;
  }

  allocateInvoiceId(): number {
    return this.seq.invoice++;
  }

  allocateInvoicePaymentId(): number {
    return this.seq.invoicePayment++;
  }

  allocateTransactionId(): number {
    return this.seq.transaction++;
  }

  private tables(): Array<[string, Table<{ id: number }>]> {
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
    ];
  }
}

/** Refunded, voided and failed payments do not count towards what an order has been paid. */
export function countsAsPaid(status: PaymentRecord['pay_status']): boolean {
  return status === 'MANUAL_PAID' || status === 'PAYPAL_PAID' || status === 'APPROVED';
}

export function cycleToBillingCycle(cycle: CycleType): 'YEAR' | 'MONTH' | 'WEEK' | 'DAY' {
  return ({ YEARLY: 'YEAR', MONTHLY: 'MONTH', WEEKLY: 'WEEK', DAILY: 'DAY' } as const)[cycle];
}

function indexAdd(index: Map<number, Set<number>>, key: number, value: number): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

function indexRemove(index: Map<number, Set<number>>, key: number, value: number): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (!set.size) index.delete(key);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
