/**
 * Money the way the emulated Keap account keeps it: every amount is stored as integer cents of the
 * account's one currency (US dollars), and crosses the wire in the two shapes Keap uses: a
 * `CurrencyValue` (cents plus a display string) in most v2 answers, and a plain double in dollars
 * for order-item prices, payment amounts and billing amounts (in requests and some answers).
 *
 * The emulator owns this arithmetic rather than borrowing Keap Vault's: it plays Keap's side, and a
 * mistake shared by both sides would go unnoticed by every test.
 */
import type { CurrencyValue } from '../core/model';

/** The emulated account bills in one currency; Keap accounts are single-currency too. */
export const ACCOUNT_CURRENCY = 'USD';

/** A dollar amount sent as a JSON number (`"payment_amount": 12.5`) as the cents the account stores. */
export function centsOfDollars(dollars: number): number {
  // Round, not truncate: 0.07 * 100 is 7.000000000000001 and 0.29 * 100 is 28.999999999999996.
  return Math.round(dollars * 100);
}

/** Stored cents as the dollar double Keap answers with where it sends no CurrencyValue. */
export function dollarsOfCents(cents: number): number {
  return cents / 100;
}

/** Stored cents as Keap's CurrencyValue, with the display string Keap's UI would show ("-$1,234.50"). */
export function currencyValue(cents: number): CurrencyValue {
  return { amount: cents, currency_code: ACCOUNT_CURRENCY, formatted_amount: displayDollars(cents) };
}

/** Integer arithmetic only, so the display never shows a float's rounding error. */
function displayDollars(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const pennies = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}$${dollars}.${pennies}`;
}
