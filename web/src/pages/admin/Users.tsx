import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Group, Page, User } from '../../api/types';
import { useSession } from '../../components/Session';
import { ErrorMessage, Field, Loading, Paging } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { ROLES } from '../../lib/ids';
import { useAction, useApi } from '../../lib/useApi';

const PAGE_SIZE = 50;

export default function Users() {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const users = useApi((signal) => api.get<Page<User>>('/api/v1/users', { page, size: PAGE_SIZE }, signal), [page]);
  const groups = useApi((signal) => api.get<Page<Group>>('/api/v1/groups', { size: 1000 }, signal), []);
  return (
    <div className="users" data-testid="users">
      <h2>{t('admin.users')}</h2>
      <CreateUser onCreated={users.reload} />
      <ErrorMessage error={users.error} />
      {users.loading && <Loading />}
      {users.data && (
        <table className="grid" data-testid="user-table">
          <thead>
            <tr>
              <th>{t('user.username')}</th>
              <th>{t('user.displayName')}</th>
              <th>{t('user.email')}</th>
              <th>{t('user.role')}</th>
              <th>{t('user.effectiveRole')}</th>
              <th>{t('user.groups')}</th>
              <th>{t('user.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <UserRow key={u.username} user={u} onChanged={users.reload} />
            ))}
          </tbody>
        </table>
      )}
      {users.data && <Paging page={page} size={PAGE_SIZE} total={users.data.total} onPage={setPage} />}
      <h2>{t('admin.groups')}</h2>
      <ErrorMessage error={groups.error} />
      {groups.data && (
        <table className="grid" data-testid="group-table">
          <thead>
            <tr>
              <th>{t('group.name')}</th>
              <th>{t('group.description')}</th>
              <th>{t('user.role')}</th>
              <th>{t('group.members')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.items.map((g) => (
              <GroupRow key={g.name} group={g} onChanged={groups.reload} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function RoleSelect({ value, onChange, allowNone, name }: { value: string | null; onChange: (role: string | null) => void; allowNone?: boolean; name: string }) {
  const { t, tx } = useI18n();
  return (
    <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      {allowNone && <option value="">{t('group.noRole')}</option>}
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {tx(`role.${r}`, r)}
        </option>
      ))}
    </select>
  );
}

function UserRow({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const { me } = useSession();
  const update = useAction(async (change: Record<string, unknown>) => {
    await api.put<User>(`/api/v1/users/${encodeURIComponent(user.username)}`, change);
    onChanged();
  });
  return (
    <>
      <tr data-testid={`user-${user.username}`}>
        <td>{user.username}</td>
        <td>{user.displayName}</td>
        <td>{user.email}</td>
        <td>
          <RoleSelect name={`role-${user.username}`} value={user.role} onChange={(role) => update.run({ role })} />
        </td>
        <td>{tx(`role.${user.effectiveRole}`, user.effectiveRole)}</td>
        <td>{user.groups.join(', ')}</td>
        <td>
          <label className="inline">
            <input
              type="checkbox"
              checked={!user.disabled}
              disabled={me?.username === user.username}
              onChange={(e) => update.run({ disabled: !e.target.checked })}
            />{' '}
            {user.disabled ? t('user.disabled') : t('user.active')}
          </label>
        </td>
      </tr>
      {update.error !== undefined && (
        <tr>
          <td colSpan={7}>
            <ErrorMessage error={update.error} what={user.username} />
          </td>
        </tr>
      )}
    </>
  );
}

function GroupRow({ group, onChanged }: { group: Group; onChanged: () => void }) {
  const update = useAction(async (role: string | null) => {
    await api.put<Group>(`/api/v1/groups/${encodeURIComponent(group.name)}`, {
      displayName: group.displayName,
      description: group.description,
      role,
      members: group.members,
    });
    onChanged();
  });
  return (
    <>
      <tr>
        <td>{group.name}</td>
        <td>{group.description}</td>
        <td>
          <RoleSelect name={`group-role-${group.name}`} value={group.role ?? null} allowNone onChange={(role) => update.run(role)} />
        </td>
        <td>{group.members.join(', ')}</td>
      </tr>
      {update.error !== undefined && (
        <tr>
          <td colSpan={4}>
            <ErrorMessage error={update.error} what={group.name} />
          </td>
        </tr>
      )}
    </>
  );
}

function CreateUser({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ username: '', displayName: '', email: '', role: 'viewer', password: '' });
  const create = useAction(async () => {
    await api.post<User>('/api/v1/users', {
      username: form.username.trim(),
      displayName: form.displayName.trim() || null,
      email: form.email.trim() || null,
      role: form.role,
      password: form.password,
    });
    setForm({ username: '', displayName: '', email: '', role: 'viewer', password: '' });
    setOpen(false);
    onCreated();
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="create-user">
        + {t('user.create')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.run();
  };
  return (
    <form className="card" onSubmit={submit} data-testid="create-user-form">
      <div className="filters">
        <Field label={t('user.username')}>
          <input name="new-username" value={form.username} onChange={set('username')} required autoComplete="off" />
        </Field>
        <Field label={t('user.displayName')}>
          <input name="new-displayName" value={form.displayName} onChange={set('displayName')} />
        </Field>
        <Field label={t('user.email')}>
          <input name="new-email" type="email" value={form.email} onChange={set('email')} />
        </Field>
        <Field label={t('user.role')}>
          <RoleSelect name="new-role" value={form.role} onChange={(role) => setForm({ ...form, role: role ?? 'viewer' })} />
        </Field>
        <Field label={t('signin.password')}>
          <input name="new-password" type="password" value={form.password} onChange={set('password')} required autoComplete="new-password" />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.busy} data-testid="create-user-submit">
          {t('user.create')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={create.error} />
    </form>
  );
}
