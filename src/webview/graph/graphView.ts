/**
 * Draws a relationship graph (graphProtocol.ts) as SVG laid out by dagre (layout.ts), plus the same
 * facts as a list in words. Every node is a labelled element; the ones that open a record are
 * buttons in the Tab order (Enter or Space opens them). CRM text goes in as text nodes only
 * (`textContent`), so a contact named `<img onerror=…>` is those characters. Colours come from the
 * theme through graph.css: borders and the state mark carry them, the text stays in the foreground.
 */
import './graph.css';
import type { RelationGraph, RelationKind, RelationNode } from './graphProtocol';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';

const SVG = 'http://www.w3.org/2000/svg';

export const KIND_WORD: Record<RelationKind, string> = {
  contacts: 'Contact',
  orders: 'Order',
  items: 'Item',
  products: 'Product',
  payments: 'Payment',
  subscriptions: 'Subscription',
};

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The node's three lines as drawn: "Order #240", its name, its state (or its particulars). */
function nodeLines(node: RelationNode): [string, string, string] {
  return [`${KIND_WORD[node.kind]}${node.id ? ` #${node.id}` : ''}`, node.title, node.stateText ?? node.detail ?? ''];
}

/**
 * What a screen reader says for a node, and its tooltip: its lines in the order they are drawn (a
 * name that starts as the visible text does, for speech input), then the particulars under the state.
 */
export function nodeSentence(node: RelationNode): string {
  const [kind, title, third] = nodeLines(node);
  return [`${kind}: ${title}`, third, node.stateText ? node.detail : undefined].filter(Boolean).join('. ');
}

export interface GraphViewOptions {
  /** Opens a node's record; nodes it returns false for are not buttons. */
  canOpen(node: RelationNode): boolean;
  open(node: RelationNode): void;
}

function nodeElement(node: RelationNode, x: number, y: number, clipId: string, options: GraphViewOptions): SVGGElement {
  const openable = options.canOpen(node);
  const sentence = nodeSentence(node);
  const g = svg('g', {
    class: `node kind-${node.kind} state-${node.state ?? 'none'}`,
    transform: `translate(${x},${y})`,
    role: openable ? 'button' : 'img',
    'aria-label': openable ? `${sentence}. Open it.` : sentence,
    'data-key': node.key,
  });
  if (openable) {
    g.setAttribute('tabindex', '0');
    g.addEventListener('click', () => options.open(node));
    g.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      options.open(node);
    });
  }
  const [kind, title, third] = nodeLines(node);
  // Long text is clipped at the box's edge. The node's label says all of it (the same words, in the same
  // order), so the drawn lines are hidden from assistive technology rather than read twice or half.
  const lines = svg('g', { 'clip-path': `url(#${clipId})`, 'aria-hidden': 'true' });
  // A trailing space on each line: checkers that join the lines' text (axe's label-content-name-mismatch) see words, not "#21Megan".
  lines.append(
    svg('text', { class: 'kind', x: 26, y: 20 }, `${kind} `),
    svg('text', { class: 'title', x: 10, y: 38 }, `${title} `),
    svg('text', { class: 'state', x: 10, y: 55 }, third),
  );
  g.append(
    svg('rect', { class: 'box', width: NODE_WIDTH, height: NODE_HEIGHT, rx: 4 }),
    // The state's mark: the only coloured thing besides the border (a ring for what does not exist yet, for colour-blind readers).
    svg('circle', { class: 'mark', cx: 14, cy: 16, r: 5 }),
    lines,
  );
  return g;
}

function edgePath(points: Array<{ x: number; y: number }>): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/** The facts of the picture in words (a list a screen reader or a search can read). */
function wordsList(graph: RelationGraph): HTMLElement {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const list = document.createElement('ul');
  list.className = 'relations-words';
  for (const node of graph.nodes) {
    const li = document.createElement('li');
    const ties = graph.edges
      .filter((e) => e.from === node.key && byKey.has(e.to))
      .map((e) => `${e.label} ${KIND_WORD[byKey.get(e.to)!.kind].toLowerCase()} ${byKey.get(e.to)!.title}`);
    li.textContent = [nodeSentence(node), ...ties].join('; ');
    list.append(li);
  }
  return list;
}

let figures = 0;

/** The graph as a figure: caption, picture, and a disclosure with the same in words. */
export function graphFigure(graph: RelationGraph, options: GraphViewOptions): HTMLElement {
  const placed = layoutGraph(graph);
  const captionId = `relations-caption-${++figures}`;
  const picture = svg('svg', {
    class: 'relations-graph',
    width: placed.width,
    height: placed.height,
    viewBox: `0 0 ${placed.width} ${placed.height}`,
    role: 'group',
    'aria-labelledby': captionId,
  });
  const arrowId = `relations-arrow-${figures}`;
  const marker = svg('marker', { id: arrowId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(svg('path', { class: 'arrow', d: 'M0,0 L10,5 L0,10 z' }));
  const clipId = `relations-clip-${figures}`;
  const clip = svg('clipPath', { id: clipId });
  clip.append(svg('rect', { x: 4, y: 0, width: NODE_WIDTH - 10, height: NODE_HEIGHT }));
  const defs = svg('defs');
  defs.append(marker, clip);
  picture.append(defs);
  for (const edge of placed.edges) {
    const line = svg('path', { class: 'edge', d: edgePath(edge.points), 'marker-end': `url(#${arrowId})`, 'aria-hidden': 'true' });
    picture.append(line);
  }
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  for (const p of placed.nodes) picture.append(nodeElement(byKey.get(p.key)!, p.x, p.y, clipId, options));

  const figure = document.createElement('figure');
  figure.className = 'relations';
  const caption = document.createElement('figcaption');
  caption.id = captionId;
  caption.textContent = graph.title;
  const scroller = document.createElement('div');
  scroller.className = 'relations-scroll';
  scroller.append(picture);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'The same in words';
  details.append(summary, wordsList(graph));
  figure.append(caption, scroller, details);
  return figure;
}
