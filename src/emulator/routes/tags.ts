import { badRequest } from '../apiError';
import { allowOnly, masked, objectBody, optArray, optObject, optString, parseId, reqString, updateMask, type Json } from '../http/body';
import type { Router } from '../http/router';
import type { ListSpec } from '../listing';
import type { TagRecord } from '../records';
import { renderTag } from '../render';
import { fromArray, fromTable, listResponse, noContent, pathId } from './common';

const TAG_FIELDS = ['name', 'description', 'category'];

const tagListSpec: ListSpec<TagRecord> = {
  resource: 'tags',
  filters: {
    name: { type: { kind: 'text', wildcard: true }, get: (t) => t.name },
    category_id: { type: { kind: 'text' }, get: (t) => (t.category_id === undefined ? 'NONE' : String(t.category_id)) },
    tag_ids: { type: { kind: 'list' }, get: (t) => t.id },
    since_create_time: { type: { kind: 'since' }, get: (t) => t.create_time },
    until_create_time: { type: { kind: 'until' }, get: (t) => t.create_time },
    since_update_time: { type: { kind: 'since' }, get: (t) => t.update_time },
    until_update_time: { type: { kind: 'until' }, get: (t) => t.update_time },
  },
  orderBy: { name: (t) => t.name.toLowerCase(), create_time: (t) => t.create_time, update_time: (t) => t.update_time },
};

interface Applied {
  id: number;
  tag: TagRecord;
  applied_time: string;
}
interface TaggedContact {
  id: number;
  email?: string;
  given_name?: string;
  family_name?: string;
  applied_time: string;
}

const appliedTagSpec: ListSpec<Applied> = {
  resource: 'contact tags',
  filters: {
    since_applied_time: { type: { kind: 'since' }, get: (a) => a.applied_time },
    until_applied_time: { type: { kind: 'until' }, get: (a) => a.applied_time },
  },
  orderBy: {
    name: (a) => a.tag.name.toLowerCase(),
    create_time: (a) => a.tag.create_time,
    update_time: (a) => a.tag.update_time,
    applied_time: (a) => a.applied_time,
    category_id: (a) => a.tag.category_id,
  },
};

const taggedContactSpec: ListSpec<TaggedContact> = {
  resource: 'tagged contacts',
  filters: {
    since_applied_time: { type: { kind: 'since' }, get: (c) => c.applied_time },
    until_applied_time: { type: { kind: 'until' }, get: (c) => c.applied_time },
  },
  orderBy: {
    given_name: (c) => c.given_name?.toLowerCase(),
    family_name: (c) => c.family_name?.toLowerCase(),
    email: (c) => c.email?.toLowerCase(),
    applied_time: (c) => c.applied_time,
  },
};

function contactIds(body: Json): number[] {
  allowOnly(body, ['contact_ids']);
  const ids = optArray(body, 'contact_ids');
  if (!ids?.length) throw badRequest('contact_ids is required');
  if (ids.length > 1000) throw badRequest('contact_ids may hold at most 1000 ids');
  return ids.map((id) => parseId(id, 'contact_ids[]'));
}

function categoryId(body: Json): number | undefined {
  const category = optObject(body, 'category');
  return category ? parseId(category.id, 'category.id') : undefined;
}

export function registerTagRoutes(router: Router): void {
  router.add('GET', '/v2/tags', (req) => listResponse(req, 'tags', tagListSpec, fromTable(req.store.tags), renderTag));
  router.add('GET', '/v2/tags/{tag_id}', (req) => ({ status: 200, body: renderTag(req.store.requireTag(pathId(req, 'tag_id'))) }));
  router.add('POST', '/v2/tags', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, TAG_FIELDS);
    const tag = req.store.createTag({
      name: reqString(body, 'name'),
      description: optString(body, 'description'),
      category_id: categoryId(body),
    });
    return { status: 201, body: renderTag(tag) };
  });
  router.add('PATCH', '/v2/tags/{tag_id}', (req) => {
    const body = objectBody(req.body);
    allowOnly(body, TAG_FIELDS);
    const patch = masked(body, updateMask(req.query, body, TAG_FIELDS));
    const tag = req.store.updateTag(pathId(req, 'tag_id'), {
      name: optString(patch, 'name'),
      description: optString(patch, 'description'),
      category_id: categoryId(patch),
    });
    return { status: 200, body: renderTag(tag) };
  });
  router.add('DELETE', '/v2/tags/{tag_id}', (req) => {
    req.store.deleteTag(pathId(req, 'tag_id'));
    return noContent;
  });
  router.add('POST', '/v2/tags/{tag_id}/contacts:applyTags', (req) => ({
    status: 200,
    body: { results: req.store.applyTag(pathId(req, 'tag_id'), contactIds(objectBody(req.body))) },
  }));
  router.add('POST', '/v2/tags/{tag_id}/contacts:removeTags', (req) => {
    req.store.removeTag(pathId(req, 'tag_id'), contactIds(objectBody(req.body)));
    return noContent;
  });
  router.add('GET', '/v2/contacts/{contact_id}/tags', (req) => {
    const contactId = pathId(req, 'contact_id');
    req.store.requireContact(contactId);
    const applied: Applied[] = [...(req.store.contactTags.get(contactId) ?? [])]
      .filter(([tagId]) => req.store.tags.has(tagId))
      .map(([tagId, time]) => ({ id: tagId, tag: req.store.tags.get(tagId)!, applied_time: time }));
    return listResponse(req, 'tags', appliedTagSpec, fromArray(applied), (a) => ({ tag: renderTag(a.tag), applied_time: a.applied_time }));
  });
  router.add('GET', '/v2/tags/{tag_id}/contacts', (req) => {
    const tagId = pathId(req, 'tag_id');
    req.store.requireTag(tagId);
    const tagged: TaggedContact[] = [];
    for (const [contactId, applied] of req.store.contactTags) {
      const time = applied.get(tagId);
      const contact = time && req.store.contacts.get(contactId);
      if (!contact || !time) continue;
      tagged.push({
        id: contactId,
        email: req.store.primaryEmail(contact),
        given_name: contact.given_name,
        family_name: contact.family_name,
        applied_time: time,
      });
    }
    return listResponse(req, 'contacts', taggedContactSpec, fromArray(tagged), (c) => ({ ...c, id: String(c.id) }));
  });
}
