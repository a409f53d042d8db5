/**
 * The record card's page: the same Content-Security-Policy as the plan preview (nothing by default,
 * scripts only with this load's nonce, styles only from the extension's own files, no
 * 'unsafe-inline'), and no record data at all: the card arrives as a message and is drawn with text
 * nodes. No vscode import, so a unit test checks the policy.
 */
import { newNonce, webviewPageHtml } from '../planPanel/planPanelHtml';

export interface RecordCardHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** dist/recordCard.js and dist/recordCard.css as webview URIs. */
  scriptUri: string;
  styleUri: string;
  title: string;
  /** A fresh one per load; tests pass their own. */
  nonce?: string;
}

export function recordCardHtml({ cspSource, scriptUri, styleUri, title, nonce = newNonce() }: RecordCardHtmlOptions): string {
  return webviewPageHtml({ cspSource, nonce, styles: [{ href: styleUri }], title, loading: 'Loading the record…', scriptUri });
}
