/**
 * The typed message protocol between the plan-preview webview and its host (the extension).
 * Messages from the webview are buffered by the host until `ready` arrives.
 */
export interface PlanHeadline {
  entity: string;
  create: number;
  update: number;
  skip: number;
  conflict: number;
  blocked: number;
}

export type WebviewToHost =
  | { type: 'ready' };

export type HostToWebview =
  | { type: 'plan'; title: string; headline: PlanHeadline[] };
