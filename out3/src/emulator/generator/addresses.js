"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.usAddress = usAddress;
exports.intlAddress = intlAddress;
exports.usPhone = usPhone;
const vocabulary_1 = require("./vocabulary");
function usAddress(rng, field) {
    const [locality, region, regionCode, zip] = rng.pick(vocabulary_1.US_CITIES);
    return {
        field,
        line1: `${rng.int(1, 9999)} ${rng.pick(vocabulary_1.US_STREETS)}`,
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
function intlAddress(rng, country, field) {
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
function usPhone(rng, regionCode) {
    const city = vocabulary_1.US_CITIES.find((c) => c[2] === regionCode) ?? rng.pick(vocabulary_1.US_CITIES);
    const line = `555-0${rng.int(100, 199)}`;
    return rng.weighted([
        [`(${city[4]}) ${line}`, 5],
        [`${city[4]}-${line}`, 3],
        [`+1 ${city[4]} ${line.replace('-', ' ')}`, 2],
    ]);
}
//# sourceMappingURL=addresses.js.map