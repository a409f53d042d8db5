/** What the host tests share: the extension's API, the demo emulator's admin endpoints, waiting. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KeapVaultApi } from '../../../src/extension/extension';

// Compiled to out/test/vscode/suite/, four levels below the repo root.
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
  publisher: string;
  name: string;
};
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
/** The emulator's fixed demo credential (not a secret: the demo account is generated). */
export const DEMO_TOKEN = 'keap-vault-demo-token';

export async function extensionApi(): Promise<KeapVaultApi> {
  const extension = vscode.extensions.getExtension<KeapVaultApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Starts (or finds) the demo and returns its API base URL. */
export async function demoBaseUrl(): Promise<string> {
  const baseUrl = await vscode.commands.executeCommand<string | undefined>('keapVault.tryDemo');
  assert.ok(baseUrl, 'keapVault.tryDemo failed: see the Keap Vault output channel');
  return baseUrl;
}

/** The emulator's own admin endpoints (not Keap's API): counts and disasters. */
export async function emulatorAdmin<T>(baseUrl: string, method: 'GET' | 'POST', adminPath: string, body?: object): Promise<T> {
  const origin = new URL(baseUrl).origin;
  const res = await fetch(`${origin}/__emulator${adminPath}`, {
    method,
    body: body && JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'X-Keap-API-Key': DEMO_TOKEN },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as T;
}

export async function emulatorCounts(baseUrl: string): Promise<Record<string, number>> {
  return (await emulatorAdmin<{ counts: Record<string, number> }>(baseUrl, 'GET', '/stats')).counts;
}

/**
 * Polls until `probe` gives a value. Generous by default: in code-server a webview's first load can
 * stall for about 30 s on its service worker (seen now and then when panels open and close quickly).
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Asks the launcher to photograph the workbench now, after `click=SELECTOR` / `scroll=SELECTOR` in the
 * active webview (README images; only when
 * VSCODE_TEST_SCREENSHOT_DIR is set, which the launcher passes down to this extension host).
 */
export async function screenshot(name: string, ...webviewActions: string[]): Promise<void> {
  if (!process.env.VSCODE_TEST_SCREENSHOT_DIR) return;
  // A clean picture: no toasts, no bottom panel.
  await vscode.commands.executeCommand('notifications.clearAll');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await new Promise((r) => setTimeout(r, 1500)); // let the workbench paint
  console.log(['[screenshot]', name, ...webviewActions].join(' '));
  await new Promise((r) => setTimeout(r, 2500));
}

/** Every file below a folder whose name matches. */
export function findFiles(dir: string, match: RegExp): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findFiles(full, match));
    else if (match.test(entry.name)) out.push(full);
  }
  return out;
}
