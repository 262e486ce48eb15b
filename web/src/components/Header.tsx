import { Link, NavLink } from 'react-router-dom';
import { useI18n } from '../i18n/I18n';
import LanguageSwitch from './LanguageSwitch';
import SearchBox from './SearchBox';
import { useSession } from './Session';

export default function Header() {
  const { t, tx } = useI18n();
  const { me, can, signOut } = useSession();
  return (
    <header className="header">
      <Link to="/" className="brand" aria-label={t('app.name')}>
        <span className="brand-mark">中</span>
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <nav className="nav" aria-label={t('header.navigation')}>
        <NavLink to="/search">{t('nav.catalog')}</NavLink>
        <NavLink to="/metrics">{t('nav.metrics')}</NavLink>
        {can('analyst') && <NavLink to="/chat">{t('nav.chat')}</NavLink>}
        <NavLink to="/governance">{t('nav.governance')}</NavLink>
        {can('admin') && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
      </nav>
      <SearchBox />
      <LanguageSwitch />
      <details className="user-menu">
        <summary data-testid="user-menu">
          {me?.displayName || me?.username} <span className="badge role">{tx(`role.${me?.effectiveRole}`, me?.effectiveRole ?? '')}</span>
        </summary>
        <div className="menu">
          <div className="menu-item muted">
            {me?.username} · {tx(`role.${me?.effectiveRole}`, me?.effectiveRole ?? '')}
          </div>
          {can('analyst') && (
            <Link className="menu-item" to="/tokens">
              {t('menu.tokens')}
            </Link>
          )}
          <button type="button" className="menu-item" onClick={signOut} data-testid="sign-out">
            {t('menu.signOut')}
          </button>
        </div>
      </details>
    </header>
  );
}
