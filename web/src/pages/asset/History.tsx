import { useState } from 'react';
import { api } from '../../api/client';
import type { ChangeEvent, Page } from '../../api/types';
import { Empty, ErrorMessage, Loading, Paging } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import ChangesTable from '../../components/ChangesTable';
import { encodeId } from '../../lib/ids';
import { useApi } from '../../lib/useApi';

const PAGE_SIZE = 20;

/** Every version of an asset, newest first, each change as a diff; breaking ones marked. */
export default function History({ id }: { id: string }) {
  const { t, tx, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const [breakingOnly, setBreakingOnly] = useState(false);
  const history = useApi(
    (signal) => api.get<Page<ChangeEvent>>(`/api/v1/assets/${encodeId(id)}/history`, { page, size: PAGE_SIZE }, signal),
    [id, page],
  );
  const events = (history.data?.items ?? []).filter((e) => !breakingOnly || e.breaking);
  return (
    <div className="history" data-testid="history">
      <label className="inline">
        <input type="checkbox" checked={breakingOnly} onChange={(e) => setBreakingOnly(e.target.checked)} /> {t('history.breakingOnly')}
      </label>
      <ErrorMessage error={history.error} />
      {history.loading && <Loading />}
      {history.data && events.length === 0 && <Empty>{t('history.none')}</Empty>}
      <ol className="versions">
        {events.map((event) => (
          <li key={event.version} className={event.breaking ? 'version breaking' : 'version'} data-testid={`version-${event.version}`}>
            <div className="version-head">
              <strong>{t('asset.version', { version: event.version })}</strong>
              {event.kind && <span className="badge">{tx(`history.kind.${event.kind}`, event.kind)}</span>}
              {event.breaking && <span className="badge danger">{t('history.breaking')}</span>}
              <span className="muted">{t('history.byAt', { by: event.by, at: dateTime(event.at) })}</span>
            </div>
            <ChangesTable changes={event.changes} />
          </li>
        ))}
      </ol>
      {history.data && <Paging page={page} size={PAGE_SIZE} total={history.data.total} onPage={setPage} />}
    </div>
  );
}
