/**
 * The emulator's own control surface under `/__emulator/` (stats, request log, fault and quota
 * settings, hang hooks, disasters, saving the state): clearly not Keap's, and never counted
 * against Keap's quota.
 */
import type http from 'node:http';
import { applyDisaster, type DisasterRequest } from '../disasters';
import type { FaultConfig, FaultInjector } from '../faults';
import { KEAP_PAT_QUOTA, UNLIMITED_QUOTA, type QuotaConfig, type QuotaKeeper } from '../quota';
import type { EmulatorStore } from '../store';
import type { HangHook, HangTrap } from './hangHook';
import type { RequestLog } from './requestLog';
import { send } from './wire';

export interface AdminContext {
  store: EmulatorStore;
  quota: QuotaKeeper;
  faults: FaultInjector;
  hangs: HangTrap;
  log: RequestLog;
  stats(): unknown;
  saveState(): Promise<void>;
}

export async function answerAdmin(ctx: AdminContext, method: string, url: URL, raw: string, res: http.ServerResponse): Promise<void> {
  const body = raw.trim() ? JSON.parse(raw) : {};
  const path = url.pathname.slice('/__emulator'.length);
  try {
    if (method === 'GET' && path === '/stats') return send(res, 200, ctx.stats());
    if (method === 'GET' && path === '/requests') return send(res, 200, { requests: ctx.log.live });
    if (method === 'POST' && path === '/hooks') {
      ctx.hangs.arm(body as HangHook);
      return send(res, 200, { armed: true });
    }
    if (method === 'POST' && path === '/faults') {
      ctx.faults.configure(body as FaultConfig);
      return send(res, 200, ctx.faults.settings);
    }
    if (method === 'POST' && path === '/quota') {
      const preset = (body as { preset?: string }).preset;
      ctx.quota.configure(preset === 'keap' ? KEAP_PAT_QUOTA : preset === 'unlimited' ? UNLIMITED_QUOTA : (body as QuotaConfig));
      return send(res, 200, ctx.quota.settings);
    }
    const disaster = /^\/disasters\/([a-z-]+)$/.exec(path);
    if (method === 'POST' && disaster) {
      return send(res, 200, applyDisaster(ctx.store, { ...(body as object), kind: disaster[1] } as DisasterRequest));
    }
    if (method === 'POST' && path === '/state:save') {
      await ctx.saveState();
      return send(res, 200, { saved: true });
    }
    return send(res, 404, { code: 404, message: `No emulator admin path ${method} ${url.pathname}`, status: 'NOT_FOUND', details: [] });
  } catch (err) {
    return send(res, 400, { code: 400, message: (err as Error).message, status: 'INVALID_ARGUMENT', details: [] });
  }
}
