import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { listMetrics } from '../api/metrics';
import { Empty, ErrorMessage, Field, Loading, Owners } from '../components/ui';
import { useI18n } from '../i18n/I18n';
import { normalizeMetric, type MetricInfo } from '../lib/metric';
import { useQueryParams } from '../lib/searchParams';
import { useApi } from '../lib/useApi';

export default function Metrics() {
  const { t, lang, tx } = useI18n();
  const [params, setParams] = useQueryParams();
  const q = params.get('q') ?? '';
  const domain = params.get('domain') ?? '';
  const tag = params.get('tag') ?? '';
  const owner = params.get('owner') ?? '';
  const certified = params.get('certified') === 'true';
  const loaded = useApi((signal) => listMetrics(signal), []);
  const all = useMemo(
    () => (loaded.data?.items ?? []).map((m) => ({ ...normalizeMetric(m, lang), english: normalizeMetric(m, 'en'), chinese: normalizeMetric(m, 'zh') })),
    [loaded.data, lang],
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const matches = (m: MetricInfo & { english: MetricInfo; chinese: MetricInfo }) => {
    if (certified && !m.certified) return false;
    if (domain && m.domain !== domain) return false;
    if (tag && !m.tags.includes(tag)) return false;
    if (owner && !m.owners.includes(owner)) return false;
    if (!q) return true;
    const needle = q.toLowerCase();
    const { english, chinese } = m;
    return [m.name, english.label, chinese.label, english.description, chinese.description, ...english.synonyms, ...chinese.synonyms]
      .filter(Boolean)
      .some((text) => text!.toLowerCase().includes(needle));
  };
  const shown = all.filter(matches);
  const domains = [...new Set(all.map((m) => m.domain).filter((d): d is string => Boolean(d)))].sort();
  const tags = [...new Set(all.flatMap((m) => m.tags))].sort();
  const owners = [...new Set(all.flatMap((m) => m.owners))].sort();

  return (
    <div className="page metrics-page">
      <h1>{t('metrics.title')}</h1>
      <p className="muted">{t('metrics.intro')}</p>
      <div className="filters">
        <Field label={t('metrics.search')}>
          <input type="search" name="metric-q" value={q} onChange={(e) => set('q', e.target.value)} placeholder={t('metrics.searchPlaceholder')} />
        </Field>
        <Field label={t('facet.domain')}>
          <select value={domain} onChange={(e) => set('domain', e.target.value)} name="domain">
            <option value="">{t('common.all')}</option>
            {domains.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </Field>
        <Field label={t('facet.tags')}>
          <select value={tag} onChange={(e) => set('tag', e.target.value)} name="tag">
            <option value="">{t('common.all')}</option>
            {tags.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </Field>
        <Field label={t('facet.owner')}>
          <select value={owner} onChange={(e) => set('owner', e.target.value)} name="owner">
            <option value="">{t('common.all')}</option>
            {owners.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </Field>
        <label className="inline">
          <input type="checkbox" checked={certified} onChange={(e) => set('certified', e.target.checked ? 'true' : '')} name="certified" />{' '}
          {t('metrics.certifiedOnly')}
        </label>
      </div>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && <Loading />}
      {loaded.data && shown.length === 0 && <Empty>{t('metrics.none')}</Empty>}
      <div className="cards metric-cards">
        {shown.map((m) => (
          <Link key={m.name} to={`/metrics/${encodeURIComponent(m.name)}`} className="card metric-card" data-testid="metric-card">
            <div className="metric-card-head">
              <strong>{m.label}</strong>
              <span className={`badge status-${m.status}`}>{m.certified ? '✓ ' : ''}{tx(`lifecycle.${m.status}`, m.status)}</span>
            </div>
            <code className="muted">{m.name}</code>
            {m.description && <p>{m.description}</p>}
            <div className="metric-card-foot">
              <Owners owners={m.owners} />
              {m.domain && <span className="chip">{m.domain}</span>}
              {m.tags.map((x) => (
                <span key={x} className="chip tag">
                  {x}
                </span>
              ))}
            </div>
          </Link>
        ))}
      </div>
    </div>
  );
}
