import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession } from '../components/Session';
import { ErrorMessage, Field } from '../components/ui';
import LanguageSwitch from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18n';

export default function SignIn() {
  const { t } = useI18n();
  const { me, signIn, signedOutReason } = useSession();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (me) return <Navigate to={target} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (e) {
      // the service's reason is in English; a refused sign-in says so in the user's language
      setError(e instanceof ApiError && e.status === 401 ? new Error(t('signin.wrong')) : e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={submit} aria-label={t('signin.title')}>
        <div className="brand brand-large">
          <span className="brand-mark">中</span> {t('app.name')}
        </div>
        <h1>{t('signin.title')}</h1>
        <p className="muted">{t('signin.intro')}</p>
        {signedOutReason && <div className="notice">{t('signin.expired')}</div>}
        <Field label={t('signin.username')}>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </Field>
        <Field label={t('signin.password')}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </Field>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signin.signingIn') : t('signin.submit')}
        </button>
      </form>
    </div>
  );
}
