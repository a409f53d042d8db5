/**
 * Dates and amounts as the person in front of VS Code reads them: in VS Code's display language
 * (`vscode.env.language`) and this machine's time zone. The tree, the Restores view, the record card
 * and the status bar use these; the core and the CLI keep their one fixed format (core/money.ts),
 * which scripts read too. No vscode import, so unit tests pass a locale and a time zone.
 */
import type { CurrencyValue } from '../core/model';
import { formatCents, formatCurrencyValue, formatMajor, MONEY_LOCALE } from '../core/money';

/** A locale Intl accepts: VS Code's language tag, else the core's. */
export function usableLocale(locale: string | undefined): string {
  if (!locale) return MONEY_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? MONEY_LOCALE;
  } catch {
    return MONEY_LOCALE; // not a BCP 47 tag
  }
}

function format(iso: string | undefined, locale: string, options: Intl.DateTimeFormatOptions, timeZone?: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(usableLocale(locale), { ...options, timeZone }).format(at);
}

/** "27 Nov 2026, 14:05" (the order and words of the locale): for a line in a list. */
export function localDateTime(iso: string | undefined, locale: string, timeZone?: string): string {
  return format(iso, locale, { dateStyle: 'medium', timeStyle: 'short' }, timeZone);
}

/** "27 Nov 2026". */
export function localDate(iso: string | undefined, locale: string, timeZone?: string): string {
  return format(iso, locale, { dateStyle: 'medium' }, timeZone);
}

/** "27 November 2026 at 14:05": for a sentence, a tooltip, a screen reader. */
export function spokenDateTime(iso: string | undefined, locale: string, timeZone?: string): string {
  return format(iso, locale, { dateStyle: 'long', timeStyle: 'short' }, timeZone);
}

/** Cents in the locale's money format ("$401.50", "401,50 $"). */
export function localCents(cents: number, currencyCode: string | undefined, locale: string): string {
  return formatCents(cents, currencyCode || 'USD', usableLocale(locale));
}

/** Keap's money object in the locale's format. */
export function localCurrencyValue(value: Partial<CurrencyValue> | undefined, locale: string): string {
  return formatCurrencyValue(value, usableLocale(locale));
}

/** An amount Keap sends in major units (a payment's `amount`). */
export function localMajor(major: number | undefined, currencyCode: string | undefined, locale: string): string {
  return formatMajor(major, currencyCode || 'USD', usableLocale(locale));
}

/** "1.2 MiB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
