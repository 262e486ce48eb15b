import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { Empty, ErrorMessage, Field, Loading, Paging } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { useApi } from '../../lib/useApi';

const PAGE_SIZE = 50;

export default function Audit() {
  const { t, dateTime } = useI18n();
  const [user, setUser] = useState('');
  const [since, setSince] = useState('');
  const [applied, setApplied] = useState({ user: '', since: '' });
  const [page, setPage] = useState(0);
  const entries = useApi(
    (signal) =>
      api.get<Page<AuditEntry>>(
        '/api/v1/audit',
        {
          user: applied.user || undefined,
          // the form's local time, sent as the UTC instant the API takes
          since: applied.since ? new Date(applied.since).toISOString() : undefined,
          page,
          size: PAGE_SIZE,
        },
        signal,
      ),
    [applied, page],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(0);
    setApplied({ user: user.trim(), since });
  };
  return (
    <div className="audit" data-testid="audit">
      <h2>{t('admin.audit')}</h2>
      <form className="filters" onSubmit={submit}>
        <Field label={t('audit.user')}>
          <input name="audit-user" value={user} onChange={(e) => setUser(e.target.value)} />
        </Field>
        <Field label={t('audit.since')}>
          <input name="audit-since" type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
        </Field>
        <button type="submit" data-testid="audit-filter">
          {t('audit.filter')}
        </button>
      </form>
      <ErrorMessage error={entries.error} />
      {entries.loading && <Loading />}
      {entries.data && entries.data.items.length === 0 && <Empty>{t('audit.none')}</Empty>}
      {entries.data && entries.data.items.length > 0 && (
        <table className="grid" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('audit.user')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.target')}</th>
              <th className="num">{t('audit.status')}</th>
              <th>{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.items.map((entry) => (
              <tr key={entry.id} className={entry.status >= 400 ? 'failed' : undefined} data-testid="audit-row">
                <td>{dateTime(entry.at)}</td>
                <td>{entry.user}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.target}</td>
                <td className="num">{entry.status}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.data && <Paging page={page} size={PAGE_SIZE} total={entries.data.total} onPage={setPage} />}
    </div>
  );
}
