import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { Asset, Page, Warehouse } from '../api/types';
import SearchBox from '../components/SearchBox';
import { useSession } from '../components/Session';
import { ErrorMessage, Loading } from '../components/ui';
import { useI18n } from '../i18n/I18n';
import { useApi } from '../lib/useApi';

const COUNTED = ['table', 'view', 'column', 'job', 'term'] as const;

export default function Home() {
  const { t, num } = useI18n();
  const { me } = useSession();
  const counts = useApi(
    (signal) =>
      Promise.all(
        COUNTED.map((type) => api.get<Page<Asset>>('/api/v1/assets', { type, size: 1 }, signal).then((page) => [type, page.total] as const)),
      ),
    [],
  );
  const warehouses = useApi((signal) => api.get<Warehouse[]>('/api/v1/warehouses', undefined, signal), []);

  return (
    <div className="page home">
      <section className="hero">
        <h1>{t('home.welcome', { name: me?.displayName || me?.username || '' })}</h1>
        <p className="muted">{t('home.intro')}</p>
        <SearchBox large />
      </section>
      <section>
        <h2>{t('home.catalog')}</h2>
        <ErrorMessage error={counts.error} />
        {counts.loading && <Loading />}
        <div className="cards">
          {counts.data?.map(([type, total]) => (
            <Link key={type} className="card stat" to={`/search?type=${type}`} data-testid={`count-${type}`}>
              <span className="stat-value">{num(total, 0)}</span>
              <span className="stat-label">{t(`home.count.${type}`)}</span>
            </Link>
          ))}
        </div>
      </section>
      <section>
        <h2>{t('home.warehouses')}</h2>
        <ErrorMessage error={warehouses.error} />
        <ul className="plain">
          {warehouses.data?.map((w) => (
            <li key={w.name}>
              <Link to={`/search?q=&type=table&filter=${encodeURIComponent(`warehouse:${w.name}`)}`}>{w.name}</Link>{' '}
              <span className="muted">
                {w.dialect} · {w.jdbcUrl}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="cards">
        <Link className="card link-card" to="/metrics">
          <strong>{t('nav.metrics')}</strong>
          <span className="muted">{t('home.metricsText')}</span>
        </Link>
        <Link className="card link-card" to="/chat">
          <strong>{t('nav.chat')}</strong>
          <span className="muted">{t('home.chatText')}</span>
        </Link>
        <Link className="card link-card" to="/governance">
          <strong>{t('nav.governance')}</strong>
          <span className="muted">{t('home.governanceText')}</span>
        </Link>
      </section>
    </div>
  );
}
