import { Link } from 'react-router-dom';
import { search } from '../api/search';
import type { FacetValue, SearchHit } from '../api/types';
import { Empty, ErrorMessage, Loading, Paging, TypeBadge } from '../components/ui';
import { useI18n } from '../i18n/I18n';
import { assetLink } from '../lib/ids';
import { snippetParts } from '../lib/snippet';
import { useQueryParams } from '../lib/searchParams';
import { useApi } from '../lib/useApi';

const PAGE_SIZE = 20;
const FACET_ORDER = ['type', 'warehouse', 'schema', 'domain', 'owner', 'tags', 'certified'];

/** The filter key a facet's values are sent back with (`filter=tag:pii`). */
export function filterKey(facet: string): string {
  if (facet === 'tags') return 'tag';
  if (facet === 'owners') return 'owner';
  if (facet === 'terms') return 'term';
  return facet;
}

export default function Search() {
  const { t, num } = useI18n();
  const [params, setParams] = useQueryParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const filters = params.getAll('filter');
  const page = Number(params.get('page') ?? 0) || 0;
  const explain = params.get('explain') === 'true';

  const result = useApi(
    (signal) => search({ q, type: type || undefined, filter: filters, page, size: PAGE_SIZE, explain }, signal),
    [q, type, filters.join('\u0000'), page, explain],
  );

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    if (!next.has('page') || next.get('page') === '0') next.delete('page');
    setParams(next);
  };

  const toggle = (facet: string, value: string) =>
    update((next) => {
      next.delete('page');
      if (facet === 'type') {
        if (type === value) next.delete('type');
        else next.set('type', value);
        return;
      }
      const entry = `${filterKey(facet)}:${value}`;
      const current = next.getAll('filter');
      next.delete('filter');
      const updated = current.includes(entry) ? current.filter((f) => f !== entry) : [...current, entry];
      updated.forEach((f) => next.append('filter', f));
    });

  const isSelected = (facet: string, value: string) =>
    facet === 'type' ? type === value : filters.includes(`${filterKey(facet)}:${value}`);

  const data = result.data;
  const facets = data?.facets ?? {};
  const facetNames = [...FACET_ORDER.filter((f) => f in facets), ...Object.keys(facets).filter((f) => !FACET_ORDER.includes(f))];

  return (
    <div className="page search-page">
      <h1>{q ? t('search.resultsFor', { q }) : t('search.browse')}</h1>
      <div className="search-layout">
        <aside className="facets" aria-label={t('search.facets')}>
          {(type || filters.length > 0) && (
            <div className="selected-filters">
              {type && (
                <button type="button" className="chip removable" onClick={() => toggle('type', type)}>
                  {t('facet.type')}: {type} ✕
                </button>
              )}
              {filters.map((f) => (
                <button
                  type="button"
                  key={f}
                  className="chip removable"
                  onClick={() =>
                    update((next) => {
                      const rest = next.getAll('filter').filter((x) => x !== f);
                      next.delete('filter');
                      next.delete('page');
                      rest.forEach((x) => next.append('filter', x));
                    })
                  }
                >
                  {f} ✕
                </button>
              ))}
            </div>
          )}
          {facetNames.map((facet) => (
            <Facet key={facet} name={facet} values={facets[facet] ?? []} selected={(v) => isSelected(facet, v)} onToggle={(v) => toggle(facet, v)} />
          ))}
        </aside>
        <section className="results">
          <div className="results-bar">
            <span data-testid="result-count">{data ? t('search.total', { total: num(data.total, 0) }) : ''}</span>
            <label className="inline">
              <input
                type="checkbox"
                checked={explain}
                onChange={(e) =>
                  update((next) => {
                    if (e.target.checked) next.set('explain', 'true');
                    else next.delete('explain');
                  })
                }
              />{' '}
              {t('search.explain')}
            </label>
          </div>
          <ErrorMessage error={result.error} />
          {result.loading && <Loading />}
          {data && data.hits.length === 0 && <Empty>{t('search.noResults')}</Empty>}
          <ol className="hits" start={page * PAGE_SIZE + 1}>
            {data?.hits.map((hit) => <Hit key={hit.id} hit={hit} q={q} explain={explain} />)}
          </ol>
          {data && <Paging page={page} size={PAGE_SIZE} total={data.total} onPage={(p) => update((next) => next.set('page', String(p)))} />}
        </section>
      </div>
    </div>
  );
}

function Facet({
  name,
  values,
  selected,
  onToggle,
}: {
  name: string;
  values: FacetValue[];
  selected: (value: string) => boolean;
  onToggle: (value: string) => void;
}) {
  const { t, tx, num } = useI18n();
  const title = tx(`facet.${name}`, name);
  if (values.length === 0) return null;
  return (
    <fieldset className="facet" data-testid={`facet-${name}`}>
      <legend>{title}</legend>
      {values.slice(0, 12).map((v) => (
        <label key={v.value} className="facet-value">
          <input type="checkbox" checked={selected(v.value)} onChange={() => onToggle(v.value)} />
          <span>{name === 'certified' ? (v.value === 'true' ? t('common.yes') : t('common.no')) : v.value}</span>
          {v.count >= 0 && <span className="count">{num(v.count, 0)}</span>}
        </label>
      ))}
    </fieldset>
  );
}

function Hit({ hit, q, explain }: { hit: SearchHit; q: string; explain: boolean }) {
  const { t, num } = useI18n();
  const parts = hit.snippet ? snippetParts(hit.snippet, q) : [];
  return (
    <li className="hit" data-testid="hit">
      <div className="hit-title">
        <TypeBadge type={hit.type} /> <Link to={assetLink(hit.id)}>{hit.name}</Link>
        <span className="muted"> {hit.qualifiedName ?? ''}</span>
        {explain && hit.score !== undefined && <span className="score">{t('search.score', { score: num(hit.score, 3) })}</span>}
      </div>
      {parts.length > 0 && (
        <p className="snippet">
          {parts.map((p, i) => (p.highlighted ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
        </p>
      )}
      {explain && hit.explain !== undefined && hit.explain !== null && (
        <details className="explain" open>
          <summary>{t('search.whyHere')}</summary>
          <pre data-testid="explain">{typeof hit.explain === 'string' ? hit.explain : JSON.stringify(hit.explain, null, 2)}</pre>
        </details>
      )}
    </li>
  );
}
