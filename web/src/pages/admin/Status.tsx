import { api } from '../../api/client';
import type { ServiceStatus } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { useApi } from '../../lib/useApi';

type Component = ServiceStatus['components'][number];

/** The optional parts an admin asks about first, found among the components that report. */
const OPTIONAL: { key: 'status.search' | 'status.llm'; pattern: RegExp }[] = [
  { key: 'status.search', pattern: /elastic|search/i },
  { key: 'status.llm', pattern: /llm|language.?model|langchain|openai|ollama/i },
];

export default function Status() {
  const { t } = useI18n();
  const status = useApi((signal) => api.get<ServiceStatus>('/api/v1/status', undefined, signal), []);
  const health = useApi((signal) => api.get<{ status: string }>('/health', undefined, signal), []);
  return (
    <div className="status" data-testid="status">
      <h2>{t('admin.status')}</h2>
      <ErrorMessage error={status.error} />
      {status.loading && <Loading />}
      <dl className="facts">
        <dt>{t('status.health')}</dt>
        <dd data-testid="status-health">{health.data?.status ?? (health.error ? 'DOWN' : '…')}</dd>
        {status.data && (
          <>
            <dt>{t('status.version')}</dt>
            <dd>{status.data.version}</dd>
            <dt>{t('status.store')}</dt>
            <dd data-testid="status-store">
              {status.data.store.kind === 'neo4j-embedded' ? t('status.storeEmbedded') : t('status.storeExternal', { uri: status.data.store.uri ?? '' })}
            </dd>
            {OPTIONAL.map(({ key, pattern }) => {
              const found = status.data!.components.filter((c) => pattern.test(c.name));
              return (
                <div key={key} className="fact-row" data-testid={key.replace('.', '-')}>
                  <dt>{t(key)}</dt>
                  <dd>
                    {found.length === 0 ? (
                      <span className="muted">{t('status.notConfigured')}</span>
                    ) : (
                      found.map((c) => <ComponentState key={c.name} component={c} />)
                    )}
                  </dd>
                </div>
              );
            })}
          </>
        )}
      </dl>
      {status.data && (
        <>
          <h3>{t('status.components')}</h3>
          <table className="grid" data-testid="components">
            <thead>
              <tr>
                <th>{t('status.component')}</th>
                <th>{t('status.state')}</th>
                <th>{t('status.details')}</th>
              </tr>
            </thead>
            <tbody>
              {status.data.components.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>
                    <ComponentState component={c} />
                  </td>
                  <td>
                    <code className="small">{c.details === undefined || c.details === null ? '' : JSON.stringify(c.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

function ComponentState({ component }: { component: Component }) {
  const up = component.status === 'UP';
  return <span className={`badge ${up ? 'status-met' : 'status-behind'}`}>{component.status}</span>;
}
