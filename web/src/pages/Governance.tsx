import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, download } from '../api/client';
import type { Gap, Kpi, KpiDetail, KpiReport, Page } from '../api/types';
import { useSession } from '../components/Session';
import { Empty, ErrorMessage, Field, Loading, Owners, Paging, TypeBadge } from '../components/ui';
import { useI18n, type I18n } from '../i18n/I18n';
import { assetLink } from '../lib/ids';
import { useQueryParams } from '../lib/searchParams';
import { useAction, useApi } from '../lib/useApi';

const EChart = lazy(() => import('../components/EChart'));
const BREAKDOWNS = ['owner', 'domain', 'warehouse', 'schema'] as const;
const GAP_PAGE = 20;

export function formatKpi(kpi: Pick<Kpi, 'unit'>, value: number | null | undefined, i18n: I18n): string {
  if (kpi.unit === 'percent') return i18n.percent(value);
  if (kpi.unit === 'bytes') return i18n.bytes(value);
  return i18n.num(value, 0);
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export default function Governance() {
  const i18n = useI18n();
  const { t, date, tx } = i18n;
  const { can } = useSession();
  const [params, setParams] = useQueryParams();
  const report = useApi((signal) => api.get<KpiReport>('/api/v1/governance/kpis', undefined, signal), []);
  const selected = params.get('kpi') ?? report.data?.kpis[0]?.name ?? null;
  const exporter = useAction((format: 'csv' | 'html') => download('/api/v1/governance/export', { format }, `governance-report.${format}`));
  const [exported, setExported] = useState<string>();

  return (
    <div className="page governance-page">
      <div className="page-head">
        <h1>{t('governance.title')}</h1>
        <div className="actions">
          <button
            type="button"
            onClick={async () => setExported(await exporter.run('csv'))}
            disabled={exporter.busy}
            data-testid="export-csv"
          >
            ↓ {t('governance.exportCsv')}
          </button>
          <button
            type="button"
            onClick={async () => setExported(await exporter.run('html'))}
            disabled={exporter.busy}
            data-testid="export-html"
          >
            ↓ {t('governance.exportHtml')}
          </button>
        </div>
      </div>
      <ErrorMessage error={exporter.error} what={t('governance.export')} />
      {exported && <p className="note" data-testid="exported">{t('governance.exported', { file: exported })}</p>}
      {report.data && <p className="muted">{t('governance.asOf', { date: date(report.data.asOf) })}</p>}
      <ErrorMessage error={report.error} />
      {report.loading && <Loading />}
      <div className="cards kpi-cards">
        {report.data?.kpis.map((kpi) => (
          <button
            key={kpi.name}
            type="button"
            className={`card kpi-card kpi-${kpi.status ?? 'no_target'} ${kpi.name === selected ? 'selected' : ''}`}
            onClick={() => setParams({ kpi: kpi.name }, { replace: true })}
            data-testid="kpi-card"
            data-kpi={kpi.name}
          >
            <span className="kpi-label">{kpi.label ?? tx(`kpi.${kpi.name}`, kpi.name)}</span>
            <span className="kpi-value">{formatKpi(kpi, kpi.value, i18n)}</span>
            {kpi.total !== undefined && kpi.total !== null && kpi.unit === 'percent' && (
              <span className="muted">{t('governance.countOfTotal', { count: i18n.num(kpi.count ?? 0, 0), total: i18n.num(kpi.total, 0) })}</span>
            )}
            <span className="kpi-target">
              {kpi.target !== undefined && kpi.target !== null ? t('governance.target', { target: formatKpi(kpi, kpi.target, i18n) }) : t('governance.noTarget')}
            </span>
            <span className={`badge status-${kpi.status}`}>{tx(`kpiStatus.${kpi.status}`, kpi.status ?? '')}</span>
            <Sparkline name={kpi.name} />
          </button>
        ))}
      </div>
      {selected && report.data && <KpiDetailView kpi={report.data.kpis.find((k) => k.name === selected) ?? { name: selected, value: null, unit: 'count' }} />}
      {can('steward') && <DefineKpi onDefined={report.reload} />}
    </div>
  );
}

/** The trend of a KPI over the last 90 days, small. */
function Sparkline({ name }: { name: string }) {
  const trend = useApi(
    (signal) => api.get<KpiDetail>(`/api/v1/governance/kpis/${encodeURIComponent(name)}`, { from: isoDaysAgo(90), to: isoDaysAgo(0) }, signal),
    [name],
  );
  const points = trend.data?.points ?? [];
  if (points.length < 2) return <span className="sparkline empty" />;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const path = values.map((v, i) => `${(i / (values.length - 1)) * 100},${28 - ((v - min) / span) * 26}`).join(' ');
  return (
    <svg className="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth="2" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

function KpiDetailView({ kpi }: { kpi: Kpi }) {
  const i18n = useI18n();
  const { t, tx, date } = i18n;
  const [by, setBy] = useState<(typeof BREAKDOWNS)[number]>('owner');
  const [from, setFrom] = useState(isoDaysAgo(90));
  const [to, setTo] = useState(isoDaysAgo(0));
  const [gapPage, setGapPage] = useState(0);
  useEffect(() => setGapPage(0), [kpi.name]);
  const detail = useApi(
    (signal) => api.get<KpiDetail>(`/api/v1/governance/kpis/${encodeURIComponent(kpi.name)}`, { from, to, by }, signal),
    [kpi.name, from, to, by],
  );
  const gaps = useApi(
    (signal) => api.get<Page<Gap>>('/api/v1/governance/gaps', { kpi: kpi.name, page: gapPage, size: GAP_PAGE }, signal),
    [kpi.name, gapPage],
  );
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: (detail.data?.points ?? []).map((p) => date(p.date)) },
      yAxis: { type: 'value', max: kpi.unit === 'percent' ? 100 : undefined },
      series: [
        {
          type: 'line',
          name: kpi.label ?? kpi.name,
          data: (detail.data?.points ?? []).map((p) => p.value),
          markLine: kpi.target !== undefined && kpi.target !== null ? { data: [{ yAxis: kpi.target, name: t('governance.targetLine') }] } : undefined,
        },
      ],
    }),
    [detail.data, kpi, date, t],
  );
  const breakdown = detail.data?.breakdown ?? [];
  const breakdownOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: kpi.unit === 'percent' ? 100 : undefined },
      yAxis: { type: 'category', data: breakdown.map((b) => b.key || '—').reverse() },
      series: [{ type: 'bar', data: breakdown.map((b) => b.value).reverse() }],
    }),
    [breakdown, kpi.unit],
  );
  return (
    <section className="kpi-detail" data-testid="kpi-detail">
      <h2>{kpi.label ?? tx(`kpi.${kpi.name}`, kpi.name)}</h2>
      <div className="filters">
        <Field label={t('metric.from')}>
          <input type="date" name="kpi-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('metric.to')}>
          <input type="date" name="kpi-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t('governance.breakdownBy')}>
          <select name="kpi-by" value={by} onChange={(e) => setBy(e.target.value as (typeof BREAKDOWNS)[number])}>
            {BREAKDOWNS.map((b) => (
              <option key={b} value={b}>
                {tx(`facet.${b}`, b)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorMessage error={detail.error} />
      {detail.data && (
        <div className="two-columns">
          <div>
            <h3>{t('governance.trend')}</h3>
            {detail.data.points.length === 0 ? (
              <Empty>{t('governance.noTrend')}</Empty>
            ) : (
              <Suspense fallback={<Loading />}>
                <EChart option={trendOption} height={260} testId="kpi-trend" />
              </Suspense>
            )}
          </div>
          <div>
            <h3>{t('governance.breakdown', { by: tx(`facet.${by}`, by) })}</h3>
            {breakdown.length === 0 ? (
              <Empty>{t('governance.noBreakdown')}</Empty>
            ) : (
              <>
                <Suspense fallback={<Loading />}>
                  <EChart option={breakdownOption} height={Math.max(160, breakdown.length * 28)} testId="kpi-breakdown" />
                </Suspense>
                <table className="grid" data-testid="breakdown-table">
                  <thead>
                    <tr>
                      <th>{tx(`facet.${by}`, by)}</th>
                      <th className="num">{t('governance.value')}</th>
                      <th className="num">{t('governance.countTotal')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {breakdown.map((b) => (
                      <tr key={b.key}>
                        <td>{b.key || '—'}</td>
                        <td className="num">{formatKpi(kpi, b.value, i18n)}</td>
                        <td className="num">{b.total !== undefined ? `${i18n.num(b.count ?? 0, 0)} / ${i18n.num(b.total, 0)}` : i18n.num(b.count ?? null, 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
        </div>
      )}
      <h3>{t('governance.gaps')}</h3>
      <ErrorMessage error={gaps.error} />
      {gaps.data && gaps.data.items.length === 0 && <Empty>{t('governance.noGaps')}</Empty>}
      {gaps.data && gaps.data.items.length > 0 && (
        <table className="grid" data-testid="gaps">
          <thead>
            <tr>
              <th>{t('governance.asset')}</th>
              <th>{t('asset.owners')}</th>
              <th>{t('governance.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.data.items.map((gap) => (
              <tr key={gap.id}>
                <td>
                  <TypeBadge type={gap.type} /> <Link to={assetLink(gap.id)}>{gap.name}</Link>
                </td>
                <td>
                  <Owners owners={gap.owners} />
                </td>
                <td>{gap.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {gaps.data && <Paging page={gapPage} size={GAP_PAGE} total={gaps.data.total} onPage={setGapPage} />}
    </section>
  );
}

const CONDITIONS = ['has_description', 'has_owner', 'has_tag', 'has_term', 'has_domain', 'has_lineage', 'certified', 'read_within_days'] as const;
const ASSET_TYPES = ['table', 'view', 'column', 'metric'] as const;

/**
 * A steward's own KPI: a filter over assets, a condition, a target and its date, defined with
 * POST /api/v1/governance/kpis (the service's extension of API.md's governance paths).
 */
function DefineKpi({ onDefined }: { onDefined: () => void }) {
  const { t, tx } = useI18n();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    name: '',
    label: '',
    type: 'table' as string,
    warehouse: '',
    schema: '',
    domain: '',
    tag: '',
    owner: '',
    condition: 'has_description' as string,
    argument: '',
    target: '90',
    deadline: '',
  });
  const [done, setDone] = useState(false);
  const define = useAction(async () => {
    const filter: Record<string, string> = { type: form.type };
    for (const key of ['warehouse', 'schema', 'domain', 'tag', 'owner'] as const) if (form[key].trim()) filter[key] = form[key].trim();
    const condition: Record<string, unknown> = { kind: form.condition };
    if (form.condition === 'has_tag') condition.tag = form.argument;
    if (form.condition === 'read_within_days') condition.days = Number(form.argument);
    await api.post('/api/v1/governance/kpis', {
      name: form.name,
      label: form.label || form.name,
      filter,
      condition,
      target: form.target === '' ? null : Number(form.target),
      deadline: form.deadline || null,
    });
    setDone(true);
    onDefined();
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    define.run();
  };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="define-kpi">
        + {t('governance.define')}
      </button>
    );
  }
  return (
    <form className="card define-kpi" onSubmit={submit} data-testid="define-kpi-form">
      <h2>{t('governance.define')}</h2>
      <div className="filters">
        <Field label={t('governance.kpiName')}>
          <input name="kpi-name" value={form.name} onChange={set('name')} required pattern="[a-z0-9_]+" />
        </Field>
        <Field label={t('governance.kpiLabel')}>
          <input name="kpi-label" value={form.label} onChange={set('label')} />
        </Field>
        <Field label={t('facet.type')}>
          <select name="kpi-type" value={form.type} onChange={set('type')}>
            {ASSET_TYPES.map((type) => (
              <option key={type} value={type}>
                {tx(`type.${type}`, type)}
              </option>
            ))}
          </select>
        </Field>
        {(['warehouse', 'schema', 'domain', 'tag', 'owner'] as const).map((key) => (
          <Field key={key} label={tx(`facet.${key}`, key)}>
            <input name={`kpi-${key}`} value={form[key]} onChange={set(key)} />
          </Field>
        ))}
        <Field label={t('governance.condition')}>
          <select name="kpi-condition" value={form.condition} onChange={set('condition')}>
            {CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {tx(`condition.${c}`, c)}
              </option>
            ))}
          </select>
        </Field>
        {(form.condition === 'has_tag' || form.condition === 'read_within_days') && (
          <Field label={form.condition === 'has_tag' ? tx('facet.tag', 'tag') : t('governance.days')}>
            <input name="kpi-argument" value={form.argument} onChange={set('argument')} required />
          </Field>
        )}
        <Field label={t('governance.targetPercent')}>
          <input name="kpi-target" type="number" min="0" max="100" value={form.target} onChange={set('target')} />
        </Field>
        <Field label={t('governance.deadline')}>
          <input name="kpi-deadline" type="date" value={form.deadline} onChange={set('deadline')} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={define.busy}>
          {t('common.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={define.error} />
      {done && <p className="note">{t('governance.defined')}</p>}
    </form>
  );
}
