"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ContactStage = void 0;
const addresses_1 = require("./addresses");
const calendar_1 = require("./calendar");
const names_1 = require("./names");
const numbers_1 = require("./numbers");
const tagsAndCampaigns_1 = require("./tagsAndCampaigns");
const vocabulary_1 = require("./vocabulary");
class ContactStage extends tagsAndCampaigns_1.TagAndCampaignStage {
    generateContacts(count) {
        const rng = this.rng.fork('contacts');
        const times = this.sortedTimes(rng, count, this.nowSec - 3 * calendar_1.YEAR, this.nowSec - 2 * calendar_1.DAY);
        for (let i = 0; i < count; i++) {
            // A few ids are skipped, as contacts deleted over the years leave gaps.
            if (rng.chance(0.01))
                this.store.contacts.allocateId();
            this.addContact(rng, times[i]);
        }
    }
    addContact(rng, createSec) {
        const serial = this.contactSerial++;
        let given;
        let family;
        let givenSlug;
        let familySlug;
        let localeCountry;
        if (serial % vocabulary_1.TRICKY_CONTACT_EVERY === this.trickyOffset) {
            const tricky = vocabulary_1.TRICKY_CONTACT_NAMES[Math.floor(serial / vocabulary_1.TRICKY_CONTACT_EVERY) % vocabulary_1.TRICKY_CONTACT_NAMES.length];
            given = tricky.given_name;
            family = tricky.family_name;
            givenSlug = (0, names_1.slugOf)(given);
            familySlug = (0, names_1.slugOf)(family);
        }
        else if (rng.chance(0.22)) {
            const locale = rng.pick(vocabulary_1.LOCALES);
            const g = rng.pick(locale.given);
            const f = rng.pick(locale.family);
            given = (0, names_1.displayOf)(g);
            family = (0, names_1.displayOf)(f);
            givenSlug = (0, names_1.slugOf)(g);
            familySlug = (0, names_1.slugOf)(f);
            localeCountry = locale.country;
        }
        else {
            given = rng.pick(vocabulary_1.ANGLO_GIVEN);
            family = rng.pick(vocabulary_1.ANGLO_FAMILY);
            givenSlug = given.toLowerCase();
            familySlug = family.toLowerCase();
        }
        givenSlug ||= 'contact';
        familySlug ||= 'name';
        const n = serial + 1;
        const phoneOnly = rng.chance(0.02);
        const emails = [];
        if (!phoneOnly) {
            // Slugs hold letters only, so the trailing counter keeps every address unique.
            const local = rng.weighted([
                [`${givenSlug}.${familySlug}${n}`, 5],
                [`${givenSlug[0]}${familySlug}${n}`, 3],
                [`${givenSlug}_${familySlug}${n}`, 1],
                [`${familySlug}.${givenSlug}${n}`, 1],
            ]);
            emails.push({
                email: `${local}@${rng.pick(vocabulary_1.EMAIL_DOMAINS)}`,
                field: 'EMAIL1',
                opt_in_reason: rng.chance(0.4) ? 'Customer opted in through a web form' : undefined,
            });
            if (rng.chance(0.1))
                emails.push({ email: `${givenSlug}.${familySlug}${n}@${rng.pick(vocabulary_1.WORK_DOMAINS)}`, field: 'EMAIL2' });
        }
        const us = localeCountry && vocabulary_1.COUNTRY_BY_CODE.has(localeCountry) && rng.chance(0.6) ? false : rng.chance(0.88);
        const country = us ? undefined : (vocabulary_1.COUNTRY_BY_CODE.get(localeCountry ?? '') ?? rng.pick(vocabulary_1.COUNTRIES));
        const addresses = [];
        if (phoneOnly ? rng.chance(0.2) : rng.chance(0.6)) {
            addresses.push(country ? (0, addresses_1.intlAddress)(rng, country, 'BILLING') : (0, addresses_1.usAddress)(rng, 'BILLING'));
            if (rng.chance(0.12))
                addresses.push(country ? (0, addresses_1.intlAddress)(rng, country, 'SHIPPING') : (0, addresses_1.usAddress)(rng, 'SHIPPING'));
        }
        const phones = [];
        if (phoneOnly || rng.chance(0.7)) {
            const number = country ? country.phone(rng) : (0, addresses_1.usPhone)(rng, addresses[0]?.region_code);
            phones.push({ number, type: rng.pick(['Mobile', 'Mobile', 'Home', 'Work']), field: 'PHONE1' });
            if (rng.chance(0.1))
                phones.push({
                    number: country ? country.phone(rng) : (0, addresses_1.usPhone)(rng, undefined),
                    type: 'Work',
                    extension: rng.chance(0.5) ? String(rng.int(100, 999)) : undefined,
                    field: 'PHONE2',
                });
        }
        let companyId;
        if (rng.chance(1 / 3)) {
            // Link to a company that existed when the contact was created.
            const upTo = (0, numbers_1.upperBound)(this.companyTimes, createSec);
            if (upTo > 0)
                companyId = this.linkableCompanies[rng.int(0, upTo - 1)].id;
        }
        const record = {
            id: this.store.contacts.allocateId(),
            given_name: given,
            family_name: family,
            middle_name: rng.chance(0.08) ? `${rng.pick(vocabulary_1.ANGLO_GIVEN)[0]}.` : undefined,
            email_addresses: emails,
            phone_numbers: phones,
            addresses,
            company_id: companyId,
            job_title: companyId !== undefined && rng.chance(0.5) ? rng.pick(vocabulary_1.JOB_TITLES) : undefined,
            custom: {},
            create_time: (0, calendar_1.iso)(createSec),
            update_time: (0, calendar_1.iso)(rng.chance(0.5) ? createSec : this.between(rng, createSec, this.nowSec - calendar_1.MIN)),
            extra: {},
        };
        this.store.contacts.insert(record);
        const meta = { record, createSec, orders: [], subs: [] };
        this.contacts.push(meta);
        return meta;
    }
    generateContactTags() {
        const rng = this.rng.fork('contact-tags');
        const tags = this.usableTags;
        if (!tags.length)
            return;
        for (const meta of this.contacts) {
            const k = Math.min(tags.length, rng.weighted(vocabulary_1.TAG_COUNT_WEIGHTS));
            if (!k)
                continue;
            const chosen = new Set();
            while (chosen.size < k) {
                // Skewed towards the front of the (shuffled) tag list: some tags are far more common.
                chosen.add(tags[Math.floor(tags.length * Math.pow(rng.next(), 1.7))].id);
            }
            const applied = new Map();
            for (const tagId of [...chosen].sort((a, b) => a - b)) {
                applied.set(tagId, (0, calendar_1.iso)(this.between(rng, meta.createSec + 1, this.nowSec - calendar_1.MIN)));
            }
            this.store.contactTags.set(meta.record.id, applied);
        }
    }
}
exports.ContactStage = ContactStage;
//# sourceMappingURL=contacts.js.map