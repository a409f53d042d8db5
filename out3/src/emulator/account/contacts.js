"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createContact = createContact;
exports.updateContact = updateContact;
exports.deleteContact = deleteContact;
exports.requireContact = requireContact;
exports.requireContactForWrite = requireContactForWrite;
exports.primaryEmail = primaryEmail;
exports.createCompany = createCompany;
exports.updateCompany = updateCompany;
exports.deleteCompany = deleteCompany;
exports.requireCompany = requireCompany;
const apiError_1 = require("../apiError");
const customFields_1 = require("./customFields");
const patch_1 = require("./patch");
// ---------------------------------------------------------------- contacts
function createContact(account, input, duplicateOption) {
    const emails = input.email_addresses ?? [];
    if (!emails.length && !(input.phone_numbers ?? []).length && !(input.addresses ?? []).length) {
        throw (0, apiError_1.badRequest)('A contact needs at least one email address, phone number or address');
    }
    checkCompany(account, input.company_id);
    if (duplicateOption) {
        const match = findDuplicateContact(account, input, duplicateOption);
        if (match)
            return { record: updateContact(account, match.id, input), created: false };
    }
    const now = account.nowIso();
    const record = {
        id: account.contacts.allocateId(),
        given_name: input.given_name,
        family_name: input.family_name,
        middle_name: input.middle_name,
        email_addresses: emails.map((e, i) => ({
            email: e.email,
            field: e.field ?? `EMAIL${i + 1}`,
            opt_in_reason: e.opt_in_reason,
        })),
        phone_numbers: input.phone_numbers ?? [],
        addresses: input.addresses ?? [],
        company_id: input.company_id,
        job_title: input.job_title,
        custom: (0, customFields_1.checkedCustom)(account, 'CONTACT', input.custom),
        create_time: now,
        update_time: now,
        extra: input.extra ?? {},
    };
    return { record: account.contacts.insert(record), created: true };
}
/** Keap's PATCH replaces each given collection whole ("any item not listed will be removed"). */
function updateContact(account, id, input) {
    const record = requireContact(account, id);
    if (input.company_id !== undefined)
        checkCompany(account, input.company_id);
    for (const key of [
        'given_name',
        'family_name',
        'middle_name',
        'job_title',
        'email_addresses',
        'phone_numbers',
        'addresses',
        'company_id',
    ]) {
        if (input[key] !== undefined)
            record[key] = input[key];
    }
    if (input.custom)
        record.custom = { ...record.custom, ...(0, customFields_1.checkedCustom)(account, 'CONTACT', input.custom) };
    if (input.extra)
        record.extra = { ...record.extra, ...input.extra };
    record.update_time = account.nowIso();
    return record;
}
/** Deleting a contact in Keap takes its orders, payments, subscriptions, notes and tag assignments with it. */
function deleteContact(account, id) {
    requireContact(account, id);
    for (const order of account.ordersOf(id))
        account.removeOrder(order.id);
    for (const sub of account.subscriptionsOf(id))
        account.removeSubscription(sub.id);
    for (const note of [...account.notes.values()])
        if (note.contact_id === id)
            account.notes.delete(note.id);
    account.contactTags.delete(id);
    account.contacts.delete(id);
}
function requireContact(account, id) {
    const record = account.contacts.get(id);
    if (!record)
        throw (0, apiError_1.notFound)('contact', id);
    return record;
}
/** A contact named in a request body: missing is the request's fault (400), not a missing resource (404). */
function requireContactForWrite(account, id) {
    const contact = account.contacts.get(id);
    if (!contact)
        throw (0, apiError_1.badRequest)(`Contact ${id} does not exist`);
    return contact;
}
function primaryEmail(contact) {
    return (contact.email_addresses.find((e) => e.field === 'EMAIL1') ?? contact.email_addresses[0])?.email;
}
function findDuplicateContact(account, input, option) {
    const email = input.email_addresses?.[0]?.email?.toLowerCase();
    if (!email)
        return undefined;
    for (const c of account.contacts.values()) {
        if (!c.email_addresses.some((e) => e.email.toLowerCase() === email))
            continue;
        if (option !== 'Email' && (c.given_name ?? '') !== (input.given_name ?? ''))
            continue;
        if (option !== 'Email' && (c.family_name ?? '') !== (input.family_name ?? ''))
            continue;
        if (option === 'EmailAndNameAndCompany' && c.company_id !== input.company_id)
            continue;
        return c;
    }
    return undefined;
}
function checkCompany(account, companyId) {
    if (companyId !== undefined && !account.companies.has(companyId))
        throw (0, apiError_1.badRequest)(`Company ${companyId} does not exist`);
}
// ---------------------------------------------------------------- companies
function createCompany(account, fields) {
    if (!fields.company_name?.trim())
        throw (0, apiError_1.badRequest)('company_name is required');
    const now = account.nowIso();
    return account.companies.insert({
        ...fields,
        custom: (0, customFields_1.checkedCustom)(account, 'COMPANY', fields.custom),
        id: account.companies.allocateId(),
        create_time: now,
        update_time: now,
    });
}
function updateCompany(account, id, patch) {
    const record = requireCompany(account, id);
    const { custom, extra, ...rest } = patch;
    Object.assign(record, (0, patch_1.stripUndefined)(rest));
    if (custom)
        record.custom = { ...record.custom, ...(0, customFields_1.checkedCustom)(account, 'COMPANY', custom) };
    if (extra)
        record.extra = { ...record.extra, ...extra };
    record.update_time = account.nowIso();
    return record;
}
/** Contacts of a deleted company stay, unlinked. */
function deleteCompany(account, id) {
    requireCompany(account, id);
    account.companies.delete(id);
    for (const c of account.contacts.values())
        if (c.company_id === id)
            c.company_id = undefined;
}
function requireCompany(account, id) {
    const record = account.companies.get(id);
    if (!record)
        throw (0, apiError_1.notFound)('company', id);
    return record;
}
//# sourceMappingURL=contacts.js.map