/**
 * Revives plan previews after a window reload: VS Code hands back the panel and the page's saved
 * state, whose plan id finds the plan file in the index.
 */
import { existsSync } from 'node:fs';
import type * as vscode from 'vscode';
import type { RestorePlan } from '../../core/restore/plan';
import type { PlanViewState } from '../../webview/protocol';
import { mergeUiState } from '../../webview/state';
import type { PlanEntry } from '../restore/planIndex';
import { webviewOptions } from './panelWebview';
import type { PlanPanelServices } from './planPanel';

/** Makes the preview in a revived panel (PlanPanel's constructor). */
export type RevivePanel = (
  panel: vscode.WebviewPanel,
  entry: PlanEntry,
  plan: RestorePlan,
  ui: PlanViewState | undefined,
) => { checkStale(): Promise<boolean> };

export function planPanelSerializer(services: PlanPanelServices, revive: RevivePanel): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
      const pageUi = (saved as { ui?: PlanViewState } | undefined)?.ui;
      const entry = typeof pageUi?.planId === 'string' ? services.plans.get(pageUi.planId) : undefined;
      panel.webview.options = webviewOptions(services.extensionUri);
      if (!entry || !existsSync(entry.file)) {
        panel.webview.html =
          '<!DOCTYPE html><html><body><p>This restore plan is no longer available. Open the plan file again with "Keap Vault: Open Restore Plan File…".</p></body></html>';
        return;
      }
      try {
        const plan = await services.plans.read(entry);
        // The page's state is the newest for what the user chose; the host's copy knows how an apply ended.
        const revived = revive(panel, entry, plan, mergeUiState(entry.planId, pageUi, services.plans.savedUi(entry.planId)));
        if (!entry.status.startsWith('applied')) void revived.checkStale();
      } catch (err) {
        panel.webview.html = '<!DOCTYPE html><html><body><p>The restore plan could not be read.</p></body></html>';
        services.log.error(`Reopening plan ${entry.planId}: ${(err as Error).message}`);
      }
    },
  };
}
