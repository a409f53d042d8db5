import type { Address, EmailAddress, PhoneNumber } from '../../core/model';
import { badRequest } from '../apiError';
import { allowOnly, customValues, masked, objectBody, optArray, optObject, optString, parseId, updateMask, type Json } from '../http/body';
import type { Router } from '../http/router';
import { ALL_OPS, type ListSpec } from '../listing';
import type { ContactRecord } from '../records';
import { CONTACT_DEFAULT_FIELDS, pickFields, renderContact } from '../render';
import type { ContactInput, DuplicateOption, EmulatorStore } from '../store';
import { fromTable, listResponse, noContent, pathId, requestedFields } from './common';

const WRITABLE = [
  'addresses',
  'company',
  'origin',
  'prefix',
  'suffix',
  'website',
  'anniversary_date',
  'birth_date',
  'contact_type',
  'custom_fields',
  'email_addresses',
  'family_name',
  'fax_numbers',
  'given_name',
  'job_title',
  'leadsource_id',
  'middle_name',
  'owner_id',
  'phone_numbers',
  'preferred_locale',
  'preferred_name',
  'referral_code',
  'social_accounts',
  'source_type',
  'spouse_name',
  'time_zone',
  'utm_parameters',
  'assistant_name',
  'assistant_phone',
  'billing_information',
];
const TYPED = new Set([
  'addresses',
  'company',
  'custom_fields',
  'email_addresses',
  'family_name',
  'given_name',
  'job_title',
  'middle_name',
  'phone_numbers',
]);
const READABLE = [
  'addresses',
  'anniversary_date',
  'birth_date',
  'company',
  'contact_type',
  'create_time',
  'custom_fields',
  'email_addresses',
  'family_name',
  'fax_numbers',
  'given_name',
  'id',
  'job_title',
  'leadsource_id',
  'links',
  'middle_name',
  'notes',
  'origin',
  'owner_id',
  'phone_numbers',
  'preferred_locale',
  'preferred_name',
  'prefix',
  'referral_code',
  'score_value',
  'social_accounts',
  'source_type',
  'spouse_name',
  'suffix',
  'tag_ids',
  'time_zone',
  'update_time',
  'utm_parameters',
  'website',
  'account_id',
  'assistant_name',
  'assistant_phone',
  'billing_information',
  'created_by',
  'groups',
  'last_updated_by',
];
const DUPLICATE_OPTIONS: DuplicateOption[] = ['Email', 'EmailAndName', 'EmailAndNameAndCompany'];

function contactListSpec(store: EmulatorStore): ListSpec<ContactRecord> {
  const email = (c: ContactRecord) => store.primaryEmail(c);
  return {
    resource: 'contacts',
    filters: {
      email: { type: { kind: 'text', wildcard: true }, get: email },
      given_name: { type: { kind: 'text', wildcard: true }, get: (c) => c.given_name },
      family_name: { type: { kind: 'text', wildcard: true }, get: (c) => c.family_name },
      middle_name: { type: { kind: 'text', wildcard: true }, get: (c) => c.middle_name },
      company_id: { type: { kind: 'number' }, get: (c) => c.company_id },
      contact_id: { type: { kind: 'number' }, ops: ALL_OPS, get: (c) => c.id },
      ids: { type: { kind: 'list' }, get: (c) => c.id },
      contact_ids: { type: { kind: 'list' }, get: (c) => c.id },
      start_update_time: { type: { kind: 'since' }, get: (c) => c.update_time },
      end_update_time: { type: { kind: 'until' }, get: (c) => c.update_time },
    },
    orderBy: { create_time: (c) => c.create_time, email: (c) => email(c)?.toLowerCase(), update_time: (c) => c.update_time },
    customFields: () => store.customFieldsOf('CONTACT'),
    customOf: (c) => c.custom,
  };
}

function contactInput(body: Json): ContactInput {
  const company = optObject(body, 'company');
  const extra: Json = {};
  for (const [k, v] of Object.entries(body)) if (!TYPED.has(k)) extra[k] = v;
  return {
    given_name: optString(body, 'given_name', 40),
    family_name: optString(body, 'family_name', 40),
    middle_name: optString(body, 'middle_name', 100),
    job_title: optString(body, 'job_title', 255),
    email_addresses: optArray(body, 'email_addresses')?.map(emailAddress),
    phone_numbers: optArray(body, 'phone_numbers') as PhoneNumber[] | undefined,
    addresses: optArray(body, 'addresses') as Address[] | undefined,
    company_id: company ? parseId(company.id, 'company.id') : undefined,
    custom: customValues(body),
    extra,
  };
}

function emailAddress(value: unknown): EmailAddress {
  const e = value as Json;
  if (!e || typeof e.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(e.email))
    throw badRequest('email_addresses[].email must be an email address');
  allowOnly(e, ['email', 'field', 'opt_in_reason']);
  return { email: e.email, field: e.field as EmailAddress['field'], opt_in_reason: e.opt_in_reason as string | undefined };
}

export function registerContactRoutes(router: Router): void {
  router.add('GET', '/v2/contacts', (req) => {
    const fields = requestedFields(req.query, READABLE) ?? CONTACT_DEFAULT_FIELDS;
    return listResponse(req, 'contacts', contactListSpec(req.store), fromTable(req.store.contacts), (c) =>
      pickFields(renderContact(req.store, c), fields),
    );
  });
  router.add('GET', '/v2/contacts/{contact_id}', (req) => {
    const contact = req.store.requireContact(pathId(req, 'contact_id'));
    return { status: 200, body: pickFields(renderContact(req.store, contact), requestedFields(req.query, READABLE)) };
  });
  router.add('POST', '/v2/contacts', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, WRITABLE);
    const option = req.query.get('duplicate_option') ?? undefined;
    if (option !== undefined && !DUPLICATE_OPTIONS.includes(option as DuplicateOption)) {
      throw badRequest(`duplicate_option must be one of ${DUPLICATE_OPTIONS.join(', ')}`);
    }
    const { record, created } = req.store.createContact(contactInput(body), option as DuplicateOption | undefined);
    return { status: created ? 201 : 200, body: renderContact(req.store, record) };
  });
  router.add('PATCH', '/v2/contacts/{contact_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, WRITABLE);
    const mask = updateMask(req.query, body, WRITABLE);
    const record = req.store.updateContact(pathId(req, 'contact_id'), contactInput(masked(body, mask)));
    return { status: 200, body: renderContact(req.store, record) };
  });
  router.add('DELETE', '/v2/contacts/{contact_id}', (req) => {
    req.store.deleteContact(pathId(req, 'contact_id'));
    return noContent;
  });
}
