/** Time units (seconds) and the calendar arithmetic behind subscription billing dates. */
import type { CycleType } from '../records';

export const MIN = 60;
export const HOUR = 3600;
export const DAY = 86400;
export const YEAR = 365 * DAY;

export function iso(sec: number): string {
  return new Date(sec * 1000).toISOString();
}

export function isoDate(sec: number): string {
  return iso(sec).slice(0, 10);
}

/** Whole cycles from day `from` up to and including day `to` (days since the epoch, UTC). */
export function cyclesBetween(from: number, to: number, cycle: CycleType, frequency: number): number {
  if (to <= from) return 0;
  if (cycle === 'DAILY' || cycle === 'WEEKLY') return Math.floor((to - from) / ((cycle === 'DAILY' ? 1 : 7) * frequency));
  let n = Math.floor(monthsBetween(from, to) / ((cycle === 'YEARLY' ? 12 : 1) * frequency));
  while (n > 0 && addCycles(from, cycle, frequency, n) > to) n--;
  return n;
}

function monthsBetween(from: number, to: number): number {
  const a = new Date(from * DAY * 1000);
  const b = new Date(to * DAY * 1000);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

/** Day `start` plus `n` cycles; months clamp to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addCycles(start: number, cycle: CycleType, frequency: number, n: number): number {
  if (cycle === 'DAILY' || cycle === 'WEEKLY') return start + n * (cycle === 'DAILY' ? 1 : 7) * frequency;
  const months = n * frequency * (cycle === 'YEARLY' ? 12 : 1);
  const d = new Date(start * DAY * 1000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / (DAY * 1000));
}
