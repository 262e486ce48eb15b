import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from '../../components/Session';
import { useI18n } from '../../i18n/I18n';
import Audit from './Audit';
import Status from './Status';
import Users from './Users';
import Warehouses from './Warehouses';

export default function Admin() {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can('admin')) {
    return (
      <div className="page">
        <h1>{t('nav.admin')}</h1>
        <div className="error" role="alert">
          {t('admin.adminsOnly')}
        </div>
      </div>
    );
  }
  return (
    <div className="page admin-page">
      <h1>{t('nav.admin')}</h1>
      <nav className="tabs" aria-label={t('nav.admin')}>
        <NavLink className="tab" to="/admin/warehouses">
          {t('admin.warehouses')}
        </NavLink>
        <NavLink className="tab" to="/admin/users">
          {t('admin.users')}
        </NavLink>
        <NavLink className="tab" to="/admin/audit">
          {t('admin.audit')}
        </NavLink>
        <NavLink className="tab" to="/admin/status">
          {t('admin.status')}
        </NavLink>
      </nav>
      <div className="tab-panel">
        <Routes>
          <Route index element={<Navigate to="warehouses" replace />} />
          <Route path="warehouses" element={<Warehouses />} />
          <Route path="users" element={<Users />} />
          <Route path="audit" element={<Audit />} />
          <Route path="status" element={<Status />} />
        </Routes>
      </div>
    </div>
  );
}
