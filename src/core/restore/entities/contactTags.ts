/**
 * Tag assignments (contact_tags): one step per tag, applying it to every contact that lost it
 * (the step's id is the tag's). Nothing to find again: live says which contacts carry the tag.
 */
import { KeapNotFoundError } from '../../keap/errors';
import { counted } from '../../counted';
import type { PlanContext, Resolution } from '../planContext';
import type { RestorableEntity } from './entity';

const SIDE_EFFECT = 'Applying a tag can start the campaign sequences that listen for it.';

export const contactTags: RestorableEntity = {
  entity: 'contact_tags',

  planAll(ctx: PlanContext): void {
    // One pass over the assignments, by tag in the order tags first appear, each tag's contacts in
    // stored order: a query per tag costs more than the pass.
    const byTag = new Map<string, string[]>();
    for (const [contactId, tagId] of ctx.snap.tuples('SELECT contact_id, tag_id FROM contact_tags ORDER BY rowid')) {
      const tag = String(tagId);
      let contacts = byTag.get(tag);
      if (!contacts) byTag.set(tag, (contacts = []));
      contacts.push(String(contactId));
    }
    for (const [tagId, contacts] of byTag) if (ctx.isSelected('contact_tags', tagId)) planTagAssignments(ctx, tagId, contacts);
  },

  selectableIds(snap) {
    return snap.all<{ tag_id: string }>('SELECT DISTINCT tag_id FROM contact_tags').map((t) => t.tag_id);
  },

  async create(ctx, _step, { body, params }) {
    // Keap answers 200 even when some contacts were not tagged: each contact's result counts.
    const results = await ctx.client.tags.apply(params.tag_id, body.contact_ids as string[]);
    const missing = Object.entries(results)
      .filter(([, r]) => r === 'CONTACT_NOT_FOUND')
      .map(([id]) => id);
    if (missing.length)
      throw new KeapNotFoundError(
        `Keap could not tag ${missing.length === 1 ? 'contact' : 'contacts'} ${missing.join(', ')} with tag ${params.tag_id}: not found`,
      );
    return { id: params.tag_id, sent: Object.values(results).some((r) => r === 'SUCCESS') };
  },

  async find(ctx, _step, { body, params }) {
    // Applying again would be harmless, but live can say whether it is needed at all.
    const wanted = new Set(body.contact_ids as string[]);
    for await (const tagged of ctx.client.tags.contacts(params.tag_id)) wanted.delete(tagged.id);
    return wanted.size === 0 ? params.tag_id : undefined;
  },

  nothingSent: 'Every contact already carried the tag',
};

function planTagAssignments(ctx: PlanContext, tagOldId: string, tagged: string[]): void {
  const contacts = tagged.filter(
    (c) =>
      !ctx.selected ||
      (ctx.selected.has(`contact_tags:${tagOldId}`) && (ctx.selected.has(`contacts:${c}`) || !ctx.options.records?.length)),
  );
  const tag = ctx.resolve('tags', tagOldId, true);
  const label = `Tag ${tagOldId} on ${counted(contacts.length, 'contact')}`;
  if (tag.state === 'missing') {
    ctx.addStep({
      entity: 'contact_tags',
      oldId: tagOldId,
      action: 'blocked',
      reason: 'parent-missing',
      label,
      detail: `${label}: the tag is in neither the snapshot nor the account`,
    });
    return;
  }
  const missing: string[] = [];
  const deps: Resolution[] = [tag];
  for (const contactOldId of contacts) {
    const contact = ctx.resolve('contacts', contactOldId, true);
    if (contact.state === 'missing') continue;
    if (contact.state === 'live' && tag.state === 'live' && ctx.live.contactHasTag(contact.liveId, tag.liveId)) continue;
    if (ctx.isBlockedStep(contact)) continue;
    missing.push(contactOldId);
    deps.push(contact);
  }
  if (ctx.isBlockedStep(tag)) {
    ctx.addStep({
      entity: 'contact_tags',
      oldId: tagOldId,
      action: 'blocked',
      reason: 'parent-blocked',
      label,
      detail: `${label}: the tag cannot be restored`,
    });
    return;
  }
  if (!missing.length) {
    ctx.addStep({
      entity: 'contact_tags',
      oldId: tagOldId,
      action: 'skip',
      reason: 'identical',
      label,
      detail: `${label}: every contact already carries it`,
    });
    return;
  }
  ctx.addStep({
    entity: 'contact_tags',
    oldId: tagOldId,
    action: 'create',
    reason: 'missing-in-live',
    label: `Tag ${tagOldId} on ${counted(missing.length, 'contact')}`,
    detail: `Apply tag ${tagOldId} to ${counted(missing.length, 'contact')} that lost it (one request per 1,000 contacts)`,
    payload: { contact_ids: missing },
    refs: [
      { path: '@tag_id', entity: 'tags', oldId: tagOldId },
      ...missing.map((id, i) => ({ path: `contact_ids[${i}]`, entity: 'contacts' as const, oldId: id })),
    ],
    dependsOn: ctx.stepDeps(deps),
    sideEffects: [SIDE_EFFECT],
  });
}
