/** Postal addresses and phone numbers, US and international. */
import type { Address } from '../../core/model';
import type { SeededRandom } from '../random';
import { US_CITIES, US_STREETS, type Country } from './vocabulary';

export function usAddress(rng: SeededRandom, field: Address['field']): Address {
  const [locality, region, regionCode, zip] = rng.pick(US_CITIES);
  return {
    field,
    line1: `${rng.int(1, 9999)} ${rng.pick(US_STREETS)}`,
    line2: rng.chance(0.15)
      ? rng.pick([`Apt ${rng.int(1, 30)}${rng.pick(['A', 'B', 'C'])}`, `Suite ${rng.int(100, 900)}`, `Unit #${rng.int(1, 99)}`])
      : undefined,
    locality,
    region,
    region_code: regionCode,
    country_code: 'USA',
    zip_code: zip,
    zip_four: rng.chance(0.3) ? String(rng.int(1000, 9999)) : undefined,
  };
}

export function intlAddress(rng: SeededRandom, country: Country, field: Address['field']): Address {
  const [locality, region, regionCode, postal] = rng.pick(country.cities);
  const street = rng.pick(country.streets);
  return {
    field,
    line1: country.code === 'JPN' || country.code === 'CHN' ? street : `${street} ${rng.int(1, 250)}`,
    locality,
    region,
    region_code: regionCode,
    country_code: country.code,
    postal_code: postal,
  };
}

export function usPhone(rng: SeededRandom, regionCode: string | undefined): string {
  const city = US_CITIES.find((c) => c[2] === regionCode) ?? rng.pick(US_CITIES);
  const line = `555-0${rng.int(100, 199)}`;
  return rng.weighted<string>([
    [`(${city[4]}) ${line}`, 5],
    [`${city[4]}-${line}`, 3],
    [`+1 ${city[4]} ${line.replace('-', ' ')}`, 2],
  ]);
}
