import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { search } from '../../api/search';
import type { Asset } from '../../api/types';
import { useSession } from '../../components/Session';
import { ErrorMessage, Loading, Owners, Tabs, Tags, Terms, TypeBadge } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { assetLink, datasetOfColumn, encodeId, qualifiedNameOf, segments, typeOf, unquote } from '../../lib/ids';
import { useApi } from '../../lib/useApi';
import EditPanel from './EditPanel';
import History from './History';
import Schema from './Schema';
import Impact from './Impact';

const Lineage = lazy(() => import('./Lineage'));

type Tab = 'overview' | 'lineage' | 'impact' | 'history';
const NO_LINEAGE = new Set(['term', 'tag', 'domain', 'user', 'group', 'warehouse', 'schema']);
const SHOWN = new Set([
  'id', 'type', 'name', 'qualifiedName', 'warehouse', 'description', 'owners', 'tags', 'terms', 'domain', 'version',
  'createdAt', 'updatedAt', 'deleted', 'columns', 'foreignKeys', 'synonyms', 'primaryKey', 'dataType', 'nullable', 'sql',
]);

export default function AssetPage() {
  const { id = '' } = useParams();
  const { t, dateTime, num } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab) || 'overview';
  const [editing, setEditing] = useState(false);
  const asset = useApi((signal) => api.get<Asset>(`/api/v1/assets/${encodeId(id)}`, undefined, signal), [id]);

  if (typeOf(id) === 'metric') return <Navigate to={assetLink(id)} replace />;
  const setTab = (next: Tab) => {
    const updated = new URLSearchParams(params);
    if (next === 'overview') updated.delete('tab');
    else updated.set('tab', next);
    setParams(updated, { replace: true });
  };

  if (asset.loading && !asset.data) return <Loading />;
  if (asset.error || !asset.data) {
    return (
      <div className="page">
        <h1>{qualifiedNameOf(id)}</h1>
        <ErrorMessage error={asset.error} />
        {asset.error instanceof ApiError && asset.error.status === 404 && <Link to={`/search?q=${encodeURIComponent(qualifiedNameOf(id))}`}>{t('asset.searchInstead')}</Link>}
      </div>
    );
  }
  const a = asset.data;
  const lineage = !NO_LINEAGE.has(a.type);
  const attributes = Object.entries(a).filter(([key, value]) => !SHOWN.has(key) && value !== null && value !== undefined && typeof value !== 'object');

  return (
    <div className="page asset-page">
      <Breadcrumbs asset={a} />
      <div className="asset-title">
        <TypeBadge type={a.type} />
        <h1 data-testid="asset-name">{a.name}</h1>
        {a.deleted && <span className="badge danger">{t('asset.deleted')}</span>}
        <span className="muted">
          {t('asset.version', { version: a.version })} · {t('asset.updated', { at: dateTime(a.updatedAt) })}
        </span>
        {can('steward') && !editing && (
          <button type="button" className="edit-button" onClick={() => setEditing(true)} data-testid="edit">
            ✎ {t('asset.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <EditPanel
          asset={a}
          onDone={(updated) => {
            setEditing(false);
            if (updated) asset.setData({ ...a, ...updated });
          }}
        />
      ) : (
        <section className="asset-facts">
          <p className="description" data-testid="description">
            {a.description || <span className="muted">{t('asset.noDescription')}</span>}
          </p>
          <dl className="facts">
            <dt>{t('asset.owners')}</dt>
            <dd data-testid="owners">
              <Owners owners={a.owners} />
            </dd>
            <dt>{t('asset.tags')}</dt>
            <dd data-testid="tags">{a.tags.length ? <Tags tags={a.tags} /> : <span className="muted">—</span>}</dd>
            <dt>{t('asset.terms')}</dt>
            <dd>{a.terms.length ? <Terms terms={a.terms} /> : <span className="muted">—</span>}</dd>
            {a.domain && (
              <>
                <dt>{t('asset.domain')}</dt>
                <dd>{a.domain}</dd>
              </>
            )}
            {a.synonyms && a.synonyms.length > 0 && (
              <>
                <dt>{t('asset.synonyms')}</dt>
                <dd>{a.synonyms.join(', ')}</dd>
              </>
            )}
            {attributes.map(([key, value]) => (
              <FactRow
                key={key}
                name={key}
                value={typeof value === 'number' ? num(value, 4) : typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : String(value)}
              />
            ))}
          </dl>
        </section>
      )}
      <Tabs
        tabs={[
          { id: 'overview', label: a.columns ? t('asset.tab.schema') : t('asset.tab.overview') },
          { id: 'lineage', label: t('asset.tab.lineage'), hidden: !lineage },
          { id: 'impact', label: t('asset.tab.impact'), hidden: !lineage },
          { id: 'history', label: t('asset.tab.history') },
        ]}
        current={tab}
        onChange={setTab}
      />
      <div className="tab-panel">
        {tab === 'overview' && <Overview asset={a} />}
        {tab === 'lineage' && lineage && (
          <Suspense fallback={<Loading />}>
            <Lineage root={a.id} />
          </Suspense>
        )}
        {tab === 'impact' && lineage && <Impact id={a.id} />}
        {tab === 'history' && <History id={a.id} />}
      </div>
    </div>
  );
}

function FactRow({ name, value }: { name: string; value: string }) {
  const { tx } = useI18n();
  const label = tx(`attribute.${name}`, name);
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={`attribute-${name}`}>{value}</dd>
    </>
  );
}

