import { describe, expect, it } from 'vitest';
import { emptyGraph, graphView, layout, levelsOf, mergeGraph, pathThrough } from './lineage';

const node = (id: string) => ({ id, type: id.split(':')[0], name: id.split('.').pop()! });

describe('lineage graph', () => {
  const root = 'table:demo.mart.daily_sales';
  const orders = 'table:demo.retail.orders';
  const items = 'table:demo.retail.order_items';
  const region = 'table:demo.mart.region_daily';
  const start = mergeGraph(emptyGraph(root), {
    nodes: [node(root), node(orders), node(items), node(region)],
    edges: [
      { from: orders, to: root, via: 'job:demo.load_daily_sales' },
      { from: items, to: root, via: 'job:demo.load_daily_sales' },
      { from: root, to: region, via: 'job:demo.load_region_daily' },
    ],
  });

  it('places upstream left and downstream right of the root', () => {
    const levels = levelsOf(start);
    expect(levels.get(root)).toBe(0);
    expect(levels.get(orders)).toBe(-1);
    expect(levels.get(region)).toBe(1);
    const positions = layout(graphView(start, new Set()));
    expect(positions.get(orders)!.x).toBeLessThan(positions.get(root)!.x);
    expect(positions.get(region)!.x).toBeGreaterThan(positions.get(root)!.x);
  });

  it('merges an expanded hop without losing what was there', () => {
    const customers = 'table:demo.retail.customers';
    const expanded = mergeGraph(start, { nodes: [node(customers)], edges: [{ from: customers, to: orders }] }, orders);
    expect(expanded.nodes.size).toBe(5);
    expect(expanded.edges.size).toBe(4);
    expect(expanded.expanded.has(orders)).toBe(true);
    expect(levelsOf(expanded).get(customers)).toBe(-2);
  });

  it('folds a big neighbourhood into one group until it is opened', () => {
    const many = Array.from({ length: 300 }, (_, i) => `table:demo.mart.t${i}`);
    const big = mergeGraph(emptyGraph(root), {
      nodes: [node(root), ...many.map(node)],
      edges: many.map((id) => ({ from: root, to: id })),
    });
    const group = `group:downstream:table:${root}`;
    const folded = graphView(big, new Set(), { limit: 12 });
    expect(folded.nodes.map((n) => n.id)).toEqual([root, group]);
    expect(folded.groups[0].members).toHaveLength(300);
    expect(folded.groups[0].type).toBe('table');
    expect(folded.edges).toEqual([{ id: `${root}->${group}`, from: root, to: group, via: undefined }]);
    const open = graphView(big, new Set([group]), { limit: 12 });
    expect(open.nodes).toHaveLength(301);
  });

  it('folds the most numerous type first and keeps the rest in view', () => {
    const metrics = Array.from({ length: 9 }, (_, i) => `metric:m${i}`);
    const tables = Array.from({ length: 4 }, (_, i) => `table:demo.mart.t${i}`);
    const mixed = mergeGraph(emptyGraph(root), {
      nodes: [node(root), ...[...metrics, ...tables].map((id) => ({ id, type: id.split(':')[0], name: id }))],
      edges: [...metrics, ...tables].map((id) => ({ from: root, to: id })),
    });
    const view = graphView(mixed, new Set(), { limit: 12 });
    expect(view.groups.map((g) => [g.type, g.members.length])).toEqual([['metric', 9]]);
    expect(view.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(tables));
    expect(view.nodes.map((n) => n.id)).not.toEqual(expect.arrayContaining([metrics[0]]));
  });

  it('highlights everything upstream and downstream of a node, and nothing beside', () => {
    const view = graphView(start, new Set());
    const path = pathThrough(view.edges, orders);
    expect([...path.nodes].sort()).toEqual([region, root, orders].sort());
    expect(path.edges.has(`${items}->${root}`)).toBe(false);
    expect(path.edges.has(`${root}->${region}`)).toBe(true);
  });
});
