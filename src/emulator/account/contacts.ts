/**
 * Contacts and companies, Keap's rules for them: a contact needs a way to reach it, duplicates are
 * matched on request, a PATCH replaces each collection it names, and deleting a contact takes what
 * hangs off it along.
 */
import type { Address, EmailAddress, PhoneNumber } from '../../core/model';
import { badRequest, notFound } from '../apiError';
import type { CompanyRecord, ContactRecord, CustomValues, Extra } from '../records';
import { checkedCustom } from './customFields';
import { stripUndefined } from './patch';
import type { AccountTables } from './tables';

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

// ---------------------------------------------------------------- contacts

export function createContact(
  account: AccountTables,
  input: ContactInput,
  duplicateOption?: DuplicateOption,
): { record: ContactRecord; created: boolean } {
  const emails = input.email_addresses ?? [];
  if (!emails.length && !(input.phone_numbers ?? []).length && !(input.addresses ?? []).length) {
    throw badRequest('A contact needs at least one email address, phone number or address');
  }
  checkCompany(account, input.company_id);
  if (duplicateOption) {
    const match = findDuplicateContact(account, input, duplicateOption);
    if (match) return { record: updateContact(account, match.id, input), created: false };
  }
  const now = account.nowIso();
  const record: ContactRecord = {
    id: account.contacts.allocateId(),
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
    custom: checkedCustom(account, 'CONTACT', input.custom),
    create_time: now,
    update_time: now,
    extra: input.extra ?? {},
  };
  return { record: account.contacts.insert(record), created: true };
}

/** Keap's PATCH replaces each given collection whole ("any item not listed will be removed"). */
export function updateContact(account: AccountTables, id: number, input: ContactInput): ContactRecord {
  const record = requireContact(account, id);
  if (input.company_id !== undefined) checkCompany(account, input.company_id);
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
  if (input.custom) record.custom = { ...record.custom, ...checkedCustom(account, 'CONTACT', input.custom) };
  if (input.extra) record.extra = { ...record.extra, ...input.extra };
  record.update_time = account.nowIso();
  return record;
}

/** Deleting a contact in Keap takes its orders, payments, subscriptions, notes and tag assignments with it. */
export function deleteContact(account: AccountTables, id: number): void {
  requireContact(account, id);
  for (const order of account.ordersOf(id)) account.removeOrder(order.id);
  for (const sub of account.subscriptionsOf(id)) account.removeSubscription(sub.id);
  account.removeNotesOf(id);
  account.contactTags.delete(id);
  account.contacts.delete(id);
}

export function requireContact(account: AccountTables, id: number): ContactRecord {
  const record = account.contacts.get(id);
  if (!record) throw notFound('contact', id);
  return record;
}

/** A contact named in a request body: missing is the request's fault (400), not a missing resource (404). */
export function requireContactForWrite(account: AccountTables, id: number): ContactRecord {
  const contact = account.contacts.get(id);
  if (!contact) throw badRequest(`Contact ${id} does not exist`);
  return contact;
}

export function primaryEmail(contact: ContactRecord): string | undefined {
  return (contact.email_addresses.find((e) => e.field === 'EMAIL1') ?? contact.email_addresses[0])?.email;
}

function findDuplicateContact(account: AccountTables, input: ContactInput, option: DuplicateOption): ContactRecord | undefined {
  const email = input.email_addresses?.[0]?.email?.toLowerCase();
  if (!email) return undefined;
  for (const c of account.contacts.values()) {
    if (!c.email_addresses.some((e) => e.email.toLowerCase() === email)) continue;
    if (option !== 'Email' && (c.given_name ?? '') !== (input.given_name ?? '')) continue;
    if (option !== 'Email' && (c.family_name ?? '') !== (input.family_name ?? '')) continue;
    if (option === 'EmailAndNameAndCompany' && c.company_id !== input.company_id) continue;
    return c;
  }
  return undefined;
}

function checkCompany(account: AccountTables, companyId: number | undefined): void {
  if (companyId !== undefined && !account.companies.has(companyId)) throw badRequest(`Company ${companyId} does not exist`);
}

// ---------------------------------------------------------------- companies

export function createCompany(account: AccountTables, fields: Omit<CompanyRecord, 'id' | 'create_time' | 'update_time'>): CompanyRecord {
  if (!fields.company_name?.trim()) throw badRequest('company_name is required');
  const now = account.nowIso();
  return account.companies.insert({
    ...fields,
    custom: checkedCustom(account, 'COMPANY', fields.custom),
    id: account.companies.allocateId(),
    create_time: now,
    update_time: now,
  });
}

export function updateCompany(account: AccountTables, id: number, patch: Partial<CompanyRecord>): CompanyRecord {
  const record = requireCompany(account, id);
  const { custom, extra, ...rest } = patch;
  Object.assign(record, stripUndefined(rest));
  if (custom) record.custom = { ...record.custom, ...checkedCustom(account, 'COMPANY', custom) };
  if (extra) record.extra = { ...record.extra, ...extra };
  record.update_time = account.nowIso();
  return record;
}

/** Contacts of a deleted company stay, unlinked. */
export function deleteCompany(account: AccountTables, id: number): void {
  requireCompany(account, id);
  account.companies.delete(id);
  for (const c of account.contacts.values()) if (c.company_id === id) c.company_id = undefined;
}

export function requireCompany(account: AccountTables, id: number): CompanyRecord {
  const record = account.companies.get(id);
  if (!record) throw notFound('company', id);
  return record;
}
