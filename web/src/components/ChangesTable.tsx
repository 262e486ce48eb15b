import { useI18n } from '../i18n/I18n';
import { diffValues } from '../lib/diff';

/** What one version changed, field by field: lists as what was taken out and put in. */
export default function ChangesTable({ changes }: { changes: { field: string; before: unknown; after: unknown }[] }) {
  const { t } = useI18n();
  return (
    <table className="grid diff">
      <thead>
        <tr>
          <th>{t('history.field')}</th>
          <th>{t('history.before')}</th>
          <th>{t('history.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, i) => {
          const diff = diffValues(change.before, change.after);
          return (
            <tr key={i}>
              <td>
                <code>{change.field}</code>
              </td>
              {diff.list ? (
                <>
                  <td className="removed">{diff.removed.map((r) => <del key={r}>{r}</del>)}</td>
                  <td className="added">{diff.added.map((r) => <ins key={r}>{r}</ins>)}</td>
                </>
              ) : (
                <>
                  <td className="removed">{diff.before === null ? <span className="muted">—</span> : <del>{diff.before}</del>}</td>
                  <td className="added">{diff.after === null ? <span className="muted">—</span> : <ins>{diff.after}</ins>}</td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
