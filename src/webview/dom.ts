/**
 * The only way the webview builds DOM: elements from createElement, data as text nodes and attribute
 * values via setAttribute. Nothing is ever parsed as HTML, so a record named `<script>` is just text.
 */
export type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  className?: string;
  /** Set with setAttribute (never parsed); `false`/undefined leaves the attribute off. */
  attrs?: Record<string, string | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (options.className) el.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const [type, listener] of Object.entries(options.on ?? {})) el.addEventListener(type, listener as EventListener);
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content, skipping absent children (replaceChildren refuses null). */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A codicon glyph from the document's codicon.css (cheaper than vscode-icon for a row per step). */
export function codicon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { className: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/** A button that looks like a link, for ids and other in-text actions. */
export function linkButton(text: string, title: string, onClick: () => void): HTMLButtonElement {
  return h('button', { className: 'link', attrs: { type: 'button', title }, on: { click: onClick } }, text);
}

/** A value from a record, shown in one short line: JSON, cut at `max` characters. */
export function formatValue(value: unknown, max = 120): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
