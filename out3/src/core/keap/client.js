"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeapClient = void 0;
/**
 * The Keap REST v2 client: one transport (credential, quota, retries) shared by typed resources.
 */
const contacts_1 = require("./resources/contacts");
const commerce_1 = require("./resources/commerce");
const notes_1 = require("./resources/notes");
const tagsAndModels_1 = require("./resources/tagsAndModels");
const transport_1 = require("./transport");
class KeapClient {
    transport;
    contacts;
    companies;
    products;
    orders;
    payments;
    transactions;
    subscriptions;
    tags;
    campaigns;
    customFields;
    notes;
    constructor(options) {
        this.transport = options instanceof transport_1.KeapTransport ? options : new transport_1.KeapTransport(options);
        this.contacts = new contacts_1.ContactsResource(this.transport);
        this.companies = new commerce_1.CompaniesResource(this.transport);
        this.products = new commerce_1.ProductsResource(this.transport);
        this.orders = new commerce_1.OrdersResource(this.transport);
        this.payments = new commerce_1.SalesPaymentsResource(this.transport);
        this.transactions = new commerce_1.TransactionsResource(this.transport);
        this.subscriptions = new commerce_1.SubscriptionsResource(this.transport);
        this.tags = new tagsAndModels_1.TagsResource(this.transport);
        this.campaigns = new tagsAndModels_1.CampaignsResource(this.transport);
        this.customFields = new tagsAndModels_1.CustomFieldsResource(this.transport);
        this.notes = new notes_1.NotesResource(this.transport);
    }
    /**
     * Proves the credential works with the cheapest call there is (one tag), and reports the quota
     * Keap says is left.
     */
    async ping() {
        const started = Date.now();
        await this.transport.request({ method: 'GET', path: '/v2/tags', query: { page_size: 1 } });
        return { baseUrl: this.transport.baseUrl, ms: Date.now() - started, quota: this.transport.lastQuota };
    }
    /** The account this client reaches (Keap's tenant id), asking Keap once if no answer named it yet. */
    async account() {
        if (!this.transport.tenantId)
            await this.ping();
        return this.transport.account;
    }
}
exports.KeapClient = KeapClient;
//# sourceMappingURL=client.js.map