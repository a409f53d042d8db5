/**
 * Places the relationship graph's nodes and routes its edges with dagre (a layered layout: contact,
 * then the order, then what hangs off it), so nothing here computes coordinates by hand. No DOM: the
 * positions are plain numbers the view turns into SVG attributes.
 */
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { RelationGraph } from './graphProtocol';

/** Every node is drawn in the same box; titles longer than it are cut (the full text is its label and tooltip). */
export const NODE_WIDTH = 212;
export const NODE_HEIGHT = 64;

export interface PlacedNode {
  key: string;
  /** Top-left corner. */
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  label: string;
  points: Array<{ x: number; y: number }>;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function layoutGraph(graph: RelationGraph): GraphLayout {
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
  // Left to right reads as the chain (contact -> order -> items -> products), and fits a wide editor.
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) if (g.hasNode(edge.from) && g.hasNode(edge.to)) g.setEdge(edge.from, edge.to);
  layout(g);
  const { width = 0, height = 0 } = g.graph();
  return {
    width: Math.ceil(width),
    height: Math.ceil(height),
    // dagre gives centres; the view draws from the corner.
    nodes: graph.nodes.map((n) => {
      const placed = g.node(n.key);
      return { key: n.key, x: (placed.x ?? 0) - NODE_WIDTH / 2, y: (placed.y ?? 0) - NODE_HEIGHT / 2 };
    }),
    edges: graph.edges.filter((e) => g.hasEdge(e.from, e.to)).map((e) => ({ ...e, points: g.edge(e.from, e.to).points ?? [] })),
  };
}
