import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ApiToken } from '../api/types';
import { Empty, ErrorMessage, Field, Loading } from '../components/ui';
import { useI18n } from '../i18n/I18n';
import { useAction, useApi } from '../lib/useApi';

/** One's own API tokens (analysts and above): create (the secret is shown once), list, revoke. */
export default function Tokens() {
  const { t, dateTime } = useI18n();
  const tokens = useApi((signal) => api.get<ApiToken[]>('/api/v1/tokens', undefined, signal), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<ApiToken | null>(null);
  const create = useAction(async () => {
    const token = await api.post<ApiToken>('/api/v1/tokens', { name: name.trim(), ...(days ? { expiresInDays: Number(days) } : {}) });
    setCreated(token);
    setName('');
    tokens.reload();
  });
  const revoke = useAction(async (id: string) => {
    await api.delete(`/api/v1/tokens/${encodeURIComponent(id)}`);
    tokens.reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.run();
  };
  return (
    <div className="page tokens-page">
      <h1>{t('tokens.title')}</h1>
      <p className="muted">{t('tokens.intro')}</p>
      <form className="filters" onSubmit={submit}>
        <Field label={t('tokens.name')}>
          <input name="token-name" value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('tokens.days')}>
          <input name="token-days" type="number" min="1" max="3650" value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={create.busy}>
          {t('tokens.create')}
        </button>
      </form>
      <ErrorMessage error={create.error} />
      {created?.token && (
        <div className="notice" data-testid="new-token">
          {t('tokens.once')} <code>{created.token}</code>
        </div>
      )}
      <ErrorMessage error={tokens.error} />
      {tokens.loading && <Loading />}
      {tokens.data?.length === 0 && <Empty>{t('tokens.none')}</Empty>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('tokens.name')}</th>
              <th>{t('tokens.created')}</th>
              <th>{t('tokens.expires')}</th>
              <th>{t('tokens.lastUsed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{dateTime(token.createdAt)}</td>
                <td>{token.expiresAt ? dateTime(token.expiresAt) : t('tokens.never')}</td>
                <td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : '—'}</td>
                <td>
                  <button type="button" onClick={() => revoke.run(token.id)} disabled={revoke.busy}>
                    {t('tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorMessage error={revoke.error} />
    </div>
  );
}
