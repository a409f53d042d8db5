"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CompanyStage = void 0;
const addresses_1 = require("./addresses");
const calendar_1 = require("./calendar");
const names_1 = require("./names");
const state_1 = require("./state");
const vocabulary_1 = require("./vocabulary");
class CompanyStage extends state_1.GeneratorBase {
    generateCompanies(count, doomed) {
        const rng = this.rng.fork('companies');
        const total = count + doomed;
        const doomedAt = new Set(rng.sample(Array.from({ length: total }, (_, i) => i), doomed));
        const times = this.sortedTimes(rng, total, this.nowSec - 3 * calendar_1.YEAR - 30 * calendar_1.DAY, this.nowSec - 2 * calendar_1.DAY);
        let serial = 0;
        for (let i = 0; i < total; i++) {
            const createSec = times[i];
            const isDoomed = doomedAt.has(i);
            const name = !isDoomed && serial % vocabulary_1.TRICKY_COMPANY_EVERY === 5
                ? vocabulary_1.TRICKY_COMPANY_NAMES[Math.floor(serial / vocabulary_1.TRICKY_COMPANY_EVERY) % vocabulary_1.TRICKY_COMPANY_NAMES.length]
                : this.companyName(rng);
            if (!isDoomed)
                serial++;
            const us = rng.chance(0.85);
            const address = us ? (0, addresses_1.usAddress)(rng, 'OTHER') : (0, addresses_1.intlAddress)(rng, rng.pick(vocabulary_1.COUNTRIES), 'OTHER');
            const slug = (0, names_1.slugOf)(name) || 'company';
            const record = {
                id: this.store.companies.allocateId(),
                company_name: name,
                email_address: rng.chance(0.7)
                    ? { email: `info.${slug.slice(0, 20)}${i + 1}@${rng.pick(vocabulary_1.WORK_DOMAINS)}`, field: 'EMAIL1' }
                    : undefined,
                phone_number: rng.chance(0.8)
                    ? {
                        number: us ? (0, addresses_1.usPhone)(rng, address.region_code) : vocabulary_1.COUNTRY_BY_CODE.get(address.country_code).phone(rng),
                        field: 'PHONE1',
                        type: 'Work',
                    }
                    : undefined,
                address: rng.chance(0.75) ? address : undefined,
                website: rng.chance(0.6) ? `https://www.${slug.slice(0, 24)}.example` : undefined,
                notes: rng.chance(0.15)
                    ? rng.pick(['Net 30 terms', 'Prefers e-mail <not phone>', 'Key account & reseller', 'Billing contact: "Accounts Payable"'])
                    : undefined,
                custom: {},
                create_time: (0, calendar_1.iso)(createSec),
                update_time: (0, calendar_1.iso)(rng.chance(0.5) ? createSec : this.between(rng, createSec, this.nowSec - calendar_1.HOUR)),
                extra: {},
            };
            this.store.companies.insert(record);
            if (isDoomed)
                this.doomedCompanies.push(record);
            else {
                this.linkableCompanies.push(record);
                this.companyTimes.push(createSec);
            }
        }
    }
    companyName(rng) {
        const r = rng.next();
        if (r < 0.2)
            return `${rng.pick(vocabulary_1.ANGLO_FAMILY)} & ${rng.pick(vocabulary_1.ANGLO_FAMILY)}`;
        if (r < 0.3) {
            const locale = rng.pick(vocabulary_1.LOCALES);
            return `${(0, names_1.displayOf)(rng.pick(locale.family))} ${rng.pick(vocabulary_1.COMPANY_TRADE)}`;
        }
        return `${rng.pick(vocabulary_1.COMPANY_PREFIX)} ${rng.pick(vocabulary_1.COMPANY_TRADE)} ${rng.pick(vocabulary_1.COMPANY_SUFFIX)}`.trim();
    }
}
exports.CompanyStage = CompanyStage;
//# sourceMappingURL=companies.js.map