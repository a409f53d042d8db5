"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerTagRoutes = registerTagRoutes;
const apiError_1 = require("../apiError");
const body_1 = require("../http/body");
const render_1 = require("../render");
const common_1 = require("./common");
const TAG_FIELDS = ['name', 'description', 'category'];
const tagListSpec = {
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
const appliedTagSpec = {
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
const taggedContactSpec = {
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
function contactIds(body) {
    (0, body_1.allowOnly)(body, ['contact_ids']);
    const ids = (0, body_1.optArray)(body, 'contact_ids');
    if (!ids?.length)
        throw (0, apiError_1.badRequest)('contact_ids is required');
    if (ids.length > 1000)
        throw (0, apiError_1.badRequest)('contact_ids may hold at most 1000 ids');
    return ids.map((id) => (0, body_1.parseId)(id, 'contact_ids[]'));
}
function categoryId(body) {
    const category = (0, body_1.optObject)(body, 'category');
    return category ? (0, body_1.parseId)(category.id, 'category.id') : undefined;
}
function registerTagRoutes(router) {
    router.add('GET', '/v2/tags', (req) => (0, common_1.listResponse)(req, 'tags', tagListSpec, (0, common_1.fromTable)(req.store.tags), render_1.renderTag));
    router.add('GET', '/v2/tags/{tag_id}', (req) => ({ status: 200, body: (0, render_1.renderTag)(req.store.requireTag((0, common_1.pathId)(req, 'tag_id'))) }));
    router.add('POST', '/v2/tags', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, TAG_FIELDS);
        const tag = req.store.createTag({
            name: (0, body_1.reqString)(body, 'name'),
            description: (0, body_1.optString)(body, 'description'),
            category_id: categoryId(body),
        });
        return { status: 201, body: (0, render_1.renderTag)(tag) };
    });
    router.add('PATCH', '/v2/tags/{tag_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, TAG_FIELDS);
        const patch = (0, body_1.masked)(body, (0, body_1.updateMask)(req.query, body, TAG_FIELDS));
        const tag = req.store.updateTag((0, common_1.pathId)(req, 'tag_id'), {
            name: (0, body_1.optString)(patch, 'name'),
            description: (0, body_1.optString)(patch, 'description'),
            category_id: categoryId(patch),
        });
        return { status: 200, body: (0, render_1.renderTag)(tag) };
    });
    router.add('DELETE', '/v2/tags/{tag_id}', (req) => {
        req.store.deleteTag((0, common_1.pathId)(req, 'tag_id'));
        return common_1.noContent;
    });
    router.add('POST', '/v2/tags/{tag_id}/contacts:applyTags', (req) => ({
        status: 200,
        body: { results: req.store.applyTag((0, common_1.pathId)(req, 'tag_id'), contactIds((0, body_1.objectBody)(req.body))) },
    }));
    router.add('POST', '/v2/tags/{tag_id}/contacts:removeTags', (req) => {
        req.store.removeTag((0, common_1.pathId)(req, 'tag_id'), contactIds((0, body_1.objectBody)(req.body)));
        return common_1.noContent;
    });
    router.add('GET', '/v2/contacts/{contact_id}/tags', (req) => {
        const contactId = (0, common_1.pathId)(req, 'contact_id');
        req.store.requireContact(contactId);
        const applied = [...(req.store.contactTags.get(contactId) ?? [])]
            .filter(([tagId]) => req.store.tags.has(tagId))
            .map(([tagId, time]) => ({ id: tagId, tag: req.store.tags.get(tagId), applied_time: time }));
        return (0, common_1.listResponse)(req, 'tags', appliedTagSpec, (0, common_1.fromArray)(applied), (a) => ({ tag: (0, render_1.renderTag)(a.tag), applied_time: a.applied_time }));
    });
    router.add('GET', '/v2/tags/{tag_id}/contacts', (req) => {
        const tagId = (0, common_1.pathId)(req, 'tag_id');
        req.store.requireTag(tagId);
        const tagged = [];
        for (const [contactId, applied] of req.store.contactTags) {
            const time = applied.get(tagId);
            const contact = time && req.store.contacts.get(contactId);
            if (!contact || !time)
                continue;
            tagged.push({
                id: contactId,
                email: req.store.primaryEmail(contact),
                given_name: contact.given_name,
                family_name: contact.family_name,
                applied_time: time,
            });
        }
        return (0, common_1.listResponse)(req, 'contacts', taggedContactSpec, (0, common_1.fromArray)(tagged), (c) => ({ ...c, id: String(c.id) }));
    });
}
//# sourceMappingURL=tags.js.map