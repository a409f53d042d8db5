/** Companies: found again by the restore marker, else by company name (case-insensitive). */
import { filter } from '../../keap/filter';
import type { KeapCompany } from '../../model';
import { companyPayload } from '../payloads';
import { quote } from '../planContext';
import { first, idOf, type RestorableEntity } from './entity';

export const companies: RestorableEntity = {
  entity: 'companies',

  plan(ctx, record, pulledIn) {
    return ctx.planSimple(
      'companies',
      record,
      pulledIn,
      () => ctx.live.byNaturalKey('companies', String(record.company_name ?? '').toLowerCase()),
      companyPayload(record as KeapCompany, 'marker:COMPANY'),
      `Company ${quote(record.company_name)}`,
    );
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.companies.create(body, { verify: idOf(() => ctx.find(step)) })).id, sent: true };
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
