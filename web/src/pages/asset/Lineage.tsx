import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { api } from '../../api/client';
import type { LineageGraph } from '../../api/types';
import { ErrorMessage, Loading, TypeBadge } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { assetLink, datasetOfColumn, encodeId, qualifiedNameOf, segments, shortName, typeOf, unquote } from '../../lib/ids';
import { emptyGraph, graphView, layout, mergeGraph, pathThrough, type GraphState, type ViewNode } from '../../lib/lineage';

type Level = 'table' | 'column';

function fetchHop(id: string, level: Level, signal?: AbortSignal): Promise<LineageGraph> {
  return api.get<LineageGraph>(`/api/v1/lineage/${encodeId(id)}`, { direction: 'both', depth: 1, level }, signal);
}

const lastSegment = (qualifiedName: string) => unquote(segments(qualifiedName).pop() ?? '');
const datasetName = (columnId: string) => lastSegment(datasetOfColumn(columnId) ?? '');

const parentOf = (id: string) => {
  const dataset = datasetOfColumn(id);
  return dataset ? `dataset:${dataset}` : null;
};

/**
 * The lineage graph around an asset: one hop each way, more on expanding a node, at table or
 * column level; a chosen node's whole path highlighted; big neighbourhoods folded into groups.
 * The list beside the drawing offers every action too (keyboard and screen readers).
 */
