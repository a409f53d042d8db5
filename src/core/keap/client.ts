/**
 * The Keap REST v2 client: one transport (credential, quota, retries) shared by typed resources.
 */
import { ContactsResource } from './resources/contacts';
import {
  CompaniesResource,
  OrdersResource,
  ProductsResource,
  SalesPaymentsResource,
  SubscriptionsResource,
  TransactionsResource,
} from './resources/commerce';
import { NotesResource } from './resources/notes';
import { CampaignsResource, CustomFieldsResource, TagsResource } from './resources/tagsAndModels';
import type { QuotaWindowReading } from './quotaHeaders';
import { KeapTransport, type TransportOptions } from './transport';

export class KeapClient {
  readonly transport: KeapTransport;
  readonly contacts: ContactsResource;
  readonly companies: CompaniesResource;
  readonly products: ProductsResource;
  readonly orders: OrdersResource;
  readonly payments: SalesPaymentsResource;
  readonly transactions: TransactionsResource;
  readonly subscriptions: SubscriptionsResource;
  readonly tags: TagsResource;
  readonly campaigns: CampaignsResource;
  readonly customFields: CustomFieldsResource;
  readonly notes: NotesResource;

  constructor(options: TransportOptions | KeapTransport) {
    this.transport = options instanceof KeapTransport ? options : new KeapTransport(options);
    this.contacts = new ContactsResource(this.transport);
    this.companies = new CompaniesResource(this.transport);
    this.products = new ProductsResource(this.transport);
    this.orders = new OrdersResource(this.transport);
    this.payments = new SalesPaymentsResource(this.transport);
    this.transactions = new TransactionsResource(this.transport);
    this.subscriptions = new SubscriptionsResource(this.transport);
    this.tags = new TagsResource(this.transport);
    this.campaigns = new CampaignsResource(this.transport);
    this.customFields = new CustomFieldsResource(this.transport);
    this.notes = new NotesResource(this.transport);
  }

  /**
   * Proves the credential works with the cheapest call there is (one tag), and reports the quota
   * Keap says is left.
   */
  async ping(): Promise<{ baseUrl: string; ms: number; quota: QuotaWindowReading[] }> {
    const started = Date.now();
    await this.transport.request({ method: 'GET', path: '/v2/tags', query: { page_size: 1 } });
    return { baseUrl: this.transport.baseUrl, ms: Date.now() - started, quota: this.transport.lastQuota };
  }

  /** The account this client reaches (Keap's tenant id), asking Keap once if no answer named it yet. */
  async account(): Promise<string> {
    if (!this.transport.tenantId) await this.ping();
    return this.transport.account;
  }
}
