/** Contacts (names, e-mail addresses, postal addresses, phones, company links) and the tags applied to them. */
import type { Address, EmailAddress, PhoneNumber } from '../../core/model';
import type { ContactRecord } from '../records';
import type { SeededRandom } from '../random';
import { intlAddress, usAddress, usPhone } from './addresses';
import { DAY, MIN, YEAR, iso } from './calendar';
import { displayOf, slugOf } from './names';
import { upperBound } from './numbers';
import type { ContactMeta } from './state';
import { TagAndCampaignStage } from './tagsAndCampaigns';
import {
  ANGLO_FAMILY,
  ANGLO_GIVEN,
  COUNTRIES,
  COUNTRY_BY_CODE,
  EMAIL_DOMAINS,
  JOB_TITLES,
  LOCALES,
  TAG_COUNT_WEIGHTS,
  TRICKY_CONTACT_EVERY,
  TRICKY_CONTACT_NAMES,
  WORK_DOMAINS,
} from './vocabulary';

export abstract class ContactStage extends TagAndCampaignStage {
  protected generateContacts(count: number): void {
    const rng = this.rng.fork('contacts');
    const times = this.sortedTimes(rng, count, this.nowSec - 3 * YEAR, this.nowSec - 2 * DAY);
    for (let i = 0; i < count; i++) {
      // A few ids are skipped, as contacts deleted over the years leave gaps.
      if (rng.chance(0.01)) this.store.contacts.allocateId();
      this.addContact(rng, times[i]);
    }
  }

  protected addContact(rng: SeededRandom, createSec: number): ContactMeta {
    const serial = this.contactSerial++;
    let given: string;
    let family: string;
    let givenSlug: string;
    let familySlug: string;
    let localeCountry: string | undefined;
    if (serial % TRICKY_CONTACT_EVERY === this.trickyOffset) {
      const tricky = TRICKY_CONTACT_NAMES[Math.floor(serial / TRICKY_CONTACT_EVERY) % TRICKY_CONTACT_NAMES.length];
      given = tricky.given_name;
      family = tricky.family_name;
      givenSlug = slugOf(given);
      familySlug = slugOf(family);
    } else if (rng.chance(0.22)) {
      const locale = rng.pick(LOCALES);
      const g = rng.pick(locale.given);
      const f = rng.pick(locale.family);
      given = displayOf(g);
      family = displayOf(f);
      givenSlug = slugOf(g);
      familySlug = slugOf(f);
      localeCountry = locale.country;
    } else {
      given = rng.pick(ANGLO_GIVEN);
      family = rng.pick(ANGLO_FAMILY);
      givenSlug = given.toLowerCase();
      familySlug = family.toLowerCase();
    }
    givenSlug ||= 'contact';
    familySlug ||= 'name';
    const n = serial + 1;

    const phoneOnly = rng.chance(0.02);
    const emails: EmailAddress[] = [];
    if (!phoneOnly) {
      // Slugs hold letters only, so the trailing counter keeps every address unique.
      const local = rng.weighted<string>([
        [`${givenSlug}.${familySlug}${n}`, 5],
        [`${givenSlug[0]}${familySlug}${n}`, 3],
        [`${givenSlug}_${familySlug}${n}`, 1],
        [`${familySlug}.${givenSlug}${n}`, 1],
      ]);
      emails.push({
        email: `${local}@${rng.pick(EMAIL_DOMAINS)}`,
        field: 'EMAIL1',
        opt_in_reason: rng.chance(0.4) ? 'Customer opted in through a web form' : undefined,
      });
      if (rng.chance(0.1)) emails.push({ email: `${givenSlug}.${familySlug}${n}@${rng.pick(WORK_DOMAINS)}`, field: 'EMAIL2' });
    }

    const us = localeCountry && COUNTRY_BY_CODE.has(localeCountry) && rng.chance(0.6) ? false : rng.chance(0.88);
    const country = us ? undefined : (COUNTRY_BY_CODE.get(localeCountry ?? '') ?? rng.pick(COUNTRIES));
    const addresses: Address[] = [];
    if (phoneOnly ? rng.chance(0.2) : rng.chance(0.6)) {
      addresses.push(country ? intlAddress(rng, country, 'BILLING') : usAddress(rng, 'BILLING'));
      if (rng.chance(0.12)) addresses.push(country ? intlAddress(rng, country, 'SHIPPING') : usAddress(rng, 'SHIPPING'));
    }
    const phones: PhoneNumber[] = [];
    if (phoneOnly || rng.chance(0.7)) {
      const number = country ? country.phone(rng) : usPhone(rng, addresses[0]?.region_code);
      phones.push({ number, type: rng.pick(['Mobile', 'Mobile', 'Home', 'Work']), field: 'PHONE1' });
      if (rng.chance(0.1))
        phones.push({
          number: country ? country.phone(rng) : usPhone(rng, undefined),
          type: 'Work',
          extension: rng.chance(0.5) ? String(rng.int(100, 999)) : undefined,
          field: 'PHONE2',
        });
    }

    let companyId: number | undefined;
    if (rng.chance(1 / 3)) {
      // Link to a company that existed when the contact was created.
      const upTo = upperBound(this.companyTimes, createSec);
      if (upTo > 0) companyId = this.linkableCompanies[rng.int(0, upTo - 1)].id;
    }
    const record: ContactRecord = {
      id: this.store.contacts.allocateId(),
      given_name: given,
      family_name: family,
      middle_name: rng.chance(0.08) ? `${rng.pick(ANGLO_GIVEN)[0]}.` : undefined,
      email_addresses: emails,
      phone_numbers: phones,
      addresses,
      company_id: companyId,
      job_title: companyId !== undefined && rng.chance(0.5) ? rng.pick(JOB_TITLES) : undefined,
      custom: {},
      create_time: iso(createSec),
      update_time: iso(rng.chance(0.5) ? createSec : this.between(rng, createSec, this.nowSec - MIN)),
      extra: {},
    };
    this.store.contacts.insert(record);
    const meta: ContactMeta = { record, createSec, orders: [], subs: [] };
    this.contacts.push(meta);
    return meta;
  }

  protected generateContactTags(): void {
    const rng = this.rng.fork('contact-tags');
    const tags = this.usableTags;
    if (!tags.length) return;
    for (const meta of this.contacts) {
      const k = Math.min(tags.length, rng.weighted(TAG_COUNT_WEIGHTS));
      if (!k) continue;
      const chosen = new Set<number>();
      while (chosen.size < k) {
        // Skewed towards the front of the (shuffled) tag list: some tags are far more common.
        chosen.add(tags[Math.floor(tags.length * Math.pow(rng.next(), 1.7))].id);
      }
      const applied = new Map<number, string>();
      for (const tagId of [...chosen].sort((a, b) => a - b)) {
        applied.set(tagId, iso(this.between(rng, meta.createSec + 1, this.nowSec - MIN)));
      }
      this.store.contactTags.set(meta.record.id, applied);
    }
  }
}
