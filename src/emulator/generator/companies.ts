/** Companies: created over the last three years; some are doomed for the dangling-company plant. */
import type { CompanyRecord } from '../records';
import type { SeededRandom } from '../random';
import { intlAddress, usAddress, usPhone } from './addresses';
import { DAY, HOUR, YEAR, iso } from './calendar';
import { displayOf, slugOf } from './names';
import { GeneratorBase } from './state';
import {
  ANGLO_FAMILY,
  COMPANY_PREFIX,
  COMPANY_SUFFIX,
  COMPANY_TRADE,
  COUNTRIES,
  COUNTRY_BY_CODE,
  LOCALES,
  TRICKY_COMPANY_EVERY,
  TRICKY_COMPANY_NAMES,
  WORK_DOMAINS,
} from './vocabulary';

export abstract class CompanyStage extends GeneratorBase {
  protected generateCompanies(count: number, doomed: number): void {
    const rng = this.rng.fork('companies');
    const total = count + doomed;
    const doomedAt = new Set(
      rng.sample(
        Array.from({ length: total }, (_, i) => i),
        doomed,
      ),
    );
    const times = this.sortedTimes(rng, total, this.nowSec - 3 * YEAR - 30 * DAY, this.nowSec - 2 * DAY);
    let serial = 0;
    for (let i = 0; i < total; i++) {
      const createSec = times[i];
      const isDoomed = doomedAt.has(i);
      const name =
        !isDoomed && serial % TRICKY_COMPANY_EVERY === 5
          ? TRICKY_COMPANY_NAMES[Math.floor(serial / TRICKY_COMPANY_EVERY) % TRICKY_COMPANY_NAMES.length]
          : this.companyName(rng);
      if (!isDoomed) serial++;
      const us = rng.chance(0.85);
      const address = us ? usAddress(rng, 'OTHER') : intlAddress(rng, rng.pick(COUNTRIES), 'OTHER');
      const slug = slugOf(name) || 'company';
      const record: CompanyRecord = {
        id: this.store.companies.allocateId(),
        company_name: name,
        email_address: rng.chance(0.7)
          ? { email: `info.${slug.slice(0, 20)}${i + 1}@${rng.pick(WORK_DOMAINS)}`, field: 'EMAIL1' }
          : undefined,
        phone_number: rng.chance(0.8)
          ? {
              number: us ? usPhone(rng, address.region_code) : COUNTRY_BY_CODE.get(address.country_code!)!.phone(rng),
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
        create_time: iso(createSec),
        update_time: iso(rng.chance(0.5) ? createSec : this.between(rng, createSec, this.nowSec - HOUR)),
        extra: {},
      };
      this.store.companies.insert(record);
      if (isDoomed) this.doomedCompanies.push(record);
      else {
        this.linkableCompanies.push(record);
        this.companyTimes.push(createSec);
      }
    }
  }

  protected companyName(rng: SeededRandom): string {
    const r = rng.next();
    if (r < 0.2) return `${rng.pick(ANGLO_FAMILY)} & ${rng.pick(ANGLO_FAMILY)}`;
    if (r < 0.3) {
      const locale = rng.pick(LOCALES);
      return `${displayOf(rng.pick(locale.family))} ${rng.pick(COMPANY_TRADE)}`;
    }
    return `${rng.pick(COMPANY_PREFIX)} ${rng.pick(COMPANY_TRADE)} ${rng.pick(COMPANY_SUFFIX)}`.trim();
  }
}
