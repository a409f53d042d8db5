"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createTag = createTag;
exports.updateTag = updateTag;
exports.deleteTag = deleteTag;
exports.requireTag = requireTag;
exports.applyTag = applyTag;
exports.removeTag = removeTag;
exports.tagIdsOf = tagIdsOf;
/** Tags and their assignment to contacts: names unique regardless of case, bulk results inside a 200. */
const apiError_1 = require("../apiError");
const patch_1 = require("./patch");
function createTag(account, fields) {
    if (!fields.name?.trim())
        throw (0, apiError_1.badRequest)('name is required');
    checkTagNameFree(account, fields.name);
    const now = account.nowIso();
    return account.tags.insert({
        ...fields,
        name: fields.name.slice(0, 255),
        id: account.tags.allocateId(),
        create_time: now,
        update_time: now,
    });
}
function updateTag(account, id, patch) {
    const tag = requireTag(account, id);
    if (patch.name !== undefined && patch.name !== tag.name)
        checkTagNameFree(account, patch.name);
    Object.assign(tag, (0, patch_1.stripUndefined)(patch));
    tag.update_time = account.nowIso();
    return tag;
}
function deleteTag(account, id) {
    requireTag(account, id);
    account.tags.delete(id);
    for (const applied of account.contactTags.values())
        applied.delete(id);
}
function requireTag(account, id) {
    const record = account.tags.get(id);
    if (!record)
        throw (0, apiError_1.notFound)('tag', id);
    return record;
}
/** Like Keap: one result per contact, failures reported inside a 200. */
function applyTag(account, tagId, contactIds) {
    requireTag(account, tagId);
    const results = {};
    const now = account.nowIso();
    for (const contactId of contactIds) {
        if (!account.contacts.has(contactId)) {
            results[String(contactId)] = 'CONTACT_NOT_FOUND';
            continue;
        }
        let applied = account.contactTags.get(contactId);
        if (!applied)
            account.contactTags.set(contactId, (applied = new Map()));
        if (applied.has(tagId))
            results[String(contactId)] = 'DUPLICATE';
        else {
            applied.set(tagId, now);
            results[String(contactId)] = 'SUCCESS';
        }
    }
    return results;
}
function removeTag(account, tagId, contactIds) {
    requireTag(account, tagId);
    for (const contactId of contactIds)
        account.contactTags.get(contactId)?.delete(tagId);
}
function tagIdsOf(account, contactId) {
    return [...(account.contactTags.get(contactId)?.keys() ?? [])].sort((a, b) => a - b);
}
function checkTagNameFree(account, name) {
    const lower = name.toLowerCase();
    for (const t of account.tags.values()) {
        if (t.name.toLowerCase() === lower)
            throw new apiError_1.EmulatorApiError(409, `A tag named '${name}' already exists (id ${t.id})`);
    }
}
//# sourceMappingURL=tags.js.map