export default function Lineage({ root }: { root: string }) {
  const { t, tx } = useI18n();
  const [level, setLevel] = useState<Level>(typeOf(root) === 'column' ? 'column' : 'table');
  const [graph, setGraph] = useState<GraphState>(() => emptyGraph(root));
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [expanding, setExpanding] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    setSelected(null);
    setOpened(new Set());
    fetchHop(root, level, controller.signal)
      .then((answer) => setGraph(mergeGraph(emptyGraph(root), answer)))
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [root, level]);

  const expand = useCallback(
    async (id: string) => {
      setExpanding(id);
      setError(undefined);
      try {
        const answer = await fetchHop(id, level);
        setGraph((current) => mergeGraph(current, answer, id));
      } catch (e) {
        setError(e);
      } finally {
        setExpanding(null);
      }
    },
    [level],
  );

  const view = useMemo(() => {
    // at column level a table's own columns stand where the table would
    const seeds =
      level === 'column' && typeOf(root) !== 'column'
        ? [...graph.nodes.keys()].filter((id) => datasetOfColumn(id) === qualifiedNameOf(root))
        : [root];
    return graphView(graph, opened, { parentOf: level === 'column' ? parentOf : undefined, seeds });
  }, [graph, opened, level, root]);
  const path = useMemo(() => (selected ? pathThrough(view.edges, selected) : null), [view, selected]);
  const openGroup = (id: string) => setOpened((current) => new Set([...current, id]));

  const direction = (node: ViewNode) =>
    node.id === root || (node.level === 0 && datasetOfColumn(node.id) === qualifiedNameOf(root))
      ? t('lineage.this')
      : node.level === 0
        ? t('lineage.beside') : node.level < 0 ? t('lineage.upstreamHops', { hops: -node.level }) : t('lineage.downstreamHops', { hops: node.level });

  return (
    <div className="lineage" data-testid="lineage">
      <div className="lineage-bar">
        <div className="segmented" role="group" aria-label={t('lineage.level')}>
          <button type="button" aria-pressed={level === 'table'} onClick={() => setLevel('table')} data-testid="level-table">
            {t('lineage.tableLevel')}
          </button>
          <button type="button" aria-pressed={level === 'column'} onClick={() => setLevel('column')} data-testid="level-column">
            {t('lineage.columnLevel')}
          </button>
        </div>
        <span className="muted">{t('lineage.hint')}</span>
        {selected && (
          <button type="button" className="link" onClick={() => setSelected(null)}>
            {t('lineage.clearHighlight')}
          </button>
        )}
      </div>
      <ErrorMessage error={error} what={t('lineage.title')} />
      {loading ? (
        <Loading />
      ) : view.nodes.length <= 1 && !error ? (
        <p className="empty">{t('lineage.none')}</p>
      ) : (
        <div className="lineage-body">
          <Drawing
            view={view}
            root={root}
            selected={selected}
            path={path}
            onSelect={setSelected}
            onExpand={expand}
            onOpenGroup={openGroup}
          />
          <div className="lineage-list-scroll">
          <table className="grid lineage-list" data-testid="lineage-nodes">
            <thead>
              <tr>
                <th>{t('lineage.where')}</th>
                <th>{t('lineage.node')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {[...view.nodes]
                .sort((a, b) => a.level - b.level || a.label.localeCompare(b.label))
                .map((node) => (
                  <tr
                    key={node.id}
                    data-testid="lineage-node"
                    data-id={node.id}
                    className={[path?.nodes.has(node.id) ? 'on-path' : '', selected === node.id ? 'selected' : ''].join(' ')}
                  >
                    <td className="muted">{direction(node)}</td>
                    <td>
                      {node.group ? (
                        <span>
                          <TypeBadge type={node.group.type} />{' '}
                          {t(node.group.direction === 'upstream' ? 'lineage.groupUpstream' : 'lineage.groupDownstream', {
                            count: node.group.members.length,
                            owner: shortName(node.group.owner),
                          })}
                        </span>
                      ) : (
                        <>
                          <TypeBadge type={node.type} /> <Link to={assetLink(node.id)}>{level === 'column' && node.type === 'column' ? `${datasetName(node.id)}.${node.label}` : node.label}</Link>
                        </>
                      )}
                    </td>
                    <td className="actions">
                      {node.group ? (
                        <button type="button" onClick={() => openGroup(node.id)} data-testid="open-group">
                          {t('lineage.showAll')}
                        </button>
                      ) : (
                        <>
                          {!graph.expanded.has(node.id) && (
                            <button type="button" disabled={expanding !== null} onClick={() => expand(node.id)} data-testid="expand">
                              {expanding === node.id ? t('common.loading') : t('lineage.expand')}
                            </button>
                          )}
                          <button type="button" onClick={() => setSelected(selected === node.id ? null : node.id)} data-testid="highlight">
                            {t('lineage.highlight')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          </div>
          {view.edges.some((e) => e.via) && (
            <p className="note">
              {t('lineage.viaNote')}{' '}
              {[...new Set(view.edges.map((e) => e.via).filter(Boolean))].map((via) => (
                <Link key={via!} className="chip" to={assetLink(via!)}>
                  {tx(`type.${typeOf(via!)}`, typeOf(via!))} {shortName(via!)}
                </Link>
              ))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

const COLORS: Record<string, string> = {
  table: '#2563eb',
  view: '#0d9488',
  column: '#475569',
  job: '#d97706',
  metric: '#7c3aed',
  group: '#64748b',
};

function Drawing({
  view,
  root,
  selected,
  path,
  onSelect,
  onExpand,
  onOpenGroup,
}: {
  view: ReturnType<typeof graphView>;
  root: string;
  selected: string | null;
  path: ReturnType<typeof pathThrough> | null;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  onOpenGroup: (id: string) => void;
}) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand, onOpenGroup });
  handlers.current = { onSelect, onExpand, onOpenGroup };

  useEffect(() => {
    const instance = cytoscape({
      container: element.current,
      minZoom: 0.2,
      maxZoom: 2.5,
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node',
          style: {
            shape: 'round-rectangle',
            width: 'label',
            height: 28,
            padding: '8px',
            label: 'data(label)',
            'font-size': 12,
            color: '#fff',
            'text-valign': 'center',
            'text-halign': 'center',
            'background-color': 'data(color)',
          },
        },
        { selector: 'node.root', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
        { selector: 'node.group', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': '#334155', 'background-color': '#e2e8f0', color: '#0f172a' } },
        {
          selector: ':parent',
          style: {
            'background-color': '#f1f5f9',
            'background-opacity': 1,
            'border-color': '#94a3b8',
            'border-width': 1,
            color: '#334155',
            'text-valign': 'top',
            'text-halign': 'center',
            'font-weight': 'bold',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#94a3b8',
            'target-arrow-color': '#94a3b8',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
          },
        },
        { selector: '.dim', style: { opacity: 0.2 } },
        { selector: 'edge.on-path', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 3 } },
        { selector: 'node.on-path', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
      ],
    });
    instance.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      if (id.startsWith('group:')) handlers.current.onOpenGroup(id);
      else if (!id.startsWith('dataset:')) handlers.current.onSelect(id);
    });
    instance.on('dbltap', 'node', (event) => {
      const id = event.target.id() as string;
      if (!id.startsWith('group:') && !id.startsWith('dataset:')) handlers.current.onExpand(id);
    });
    instance.on('tap', (event) => {
      if (event.target === instance) handlers.current.onSelect(null);
    });
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const positions = layout(view);
    const parents = new Set(view.nodes.map((n) => n.parent).filter((p): p is string => Boolean(p)));
    const elements: ElementDefinition[] = [
      ...[...parents].map((p) => ({ data: { id: p, label: lastSegment(p.slice('dataset:'.length)), color: '#f1f5f9' } })),
      ...view.nodes.map((n) => ({
        data: {
          id: n.id,
          label: n.group ? t('lineage.groupLabel', { count: n.group.members.length }) : n.label,
          color: COLORS[n.type] ?? '#334155',
          parent: n.parent,
        },
        position: positions.get(n.id),
        classes: [n.id === root ? 'root' : '', n.group ? 'group' : ''].join(' '),
      })),
      ...view.edges.map((e) => ({ data: { id: e.id, source: e.from, target: e.to } })),
    ];
    instance.batch(() => {
      instance.elements().remove();
      instance.add(elements);
    });
    instance.layout({ name: 'preset', fit: true, padding: 30 }).run();
  }, [view, root, t]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.elements().removeClass('dim on-path');
      if (path && selected) {
        instance.elements().forEach((element) => {
          const id = element.id();
          const on = element.isEdge() ? path.edges.has(id) : path.nodes.has(id) || id.startsWith('dataset:');
          element.addClass(on ? 'on-path' : 'dim');
        });
      }
    });
  }, [path, selected, view]);

  return <div ref={element} className="lineage-canvas" data-testid="lineage-canvas" aria-label={t('lineage.title')} role="img" />;
}
