import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { ConnectionTest, CrawlRun, Page, Warehouse } from '../../api/types';
import { useSession } from '../../components/Session';
import { Empty, ErrorMessage, Field, Loading, Paging, ProgressBar } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { useAction, useApi } from '../../lib/useApi';

const DIALECTS = ['', 'duckdb', 'postgres', 'mysql', 'mariadb', 'h2', 'hive', 'spark', 'snowflake', 'bigquery', 'trino', 'clickhouse', 'generic'];

const list = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The body of a PUT: the registration as it is, with the changes; no password keeps the stored one. */
function registration(w: Warehouse, changes: Partial<Warehouse>) {
  const next = { ...w, ...changes };
  return {
    name: next.name,
    jdbcUrl: next.jdbcUrl,
    username: next.username ?? null,
    dialect: next.dialect,
    includeSchemas: next.includeSchemas ?? [],
    excludeSchemas: next.excludeSchemas ?? [],
    includeTables: next.includeTables ?? [],
    excludeTables: next.excludeTables ?? [],
    profileColumns: next.profileColumns ?? false,
    profileSampleRows: next.profileSampleRows,
    maxRemovalShare: next.maxRemovalShare,
    schedule: next.schedule || null,
  };
}

export default function Warehouses() {
  const { t } = useI18n();
  const warehouses = useApi((signal) => api.get<Warehouse[]>('/api/v1/warehouses', undefined, signal), []);
  const [registering, setRegistering] = useState(false);
  return (
    <div className="warehouses" data-testid="warehouses">
      <div className="page-head">
        <h2>{t('admin.warehouses')}</h2>
        {!registering && (
          <button type="button" onClick={() => setRegistering(true)} data-testid="register-warehouse">
            + {t('warehouse.register')}
          </button>
        )}
      </div>
      {registering && (
        <RegisterForm
          onDone={(created) => {
            setRegistering(false);
            if (created) warehouses.reload();
          }}
        />
      )}
      <ErrorMessage error={warehouses.error} />
      {warehouses.loading && <Loading />}
      {warehouses.data?.length === 0 && <Empty>{t('warehouse.none')}</Empty>}
      {warehouses.data?.map((w) => <WarehouseCard key={w.name} warehouse={w} onChanged={warehouses.reload} />)}
    </div>
  );
}

