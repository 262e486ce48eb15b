import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getMetric, reviewMetric, runQuery } from '../api/metrics';
import type { MetricQuery, QueryResult } from '../api/types';
import ChangesTable from '../components/ChangesTable';
import ResultView from '../components/ResultView';
import { useSession } from '../components/Session';
import { ErrorMessage, Field, Loading, Owners, Tabs } from '../components/ui';
import { useI18n } from '../i18n/I18n';
import { normalizeMetric, reviewActions, type MetricDimension, type MetricVersion } from '../lib/metric';
import { useQueryParams } from '../lib/searchParams';
import { useAction, useApi } from '../lib/useApi';

const Lineage = lazy(() => import('./asset/Lineage'));

type Tab = 'chart' | 'definition' | 'lineage' | 'history';
const GRAINS = ['day', 'week', 'month', 'quarter', 'year'];

/** The last whole calendar year: a range with data in most warehouses (the demo's ends 2025-12-31). */
function defaultRange(): { start: string; end: string } {
  const year = new Date().getUTCFullYear() - 1;
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

export default function MetricPage() {
  const { name = '' } = useParams();
  const { t, tx, lang } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useQueryParams();
  const tab = (params.get('tab') as Tab) || 'chart';
  const loaded = useApi((signal) => getMetric(name, signal), [name]);
  const metric = useMemo(() => (loaded.data ? normalizeMetric(loaded.data, lang) : null), [loaded.data, lang]);
  const english = useMemo(() => (loaded.data ? normalizeMetric(loaded.data, 'en') : null), [loaded.data]);
  const chinese = useMemo(() => (loaded.data ? normalizeMetric(loaded.data, 'zh') : null), [loaded.data]);
  const [comment, setComment] = useState('');
  const review = useAction(async (action: string) => {
    await reviewMetric(name, action, comment);
    setComment('');
    loaded.reload();
  });

  const setTab = (next: Tab) => {
    const updated = new URLSearchParams(params);
    if (next === 'chart') updated.delete('tab');
    else updated.set('tab', next);
    setParams(updated, { replace: true });
  };

  if (loaded.loading && !metric) return <Loading />;
  if (!metric) {
    return (
      <div className="page">
        <h1>{name}</h1>
        <ErrorMessage error={loaded.error} />
      </div>
    );
  }
  // analysts submit their drafts; stewards certify, reject and deprecate
  const actions = reviewActions(metric.latestStatus).filter((action) => can(action === 'submit' ? 'analyst' : 'steward'));
  const question = t('metric.askQuestion', { metric: metric.label });

  return (
    <div className="page metric-page">
      <div className="asset-title">
        <span className="badge type-metric">{t('type.metric')}</span>
        <h1 data-testid="metric-label">{metric.label}</h1>
        <code className="muted">{metric.name}</code>
        <span className={`badge status-${metric.status}`} data-testid="metric-status">
          {metric.certified ? '✓ ' : ''}
          {tx(`lifecycle.${metric.status}`, metric.status)}
        </span>
        {can('analyst') && <Link className="button" to={`/chat?ask=${encodeURIComponent(question)}&metric=${encodeURIComponent(metric.name)}`} data-testid="ask-metric">
          {t('metric.ask')}
        </Link>}
      </div>
      {metric.description && <p className="description">{metric.description}</p>}
      <dl className="facts">
        <dt>{t('asset.owners')}</dt>
        <dd>
          <Owners owners={metric.owners} />
        </dd>
        {metric.domain && (
          <>
            <dt>{t('asset.domain')}</dt>
            <dd>{metric.domain}</dd>
          </>
        )}
      </dl>
      {actions.length > 0 && (
        <div className="review" data-testid="review">
          <strong>{t('metric.review')}</strong>
          <input name="review-comment" placeholder={t('metric.reviewComment')} value={comment} onChange={(e) => setComment(e.target.value)} />
          {actions.map((action) => (
            <button key={action} type="button" disabled={review.busy} onClick={() => review.run(action)} data-testid={`review-${action}`}>
              {tx(`metric.action.${action}`, action)}
            </button>
          ))}
          <ErrorMessage error={review.error} />
        </div>
      )}
      <Tabs
        tabs={[
          { id: 'chart', label: t('metric.tab.chart') },
          { id: 'definition', label: t('metric.tab.definition') },
          { id: 'lineage', label: t('asset.tab.lineage') },
          { id: 'history', label: t('asset.tab.history') },
        ]}
        current={tab}
        onChange={setTab}
      />
      <div className="tab-panel">
        {tab === 'chart' && !can('analyst') && <div className="notice">{t('metric.analystsOnly')}</div>}
        {tab === 'chart' && can('analyst') && <LiveChart name={metric.name} label={metric.label} dimensions={metric.dimensions} grains={metric.grains} />}
        {tab === 'definition' && english && chinese && (
          <dl className="facts definition" data-testid="definition">
            <dt>{t('metric.formula')}</dt>
            <dd>
              <code>{metric.formula ?? '—'}</code>
            </dd>
            {metric.kind && (
              <>
                <dt>{t('metric.kind')}</dt>
                <dd>{metric.kind}</dd>
              </>
            )}
            <dt>{t('metric.labelEn')}</dt>
            <dd>{english.label}</dd>
            <dt>{t('metric.labelZh')}</dt>
            <dd>{chinese.label}</dd>
            <dt>{t('metric.synonymsEn')}</dt>
            <dd>{english.synonyms.join(', ') || '—'}</dd>
            <dt>{t('metric.synonymsZh')}</dt>
            <dd>{chinese.synonyms.join('，') || '—'}</dd>
            <dt>{t('metric.dimensions')}</dt>
            <dd>{metric.dimensions.map((d) => d.label).join(', ') || '—'}</dd>
            {metric.timeDimension && (
              <>
                <dt>{t('metric.timeDimension')}</dt>
                <dd>{metric.timeDimension}</dd>
              </>
            )}
            {metric.unit && (
              <>
                <dt>{t('metric.unit')}</dt>
                <dd>{metric.unit}</dd>
              </>
            )}
          </dl>
        )}
        {tab === 'lineage' && (
          <Suspense fallback={<Loading />}>
            <Lineage root={`metric:${metric.name}`} />
          </Suspense>
        )}
        {tab === 'history' && <Versions versions={metric.versions} />}
      </div>
    </div>
  );
}

function LiveChart({
  name,
  label,
  dimensions,
  grains,
}: {
  name: string;
  label: string;
  dimensions: MetricDimension[];
  grains: string[];
}) {
  const { t, tx } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [grain, setGrain] = useState('month');
  const [range, setRange] = useState(defaultRange);
  const [result, setResult] = useState<QueryResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const query: MetricQuery = {
      metrics: [name],
      dimensions: [...(grain ? ['metric_time'] : []), ...chosen],
      grain: grain || undefined,
      timeRange: range,
      limit: 5000,
    };
    let current = true;
    setBusy(true);
    setError(undefined);
    const timer = setTimeout(() => {
      runQuery(query)
        .then((answer) => current && setResult(answer))
        .catch((e) => {
          if (current) {
            setError(e);
            setResult(undefined);
          }
        })
        .finally(() => current && setBusy(false));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, chosen, grain, range]);

  const labels = useMemo(() => {
    const byName: Record<string, string> = { [name]: label, metric_time: t('metric.time') };
    dimensions.forEach((d) => (byName[d.name] = d.label));
    return byName;
  }, [name, label, dimensions, t]);
  const values = useMemo(() => Object.assign({}, ...dimensions.filter((d) => chosen.includes(d.name)).map((d) => d.values ?? {})), [dimensions, chosen]);

  return (
    <div className="live-chart" data-testid="live-chart">
      <div className="filters">
        <fieldset>
          <legend>{t('metric.dimensions')}</legend>
          {dimensions.length === 0 && <span className="muted">—</span>}
          {dimensions.map((d) => (
            <label key={d.name} className="inline">
              <input
                type="checkbox"
                name={`dimension-${d.name}`}
                checked={chosen.includes(d.name)}
                onChange={() => setChosen(chosen.includes(d.name) ? chosen.filter((x) => x !== d.name) : [...chosen, d.name].slice(-2))}
              />{' '}
              {d.label}
            </label>
          ))}
        </fieldset>
        <Field label={t('metric.grain')}>
          <select name="grain" value={grain} onChange={(e) => setGrain(e.target.value)}>
            <option value="">{t('metric.noGrain')}</option>
            {(grains.length ? grains : GRAINS).map((g) => (
              <option key={g} value={g}>
                {tx(`grain.${g}`, g)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('metric.from')}>
          <input type="date" name="start" value={range.start} onChange={(e) => setRange({ ...range, start: e.target.value })} />
        </Field>
        <Field label={t('metric.to')}>
          <input type="date" name="end" value={range.end} onChange={(e) => setRange({ ...range, end: e.target.value })} />
        </Field>
      </div>
      {busy && <Loading label={t('metric.running')} />}
      <ErrorMessage error={error} what={t('metric.queryFailed')} />
      {result && <ResultView columns={result.columns} rows={result.rows} sql={result.sql} truncated={result.truncated} labels={labels} grain={grain || null} values={values} />}
    </div>
  );
}

/** The metric's versions, newest first, each with what changed from the one before. */
function Versions({ versions }: { versions: MetricVersion[] }) {
  const { t, tx, dateTime } = useI18n();
  if (versions.length === 0) return <div className="muted">—</div>;
  return (
    <ol className="versions" data-testid="metric-versions">
      {[...versions]
        .sort((a, b) => b.version - a.version)
        .map((version) => (
          <li key={version.version} className="version" data-testid="metric-version">
            <div className="version-head">
              <strong>{t('asset.version', { version: version.version })}</strong>
              <span className={`badge status-${version.status}`}>{tx(`lifecycle.${version.status}`, version.status)}</span>
              <span className="muted">{t('history.byAt', { by: version.by, at: dateTime(version.at) })}</span>
            </div>
            {version.reason && <div className="muted">{version.reason}</div>}
            {version.changes.length > 0 && <ChangesTable changes={version.changes} />}
          </li>
        ))}
    </ol>
  );
}
