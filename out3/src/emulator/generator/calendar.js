"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.YEAR = exports.DAY = exports.HOUR = exports.MIN = void 0;
exports.iso = iso;
exports.isoDate = isoDate;
exports.cyclesBetween = cyclesBetween;
exports.addCycles = addCycles;
exports.MIN = 60;
exports.HOUR = 3600;
exports.DAY = 86400;
exports.YEAR = 365 * exports.DAY;
function iso(sec) {
    return new Date(sec * 1000).toISOString();
}
function isoDate(sec) {
    return iso(sec).slice(0, 10);
}
/** Whole cycles from day `from` up to and including day `to` (days since the epoch, UTC). */
function cyclesBetween(from, to, cycle, frequency) {
    if (to <= from)
        return 0;
    if (cycle === 'DAILY' || cycle === 'WEEKLY')
        return Math.floor((to - from) / ((cycle === 'DAILY' ? 1 : 7) * frequency));
    let n = Math.floor(monthsBetween(from, to) / ((cycle === 'YEARLY' ? 12 : 1) * frequency));
    while (n > 0 && addCycles(from, cycle, frequency, n) > to)
        n--;
    return n;
}
function monthsBetween(from, to) {
    const a = new Date(from * exports.DAY * 1000);
    const b = new Date(to * exports.DAY * 1000);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}
/** Day `start` plus `n` cycles; months clamp to the month's last day (Jan 31 + 1 month = Feb 28/29). */
function addCycles(start, cycle, frequency, n) {
    if (cycle === 'DAILY' || cycle === 'WEEKLY')
        return start + n * (cycle === 'DAILY' ? 1 : 7) * frequency;
    const months = n * frequency * (cycle === 'YEARLY' ? 12 : 1);
    const d = new Date(start * exports.DAY * 1000);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return Math.floor(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / (exports.DAY * 1000));
}
//# sourceMappingURL=calendar.js.map