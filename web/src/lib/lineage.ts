// The lineage graph as the page holds it: what has been fetched (merged hop by hop as the
// user expands nodes), which big neighbourhoods are folded into one group node, where each
// node sits, and the path through a chosen node.
import type { LineageEdge, LineageGraph, LineageNode } from '../api/types';

/**
 * A node with more neighbours than this on one side folds them, one group per asset type and
 * the largest first, until what is left to draw one by one is within this.
 */
export const GROUP_LIMIT = 12;

export interface GraphState {
  root: string;
  nodes: Map<string, LineageNode>;
  edges: Map<string, LineageEdge>;
  expanded: Set<string>;
}

export function edgeKey(edge: LineageEdge): string {
  return `${edge.from}->${edge.to}`;
}

export function emptyGraph(root: string): GraphState {
  return { root, nodes: new Map(), edges: new Map(), expanded: new Set([root]) };
}

export function mergeGraph(state: GraphState, graph: LineageGraph, expandedNode?: string): GraphState {
  const nodes = new Map(state.nodes);
  const edges = new Map(state.edges);
  for (const node of graph.nodes ?? []) nodes.set(node.id, { ...nodes.get(node.id), ...node });
  for (const edge of graph.edges ?? []) {
    for (const end of [edge.from, edge.to]) {
      if (!nodes.has(end)) nodes.set(end, { id: end, type: end.split(':')[0], name: end.slice(end.indexOf(':') + 1) });
    }
    edges.set(edgeKey(edge), edge);
  }
  const expanded = new Set(state.expanded);
  if (expandedNode) expanded.add(expandedNode);
  return { root: state.root, nodes, edges, expanded };
}

export interface Group {
  id: string;
  owner: string;
  direction: 'upstream' | 'downstream';
  /** The asset type of every member (table, metric, column...). */
  type: string;
  members: string[];
}

export interface ViewNode {
  id: string;
  label: string;
  type: string;
  group?: Group;
  parent?: string;
  level: number;
}

export interface ViewEdge {
  id: string;
  from: string;
  to: string;
  via?: string | null;
}

export interface GraphView {
  nodes: ViewNode[];
  edges: ViewEdge[];
  groups: Group[];
}

/**
 * Groups of neighbours too many to draw one by one: on a side with more than {@code limit}
 * neighbours, those of one type are folded together, the most numerous type first, until the
 * rest fits (so the nine metrics fed by a table fold while its four downstream tables stay in
 * view). A group stays folded once opened.
 */