function WarehouseCard({ warehouse, onChanged }: { warehouse: Warehouse; onChanged: () => void }) {
  const { t, num, dateTime } = useI18n();
  const { can } = useSession();
  const [run, setRun] = useState<CrawlRun | null>(null);
  const [force, setForce] = useState(false);
  const [historyPage, setHistoryPage] = useState(0);
  const [schedule, setSchedule] = useState(warehouse.schedule ?? '');
  const [scheduleSaved, setScheduleSaved] = useState(false);
  const [tested, setTested] = useState<ConnectionTest | null>(null);
  const history = useApi(
    (signal) => api.get<Page<CrawlRun>>(`/api/v1/warehouses/${encodeURIComponent(warehouse.name)}/crawls`, { page: historyPage, size: 5 }, signal),
    [warehouse.name, historyPage],
  );
  const test = useAction(async () => {
    setTested(null);
    setTested(await api.post<ConnectionTest>(`/api/v1/warehouses/${encodeURIComponent(warehouse.name)}/test`));
  });
  const crawl = useAction(async () => {
    const started = await api.post<CrawlRun>(`/api/v1/warehouses/${encodeURIComponent(warehouse.name)}/crawl`, undefined, {
      force: force || undefined,
    });
    setRun(started);
  });
  const saveSchedule = useAction(async () => {
    setScheduleSaved(false);
    await api.put<Warehouse>(`/api/v1/warehouses/${encodeURIComponent(warehouse.name)}`, registration(warehouse, { schedule }));
    setScheduleSaved(true);
    onChanged();
  });

  // the run's progress, read until it ends
  const polling = useRef<number>(undefined);
  const reloadHistory = history.reload;
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    polling.current = window.setTimeout(async () => {
      try {
        const next = await api.get<CrawlRun>(`/api/v1/crawls/${encodeURIComponent(run.id)}`);
        setRun(next);
        if (next.status !== 'running') reloadHistory();
      } catch (e) {
        setRun({ ...run, status: 'failed', error: e instanceof ApiError ? e.message : String(e) });
      }
    }, 400);
    return () => window.clearTimeout(polling.current);
  }, [run, reloadHistory]);

  return (
    <section className="card warehouse" data-testid={`warehouse-${warehouse.name}`}>
      <h3>
        {warehouse.name} <span className="badge">{warehouse.dialect}</span>
      </h3>
      <p className="muted">
        <code>{warehouse.jdbcUrl}</code>
        {warehouse.username && ` · ${warehouse.username}`}
        {warehouse.hasPassword && ` · ${t('warehouse.passwordSet')}`}
      </p>
      <div className="actions">
        <button type="button" onClick={() => test.run()} disabled={test.busy} data-testid="test-connection">
          {test.busy ? t('warehouse.testing') : t('warehouse.test')}
        </button>
        {can('steward') && (
          <>
            <button type="button" className="primary" onClick={() => crawl.run()} disabled={crawl.busy || run?.status === 'running'} data-testid="crawl-now">
              {t('warehouse.crawlNow')}
            </button>
            <label className="inline">
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t('warehouse.force')}
            </label>
          </>
        )}
      </div>
      <ErrorMessage error={test.error} what={t('warehouse.test')} />
      {tested && (
        <p className="ok" data-testid="test-result">
          ✓ {t('warehouse.testOk', { product: `${tested.product ?? ''} ${tested.productVersion ?? ''}`.trim(), ms: num(tested.durationMs ?? 0, 0) })}
        </p>
      )}
      <ErrorMessage error={crawl.error} what={t('warehouse.crawlNow')} />
      {run && (
        <div className="crawl-run" data-testid="crawl-run" data-status={run.status}>
          <ProgressBar value={run.progress} label={t('warehouse.progress')} />
          <span>
            {t(`crawl.${run.status}` as 'crawl.running')} ·{' '}
            {t('crawl.counts', { added: num(run.added, 0), changed: num(run.changed, 0), removed: num(run.removed, 0) })}
          </span>
          {run.error && (
            <div className="error" role="alert">
              {run.error}
            </div>
          )}
        </div>
      )}
      <form
        className="inline schedule"
        onSubmit={(e) => {
          e.preventDefault();
          saveSchedule.run();
        }}
      >
        <Field label={t('warehouse.schedule')}>
          <input
            name="schedule"
            value={schedule}
            placeholder="0 2 * * *"
            onChange={(e) => {
              setSchedule(e.target.value);
              setScheduleSaved(false);
            }}
            disabled={!can('admin')}
          />
        </Field>
        {can('admin') && (
          <button type="submit" disabled={saveSchedule.busy} data-testid="save-schedule">
            {t('common.save')}
          </button>
        )}
        <span className="muted">{t('warehouse.scheduleHint')}</span>
        {scheduleSaved && <span className="ok">✓ {t('common.saved')}</span>}
      </form>
      <ErrorMessage error={saveSchedule.error} what={t('warehouse.schedule')} />
      <details>
        <summary>{t('warehouse.history')}</summary>
        <ErrorMessage error={history.error} />
        <table className="grid" data-testid="crawl-history">
          <thead>
            <tr>
              <th>{t('crawl.started')}</th>
              <th>{t('crawl.by')}</th>
              <th>{t('crawl.status')}</th>
              <th className="num">{t('crawl.duration')}</th>
              <th className="num">{t('crawl.added')}</th>
              <th className="num">{t('crawl.changed')}</th>
              <th className="num">{t('crawl.removed')}</th>
              <th>{t('crawl.error')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data?.items.map((r) => (
              <tr key={r.id} className={r.status === 'failed' ? 'failed' : undefined}>
                <td>{dateTime(r.startedAt)}</td>
                <td>{r.startedBy}</td>
                <td>{t(`crawl.${r.status}` as 'crawl.running')}</td>
                <td className="num">{r.durationMs === null || r.durationMs === undefined ? '—' : t('crawl.seconds', { s: num(r.durationMs / 1000, 1) })}</td>
                <td className="num">{num(r.added, 0)}</td>
                <td className="num">{num(r.changed, 0)}</td>
                <td className="num">{num(r.removed, 0)}</td>
                <td>
                  {r.error}
                  {r.log && r.log.length > 0 && (
                    <details>
                      <summary>{t('crawl.log')}</summary>
                      <pre className="log">{r.log.join('\n')}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {history.data && <Paging page={historyPage} size={5} total={history.data.total} onPage={setHistoryPage} />}
      </details>
    </section>
  );
}

function RegisterForm({ onDone }: { onDone: (created: boolean) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: '',
    jdbcUrl: '',
    username: '',
    password: '',
    dialect: '',
    includeSchemas: '',
    excludeSchemas: '',
    includeTables: '',
    excludeTables: '',
    profileColumns: false,
    schedule: '',
  });
  const register = useAction(async () => {
    await api.post<Warehouse>('/api/v1/warehouses', {
      name: form.name.trim(),
      jdbcUrl: form.jdbcUrl.trim(),
      username: form.username.trim() || null,
      password: form.password || null,
      dialect: form.dialect || null,
      includeSchemas: list(form.includeSchemas),
      excludeSchemas: list(form.excludeSchemas),
      includeTables: list(form.includeTables),
      excludeTables: list(form.excludeTables),
      profileColumns: form.profileColumns,
      schedule: form.schedule.trim() || null,
    });
    onDone(true);
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.run();
  };
  return (
    <form className="card register" onSubmit={submit} data-testid="register-form">
      <h3>{t('warehouse.register')}</h3>
      <div className="filters">
        <Field label={t('warehouse.name')}>
          <input name="name" value={form.name} onChange={set('name')} required />
        </Field>
        <Field label={t('warehouse.jdbcUrl')}>
          <input name="jdbcUrl" value={form.jdbcUrl} onChange={set('jdbcUrl')} placeholder="jdbc:postgresql://host:5432/shop" required size={40} />
        </Field>
        <Field label={t('warehouse.username')}>
          <input name="username" value={form.username} onChange={set('username')} autoComplete="off" />
        </Field>
        <Field label={t('warehouse.password')}>
          <input name="password" type="password" value={form.password} onChange={set('password')} autoComplete="new-password" />
        </Field>
        <Field label={t('warehouse.dialect')}>
          <select name="dialect" value={form.dialect} onChange={set('dialect')}>
            {DIALECTS.map((d) => (
              <option key={d} value={d}>
                {d || t('warehouse.dialectFromUrl')}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('warehouse.includeSchemas')}>
          <input name="includeSchemas" value={form.includeSchemas} onChange={set('includeSchemas')} placeholder="sales*, crm" />
        </Field>
        <Field label={t('warehouse.excludeSchemas')}>
          <input name="excludeSchemas" value={form.excludeSchemas} onChange={set('excludeSchemas')} placeholder="scratch*" />
        </Field>
        <Field label={t('warehouse.includeTables')}>
          <input name="includeTables" value={form.includeTables} onChange={set('includeTables')} />
        </Field>
        <Field label={t('warehouse.excludeTables')}>
          <input name="excludeTables" value={form.excludeTables} onChange={set('excludeTables')} placeholder="*_tmp" />
        </Field>
        <Field label={t('warehouse.schedule')}>
          <input name="schedule" value={form.schedule} onChange={set('schedule')} placeholder="0 2 * * *" />
        </Field>
        <label className="inline">
          <input type="checkbox" checked={form.profileColumns} onChange={(e) => setForm({ ...form, profileColumns: e.target.checked })} />{' '}
          {t('warehouse.profileColumns')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={register.busy} data-testid="register-submit">
          {t('warehouse.registerSubmit')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={register.error} />
    </form>
  );
}
