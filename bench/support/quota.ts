/** The emulator's quota settings as the rate windows the core's quota-bound minimum takes. */
import type { RateWindow } from '../../src/core/keap/throttle';
import type { QuotaConfig } from '../../src/emulator';

export function windowsOf(quota: QuotaConfig): RateWindow[] {
  const windows: RateWindow[] = [];
  if (quota.perSecond) windows.push({ limit: quota.perSecond, windowMs: 1000 });
  if (quota.perMinute) windows.push({ limit: quota.perMinute, windowMs: 60_000 });
  if (quota.perDay) windows.push({ limit: quota.perDay, windowMs: quota.dayMs ?? 86_400_000 });
  return windows;
}
