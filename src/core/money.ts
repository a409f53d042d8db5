import type { CurrencyValue } from './model';

/**
 * Keap sends money two ways: `CurrencyValue` (integer minor units) in most v2 responses and plain
 * doubles in major units for order-item prices, payment amounts and billing amounts in requests.
 * Everything inside Keap Vault works in integer cents so that sums are exact.
 */
export function toCents(major: number): number {
  return Math.round(major * 100);
}

export function toMajor(cents: number): number {
  return cents / 100;
}

export function formatCents(cents: number, currencyCode = 'USD'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const frac = String(abs % 100).padStart(2, '0');
  const symbol = currencyCode === 'USD' ? '$' : `${currencyCode} `;
  return `${sign}${symbol}${whole}.${frac}`;
}

export function currencyValue(cents: number, currencyCode = 'USD'): CurrencyValue {
  return { amount: cents, currency_code: currencyCode, formatted_amount: formatCents(cents, currencyCode) };
}

/** Cents of a CurrencyValue, tolerating the missing values Keap sends for empty money fields. */
export function centsOf(value: CurrencyValue | undefined): number {
  return value?.amount ?? 0;
}
