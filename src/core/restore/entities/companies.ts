/** Companies: found again by the restore marker, else by company name (case-insensitive). */
import { filter } from '../../keap/filter';
import type { KeapCompany } from '../../model';
import { orNull, pick, verbatim } from '../fieldRules';
import { marked, type Payload } from '../payloads';
import { requestBody } from '../fields';
import { quote } from '../planContext';
import { first, verifyByFind, type RestorableEntity } from './entity';

function companyPayload(company: KeapCompany, markerFieldRef?: string): Payload {
  return requestBody('companies', company, marked(markerFieldRef, company.id));
}

export const companies: RestorableEntity = {
  entity: 'companies',

  fields: {
    fields: [
      ...verbatim(
        'company_name',
        'phone_number',
        'fax_number',
        'address',
        'website',
        'notes',
        'owner_id',
        'suffix',
        'title',
        'first_name',
        'middle_name',
        'last_name',
        'job_title',
        'preferred_name',
        'spouse_name',
        'birth_date',
        'anniversary_date',
        'assistant_name',
        'assistant_phone',
        'billing_information',
        'contact_type',
        'referral_code',
      ),
      { name: 'email_address', toRequest: (v) => pick(v, ['email', 'field']), compare: (v) => orNull(pick(v, ['email', 'field'])) },
    ],
    customFields: true,
    serverAssigned: {
      id: 'a new company id',
      create_time: "the restore's date",
      update_time: "the restore's date",
      groups: 'computed by Keap',
    },
  },

  settlesFirst: true,

  plan(ctx, record, pulledIn) {
    return ctx.planSimple(
      'companies',
      record,
      pulledIn,
      () => ctx.live.byNaturalKeyOf('companies', record),
      companyPayload(record as KeapCompany, 'marker:COMPANY'),
      `Company ${quote(record.company_name)}`,
    );
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.companies.create(body, { verify: verifyByFind(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.companies,

  async find(ctx, step, { body }) {
    const c = ctx.client;
    return (
      (await ctx.byMarker('COMPANY', step, (f) => c.companies.list({ filter: f }))) ??
      (await first(c.companies.list({ filter: filter('company_name', '==', String(body.company_name)) })))?.id
    );
  },
};
