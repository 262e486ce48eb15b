import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Empty, ErrorMessage, Loading, TypeBadge } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { assetLink, encodeId } from '../../lib/ids';
import { countBy, impactRows, type ImpactAnswer } from '../../lib/impact';
import { useApi } from '../../lib/useApi';

/** Everything downstream of an asset that a change would reach, by owner, so they can be told. */
export default function Impact({ id }: { id: string }) {
  const { t, num } = useI18n();
  const impact = useApi((signal) => api.get<ImpactAnswer>(`/api/v1/lineage/${encodeId(id)}/impact`, undefined, signal), [id]);
  if (impact.loading) return <Loading />;
  if (impact.error) return <ErrorMessage error={impact.error} what={t('impact.title')} />;
  if (!impact.data) return null;
  const rows = impactRows(impact.data);
  if (rows.length === 0) return <Empty>{t('impact.none')}</Empty>;
  const byType = countBy(rows, (r) => [r.type]);
  const noOwner = t('impact.noOwner');
  const byOwner = countBy(rows, (r) => (r.owners.length ? r.owners : [noOwner]));
  return (
    <div className="impact" data-testid="impact">
      <p>
        <strong>{t('impact.summary', { count: num(rows.length, 0) })}</strong>{' '}
        {byType.map(([type, count]) => (
          <span key={type} className="chip">
            <TypeBadge type={type} /> {num(count, 0)}
          </span>
        ))}
      </p>
      {byOwner.map(([owner]) => (
        <section key={owner} className="impact-owner">
          <h3>
            {owner} <span className="muted">({num(rows.filter((r) => (r.owners.length ? r.owners.includes(owner) : owner === noOwner)).length, 0)})</span>
          </h3>
          <ul className="plain">
            {rows
              .filter((r) => (r.owners.length ? r.owners.includes(owner) : owner === noOwner))
              .map((r) => (
                <li key={r.id}>
                  <TypeBadge type={r.type} /> <Link to={assetLink(r.id)}>{r.name}</Link> <span className="muted">{r.id}</span>
                  {r.via.length > 0 && <span className="muted"> · {t('impact.via', { via: r.via.map((job) => job.replace(/^job:/, '')).join(', ') })}</span>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
