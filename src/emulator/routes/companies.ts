import type { Address, EmailAddress, PhoneNumber } from '../../core/model';
import { allowOnly, customValues, masked, objectBody, optObject, optString, updateMask, type Json } from '../http/body';
import type { Router } from '../http/router';
import { ALL_OPS, type ListSpec } from '../listing';
import type { CompanyRecord } from '../records';
import { COMPANY_DEFAULT_FIELDS, pickFields, renderCompany } from '../render';
import type { EmulatorStore } from '../store';
import { fromTable, listResponse, noContent, pathId, requestedFields } from './common';

const WRITABLE = [
  'address',
  'notes',
  'website',
  'suffix',
  'title',
  'company_name',
  'custom_fields',
  'email_address',
  'fax_number',
  'phone_number',
  'anniversary_date',
  'assistant_name',
  'assistant_phone',
  'billing_information',
  'birth_date',
  'contact_type',
  'first_name',
  'job_title',
  'last_name',
  'middle_name',
  'preferred_name',
  'owner_id',
  'referral_code',
  'spouse_name',
];
const TYPED = new Set(['address', 'notes', 'website', 'company_name', 'custom_fields', 'email_address', 'phone_number']);
const READABLE = [...WRITABLE, 'id', 'groups', 'create_time', 'update_time', 'account_id', 'created_by', 'last_updated_by'];

function companyListSpec(store: EmulatorStore): ListSpec<CompanyRecord> {
  return {
    resource: 'companies',
    filters: {
      company_name: { type: { kind: 'text' }, get: (c) => c.company_name },
      name: { type: { kind: 'text', wildcard: true }, get: (c) => c.company_name },
      email: { type: { kind: 'text' }, get: (c) => c.email_address?.email },
      city: { type: { kind: 'text', wildcard: true }, get: (c) => c.address?.locality },
      state: { type: { kind: 'text', wildcard: true }, get: (c) => c.address?.region },
      since_time: { type: { kind: 'since' }, get: (c) => c.update_time },
      until_time: { type: { kind: 'until' }, get: (c) => c.update_time },
      company_id: { type: { kind: 'number' }, ops: ALL_OPS, get: (c) => c.id },
    },
    orderBy: { create_time: (c) => c.create_time, name: (c) => c.company_name.toLowerCase(), email: (c) => c.email_address?.email },
    customFields: () => store.customFieldsOf('COMPANY'),
    customOf: (c) => c.custom,
  };
}

function companyFields(body: Json): Omit<CompanyRecord, 'id' | 'create_time' | 'update_time'> {
  const extra: Json = {};
  for (const [k, v] of Object.entries(body)) if (!TYPED.has(k)) extra[k] = v;
  return {
    company_name: optString(body, 'company_name') as string,
    email_address: optObject(body, 'email_address') as EmailAddress | undefined,
    phone_number: optObject(body, 'phone_number') as PhoneNumber | undefined,
    address: optObject(body, 'address') as Address | undefined,
    website: optString(body, 'website'),
    notes: optString(body, 'notes'),
    custom: customValues(body) ?? {},
    extra,
  };
}

export function registerCompanyRoutes(router: Router): void {
  router.add('GET', '/v2/companies', (req) => {
    const fields = requestedFields(req.query, READABLE) ?? COMPANY_DEFAULT_FIELDS;
    return listResponse(req, 'companies', companyListSpec(req.store), fromTable(req.store.companies), (c) =>
      pickFields(renderCompany(c), fields),
    );
  });
  router.add('GET', '/v2/companies/{company_id}', (req) => ({
    status: 200,
    body: pickFields(renderCompany(req.store.requireCompany(pathId(req, 'company_id'))), requestedFields(req.query, READABLE)),
  }));
  router.add('POST', '/v2/companies', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, WRITABLE);
    return { status: 201, body: renderCompany(req.store.createCompany(companyFields(body))) };
  });
  router.add('PATCH', '/v2/companies/{company_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, WRITABLE);
    const patch = masked(body, updateMask(req.query, body, WRITABLE));
    const fields = companyFields(patch);
    const record = req.store.updateCompany(pathId(req, 'company_id'), { ...fields, custom: customValues(patch), extra: fields.extra });
    return { status: 200, body: renderCompany(record) };
  });
  router.add('DELETE', '/v2/companies/{company_id}', (req) => {
    req.store.deleteCompany(pathId(req, 'company_id'));
    return noContent;
  });
}
