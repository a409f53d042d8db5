/**
 * The emulated account's data: one table per entity, the id sequences Keap keeps besides the
 * tables' own, the indexes the business rules look things up by, the account's clock, and the
 * state file format. No business rules here (see the sibling modules): what this class offers
 * keeps the indexes true, so anything may write through it, including the generator and the
 * data-loss scenarios that bypass Keap's rules on purpose.
 */
import type {
  CampaignRecord,
  CompanyRecord,
  ContactRecord,
  ContactTagMap,
  CustomFieldRecord,
  NoteRecord,
  OrderRecord,
  PaymentRecord,
  PlanRecord,
  ProductRecord,
  SubscriptionRecord,
  TagRecord,
} from '../records';
import { Table } from '../table';

export const DEFAULT_MANUAL_PAYMENT_TYPES = ['Cash', 'Check', 'Credit Card (Manual)', 'Money Order', 'Adjustment'];

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
  /** Absent from state files written before the emulator had notes. */
  notes?: NoteRecord[];
  contactTags: Array<[number, Array<[number, string]>]>;
  manualPaymentTypes: string[];
}

export class AccountTables {
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
  readonly notes = new Table<NoteRecord>(1);
  readonly contactTags: ContactTagMap = new Map();
  manualPaymentTypes = [...DEFAULT_MANUAL_PAYMENT_TYPES];

  // Keap keeps separate auto-increments for invoices, order items and invoice-payment links, so an
  // order's invoice id is a different number from its order id (keap-api.md §5).
  private seq = { invoice: 30001, item: 1, invoicePayment: 70001, transaction: 90001 };

  private readonly ordersByContact = new Map<number, Set<number>>();
  private readonly paymentsByOrder = new Map<number, Set<number>>();
  private readonly subscriptionsByContact = new Map<number, Set<number>>();
  private readonly notesByContact = new Map<number, Set<number>>();

  /** The account's clock; tests and the generator pin it for determinism. */
  clock: () => Date = () => new Date();

  nowIso(): string {
    return this.clock().toISOString();
  }

  // ---------------------------------------------------------------- id sequences

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

  // ---------------------------------------------------------------- records that are indexed

  /** Inserts a fully formed order (the generator's and the state loader's way in). */
  insertOrder(order: OrderRecord): OrderRecord {
    this.orders.insert(order);
    indexAdd(this.ordersByContact, order.contact_id, order.id);
    if (order.invoice_id >= this.seq.invoice) this.seq.invoice = order.invoice_id + 1;
    for (const item of order.items) if (item.id >= this.seq.item) this.seq.item = item.id + 1;
    return order;
  }

  /** Moves an order to another contact, keeping the index true. */
  reassignOrder(order: OrderRecord, contactId: number): void {
    indexRemove(this.ordersByContact, order.contact_id, order.id);
    order.contact_id = contactId;
    indexAdd(this.ordersByContact, contactId, order.id);
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

  ordersOf(contactId: number): OrderRecord[] {
    return [...(this.ordersByContact.get(contactId) ?? [])].map((id) => this.orders.get(id)!).filter(Boolean);
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

  hasPayments(orderId: number): boolean {
    return (this.paymentsByOrder.get(orderId)?.size ?? 0) > 0;
  }

  insertSubscription(sub: SubscriptionRecord): SubscriptionRecord {
    this.subscriptions.insert(sub);
    indexAdd(this.subscriptionsByContact, sub.contact_id, sub.id);
    return sub;
  }

  /** Moves a subscription to another contact, keeping the index true. */
  reassignSubscription(sub: SubscriptionRecord, contactId: number): void {
    indexRemove(this.subscriptionsByContact, sub.contact_id, sub.id);
    sub.contact_id = contactId;
    indexAdd(this.subscriptionsByContact, contactId, sub.id);
  }

  removeSubscription(id: number): void {
    const sub = this.subscriptions.get(id);
    if (!sub) return;
    indexRemove(this.subscriptionsByContact, sub.contact_id, id);
    this.subscriptions.delete(id);
  }

  insertNote(note: NoteRecord): NoteRecord {
    this.notes.insert(note);
    indexAdd(this.notesByContact, note.contact_id, note.id);
    return note;
  }

  /** Removes a contact's notes (with the contact); by index, since an account can hold a note for every other contact. */
  removeNotesOf(contactId: number): void {
    for (const id of this.notesByContact.get(contactId) ?? []) this.notes.delete(id);
    this.notesByContact.delete(contactId);
  }

  /** A contact's subscriptions, in the order they were indexed. */
  subscriptionsOf(contactId: number): SubscriptionRecord[] {
    return [...(this.subscriptionsByContact.get(contactId) ?? [])].map((id) => this.subscriptions.get(id)!).filter(Boolean);
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
      notes: [...this.notes.values()],
      contactTags: [...this.contactTags].map(([c, m]) => [c, [...m]]),
      manualPaymentTypes: this.manualPaymentTypes,
    };
  }

  /** Fills this (empty) account from a state file's contents. */
  protected loadState(state: StoreState): void {
    if (state?.formatVersion !== 1) throw new Error('Not an emulator state file (formatVersion 1 expected)');
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
    state.notes?.forEach((r) => this.insertNote(r));
    for (const [contactId, applied] of state.contactTags) this.contactTags.set(contactId, new Map(applied));
    this.manualPaymentTypes = state.manualPaymentTypes ?? [...DEFAULT_MANUAL_PAYMENT_TYPES];
    for (const [name, table] of this.tables()) table.peekNextId = state.nextIds[name] ?? 1;
    for (const key of Object.keys(this.seq) as Array<keyof AccountTables['seq']>) {
      this.seq[key] = Math.max(this.seq[key], state.nextIds[key] ?? 0);
    }
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
      ['notes', this.notes],
    ];
  }
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
