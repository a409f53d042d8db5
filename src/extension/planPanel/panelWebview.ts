/**
 * The webview side of the panel as VS Code sees it: the options (scripts on, resources only from
 * dist/, the page discarded when hidden), the page with this load's URIs and a fresh nonce (see
 * planPanelHtml for the CSP), and the panel's title.
 */
import * as vscode from 'vscode';
import { counted } from '../../core/counted';
import type { RestorePlan } from '../../core/restore/plan';
import type { PlanViewState } from '../../webview/protocol';
import { receiptHasProblems } from '../../webview/sentences';
import { newNonce, planPanelHtml } from './planPanelHtml';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

/** The page that loads dist/webview.js, for this webview (its cspSource and resource URIs). */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  return planPanelHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString()],
    codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'codicons', 'codicon.css')).toString(),
    title,
  });
}

/** Where the plan stands, for the tab's title. */
export interface TitleState {
  connection: string;
  ui?: PlanViewState;
  applying?: boolean;
  stale?: boolean;
}

/**
 * The tab's title leads with the status, then says where: "Restore plan: 7 to create (Keap (acme))",
 * "Applying restore (…)", "Restored 21 records (…)", "Applied with problems (…)", "Stale restore plan (…)".
 */
export function titleOf(plan: RestorePlan, state: TitleState): string {
  const where = `(${state.connection})`;
  const receipt = state.ui?.receipt;
  if (receipt)
    return receiptHasProblems(receipt) ? `Applied with problems ${where}` : `Restored ${counted(receipt.created, 'record')} ${where}`;
  if (state.applying) return `Applying restore ${where}`;
  if (state.stale) return `Stale restore plan ${where}`;
  const creates = plan.steps.filter((s) => s.action === 'create').length;
  return `Restore plan: ${creates} to create ${where}`;
}
