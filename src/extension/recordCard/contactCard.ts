/**
 * A contact as the record card shows it: name, email, phone, company, what they spent (what their
 * orders were paid, in Keap's own totals), their orders (each opens its card), tags by name and
 * subscriptions. Built from the snapshot's records; no vscode import, so unit tests check the words.
 */
import type { KeapCompany, KeapContact, KeapOrder, KeapSubscription, KeapTag } from '../../core/model';
import type { SnapshotDb } from '../../core/snapshot/snapshotDb';
import type { ContactCard } from '../../webview/recordCard/cardProtocol';
import { localCents, localDate, localDateTime, localMajor } from '../localFormat';
import { words } from './orderCard';

export interface ContactCardInput {
  contact: KeapContact;
  company?: KeapCompany;
  orders: KeapOrder[];
  tags: KeapTag[];
  subscriptions: KeapSubscription[];
  where: string;
  problems?: string[];
  locale: string;
}

export function contactName(contact: KeapContact): string {
  return (
    [contact.given_name, contact.family_name].filter(Boolean).join(' ') || contact.email_addresses?.[0]?.email || `Contact ${contact.id}`
  );
}

export function contactCard(input: ContactCardInput): ContactCard {
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
    { label: 'Created', value: contact.create_time ? localDateTime(contact.create_time, locale) : '' },
    { label: 'Contact id', value: contact.id },
  ].filter((f) => f.value);
  return {
    kind: 'contact',
    title: contactName(contact),
    where: input.where,
    facts,
    totals: [
      { label: 'Spent', value: localCents(spent, currency, locale) },
      { label: 'Orders', value: input.orders.length.toLocaleString(locale) },
    ],
    orders: input.orders.map((o) => ({
      title: o.title ? `Order #${o.id} · ${o.title}` : `Order #${o.id}`,
      date: localDate(o.order_time, locale),
      total: localCents(o.total?.amount ?? 0, o.total?.currency_code ?? currency, locale),
      status: words(o.status),
      link: { entity: 'orders', id: o.id },
    })),
    tags: input.tags.map((t) => t.name ?? `Tag #${t.id}`),
    subscriptions: input.subscriptions.map((s) => ({
      title: [
        `Subscription #${s.id}`,
        typeof s.billing_amount === 'number' ? localMajor(s.billing_amount, currency, locale) : '',
        s.billing_cycle ? `every ${s.billing_cycle.toLowerCase()}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      status: s.active === false ? 'Inactive' : s.next_bill_date ? `Active, next bill ${localDate(s.next_bill_date, locale)}` : 'Active',
      link: { entity: 'subscriptions', id: s.id },
    })),
    problems: input.problems ?? [],
  };
}

/** What a contact card needs from a snapshot: the contact, its company, orders (newest first), tags and subscriptions. */
export function contactCardRecords(db: SnapshotDb, contactId: string): Omit<ContactCardInput, 'where' | 'problems' | 'locale'> | undefined {
  const one = <T>(sql: string, id: string) => db.all<{ json: string }>(sql, [id]).map((r) => JSON.parse(r.json) as T);
  const contact = one<KeapContact>('SELECT json FROM contacts WHERE id = ?', contactId)[0];
  if (!contact) return undefined;
  const companyId = contact.company?.id;
  return {
    contact,
    company: companyId ? one<KeapCompany>('SELECT json FROM companies WHERE id = ?', companyId)[0] : undefined,
    orders: one<KeapOrder>('SELECT json FROM orders WHERE contact_id = ? ORDER BY order_time DESC, rowid', contactId),
    tags: one<KeapTag>(
      'SELECT t.json FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = ? ORDER BY t.rowid',
      contactId,
    ),
    subscriptions: one<KeapSubscription>('SELECT json FROM subscriptions WHERE contact_id = ? ORDER BY rowid', contactId),
  };
}
