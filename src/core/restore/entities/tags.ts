/** Tags: found again by name (case-insensitive); the restore's own lease tag is never restored. */
import { filter } from '../../keap/filter';
import type { KeapTag } from '../../model';
import { verbatim } from '../fieldRules';
import { LEASE_TAG_NAME } from '../accountLease';
import { type Payload } from '../payloads';
import { requestBody } from '../fields';
import { quote, type Json, type PlanContext } from '../planContext';
import { first, verifyByFind, type RestorableEntity } from './entity';

function tagPayload(tag: KeapTag): Payload {
  return requestBody('tags', tag as unknown as Json);
}

export const tags: RestorableEntity = {
  entity: 'tags',

  fields: {
    fields: verbatim('name', 'description', 'category'),
    serverAssigned: { id: 'a new tag id', create_time: "the restore's date", update_time: "the restore's date" },
  },

  planAll(ctx: PlanContext): void {
    // A snapshot taken while a restore ran holds its lease tag: that is no data to restore.
    for (const row of ctx.snap.all<{ id: string; json: string }>('SELECT id, json FROM tags ORDER BY rowid')) {
      if ((JSON.parse(row.json) as KeapTag).name !== LEASE_TAG_NAME && ctx.isSelected('tags', row.id)) ctx.resolve('tags', row.id);
    }
  },

  plan(ctx, record, pulledIn) {
    return ctx.planSimple(
      'tags',
      record,
      pulledIn,
      () => ctx.live.byNaturalKeyOf('tags', record),
      tagPayload(record as unknown as KeapTag),
      `Tag ${quote(record.name)}`,
    );
  },

  async create(ctx, step, { body }) {
    return { id: (await ctx.client.tags.create(body, { verify: verifyByFind(() => ctx.find(step)) })).id, sent: true };
  },

  updatable: (client) => client.tags,

  async find(ctx, _step, { body }) {
    return (await first(ctx.client.tags.list({ filter: filter('name', '==', String(body.name)) })))?.id;
  },
};