export function groupsOf(state: GraphState, opened: Set<string>, limit = GROUP_LIMIT): Group[] {
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  for (const edge of state.edges.values()) {
    push(downstream, edge.from, edge.to);
    push(upstream, edge.to, edge.from);
  }
  const typeOf = (id: string) => state.nodes.get(id)?.type ?? id.split(':')[0];
  const groups: Group[] = [];
  const consider = (owner: string, direction: 'upstream' | 'downstream', neighbours: string[]) => {
    if (neighbours.length <= limit) return;
    const byType = new Map<string, string[]>();
    for (const n of neighbours) if (n !== state.root && !state.expanded.has(n)) push(byType, typeOf(n), n);
    let shown = neighbours.length;
    for (const [type, members] of [...byType.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
      if (shown <= limit) break;
      if (members.length < 2) continue;
      shown -= members.length;
      const id = `group:${direction}:${type}:${owner}`;
      if (!opened.has(id)) groups.push({ id, owner, direction, type, members: members.sort() });
    }
  };
  for (const [owner, neighbours] of downstream) consider(owner, 'downstream', neighbours);
  for (const [owner, neighbours] of upstream) consider(owner, 'upstream', neighbours);
  return groups;
}

/**
 * What to draw: every fetched node not folded into a group, the group nodes, and the edges
 * between them (an edge to a folded node goes to its group). Levels are hops from the root,
 * negative upstream, so that the layout reads left to right in the direction data flows.
 */
export function graphView(
  state: GraphState,
  opened: Set<string>,
  options: { limit?: number; parentOf?: (id: string) => string | null; seeds?: string[] } = {},
): GraphView {
  const groups = groupsOf(state, opened, options.limit);
  const folded = new Map<string, string>();
  for (const group of groups) for (const member of group.members) if (!folded.has(member)) folded.set(member, group.id);
  const levels = levelsOf(state, options.seeds);
  const nodes: ViewNode[] = [];
  for (const node of state.nodes.values()) {
    if (folded.has(node.id)) continue;
    const parent = options.parentOf?.(node.id) ?? undefined;
    nodes.push({ id: node.id, label: node.name ?? node.id, type: node.type, parent: parent ?? undefined, level: levels.get(node.id) ?? 0 });
  }
  for (const group of groups) {
    const ownerLevel = levels.get(group.owner) ?? 0;
    nodes.push({
      id: group.id,
      label: String(group.members.length),
      type: 'group',
      group,
      level: ownerLevel + (group.direction === 'downstream' ? 1 : -1),
    });
  }
  const edges = new Map<string, ViewEdge>();
  for (const edge of state.edges.values()) {
    const from = folded.get(edge.from) ?? edge.from;
    const to = folded.get(edge.to) ?? edge.to;
    if (from === to) continue;
    const id = `${from}->${to}`;
    if (!edges.has(id)) edges.set(id, { id, from, to, via: edge.via });
  }
  return { nodes, edges: [...edges.values()], groups };
}

/**
 * Hops from the root along the edges: upstream negative, downstream positive. The seeds stand
 * for the root where it is not a node itself (a table's columns at column level).
 */
export function levelsOf(state: GraphState, seeds: string[] = [state.root]): Map<string, number> {
  const start = seeds.length > 0 ? seeds : [state.root];
  const levels = new Map<string, number>(start.map((id) => [id, 0]));
  const walk = (direction: 1 | -1) => {
    let frontier = [...start];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const edge of state.edges.values()) {
          const neighbour = direction === 1 ? (edge.from === id ? edge.to : null) : edge.to === id ? edge.from : null;
          if (neighbour && !levels.has(neighbour)) {
            levels.set(neighbour, levels.get(id)! + direction);
            next.push(neighbour);
          }
        }
      }
      frontier = next;
    }
  };
  walk(1);
  walk(-1);
  // nodes reached only sideways (an upstream node's other outputs) sit next to a placed neighbour
  let changed = true;
  while (changed) {
    changed = false;
    for (const edge of state.edges.values()) {
      if (levels.has(edge.from) && !levels.has(edge.to)) {
        levels.set(edge.to, levels.get(edge.from)! + 1);
        changed = true;
      } else if (levels.has(edge.to) && !levels.has(edge.from)) {
        levels.set(edge.from, levels.get(edge.to)! - 1);
        changed = true;
      }
    }
  }
  return levels;
}

/** Positions for a left-to-right layered drawing: one column per level. */
export function layout(view: GraphView, columnWidth = 280, rowHeight = 64): Map<string, { x: number; y: number }> {
  const byLevel = new Map<number, ViewNode[]>();
  for (const node of view.nodes) push(byLevel, node.level, node);
  const positions = new Map<string, { x: number; y: number }>();
  for (const [level, nodes] of byLevel) {
    nodes.sort((a, b) => (a.parent ?? '').localeCompare(b.parent ?? '') || a.label.localeCompare(b.label));
    let y = -((nodes.length - 1) * rowHeight) / 2;
    let lastParent: string | undefined;
    for (const node of nodes) {
      if (lastParent !== undefined && node.parent !== lastParent) y += rowHeight / 2;
      positions.set(node.id, { x: level * columnWidth, y });
      y += rowHeight;
      lastParent = node.parent;
    }
  }
  return positions;
}

/** Every node and edge on a path through the given node: all it comes from and all it feeds. */
export function pathThrough(edges: ViewEdge[], id: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([id]);
  const onPath = new Set<string>();
  const follow = (forward: boolean) => {
    const stack = [id];
    const seen = new Set([id]);
    while (stack.length > 0) {
      const current = stack.pop()!;
      for (const edge of edges) {
        const [here, there] = forward ? [edge.from, edge.to] : [edge.to, edge.from];
        if (here === current) {
          onPath.add(edge.id);
          nodes.add(there);
          if (!seen.has(there)) {
            seen.add(there);
            stack.push(there);
          }
        }
      }
    }
  };
  follow(true);
  follow(false);
  return { nodes, edges: onPath };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