function Breadcrumbs({ asset }: { asset: Asset }) {
  const parts = segments(asset.qualifiedName ?? '');
  if (!asset.warehouse || parts.length < 2) return null;
  const crumbs: { label: string; to?: string }[] = [{ label: unquote(parts[0]) }];
  if (parts.length >= 2) crumbs.push({ label: unquote(parts[1]), to: `/search?q=&filter=${encodeURIComponent(`schema:${parts.slice(0, 2).join('.')}`)}` });
  if (asset.type === 'column') {
    const dataset = datasetOfColumn(asset.id);
    if (dataset) crumbs.push({ label: unquote(parts[2]), to: assetLink(`table:${dataset}`) });
  }
  return (
    <nav className="breadcrumbs" aria-label="breadcrumbs">
      {crumbs.map((c, i) => (
        <span key={i}>
          {c.to ? <Link to={c.to}>{c.label}</Link> : c.label}
          {' › '}
        </span>
      ))}
    </nav>
  );
}

function Overview({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  if (asset.columns) return <Schema asset={asset} />;
  if (asset.type === 'column') return <ColumnOverview asset={asset} />;
  if (asset.type === 'term' || asset.type === 'tag' || asset.type === 'domain') return <ClassifiedAssets asset={asset} />;
  const sql = typeof asset.sql === 'string' ? asset.sql : null;
  return (
    <div>
      {sql && (
        <>
          <h3>{t('asset.sql')}</h3>
          <pre className="sql">{sql}</pre>
        </>
      )}
      {!sql && <p className="muted">{t('asset.nothingMore')}</p>}
    </div>
  );
}

/** The assets a glossary term, tag or domain is on, found through search's filters. */
function ClassifiedAssets({ asset }: { asset: Asset }) {
  const { t, num } = useI18n();
  const key = asset.type === 'tag' ? 'tag' : asset.type;
  const found = useApi((signal) => search({ q: '', filter: [`${key}:${asset.name}`], size: 50 }, signal), [asset.id]);
  if (found.loading) return <Loading />;
  return (
    <div data-testid="classified-assets">
      <h3>{t('asset.usedBy', { count: num(found.data?.total ?? 0, 0) })}</h3>
      <ErrorMessage error={found.error} />
      <ul className="plain">
        {found.data?.hits.map((hit) => (
          <li key={hit.id}>
            <TypeBadge type={hit.type} /> <Link to={assetLink(hit.id)}>{hit.name}</Link> <span className="muted">{hit.qualifiedName}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ColumnOverview({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const dataset = datasetOfColumn(asset.id);
  // a column's dataset is a table or a view; the identifier does not say which
  const parent = useApi(
    async (signal) => {
      for (const type of ['table', 'view']) {
        try {
          return await api.get<Asset>(`/api/v1/assets/${encodeId(`${type}:${dataset}`)}`, undefined, signal);
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 404)) throw e;
        }
      }
      return null;
    },
    [dataset],
    dataset !== null,
  );
  return (
    <div>
      <dl className="facts">
        <dt>{t('schema.type')}</dt>
        <dd data-testid="data-type">{String(asset.dataType ?? '—')}</dd>
        <dt>{t('schema.nullable')}</dt>
        <dd>{asset.nullable === false ? t('common.no') : t('common.yes')}</dd>
        {parent.data && (
          <>
            <dt>{t(parent.data.type === 'view' ? 'type.view' : 'type.table')}</dt>
            <dd>
              <Link to={assetLink(parent.data.id)}>{parent.data.qualifiedName}</Link>
            </dd>
          </>
        )}
      </dl>
      <ErrorMessage error={parent.error} />
    </div>
  );
}
