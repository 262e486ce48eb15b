import { Link } from 'react-router-dom';
import type { Asset, Column } from '../../api/types';
import { Tags, Terms } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { assetLink, shortName } from '../../lib/ids';

/** A table's or view's columns with types, keys, descriptions, tags and terms. */
export default function Schema({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const columns = [...(asset.columns ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)) as Column[];
  const primary = new Set<string>(
    Array.isArray(asset.primaryKey) ? (asset.primaryKey as string[]) : columns.filter((c) => c.primaryKey).map((c) => c.id),
  );
  const foreign = new Map<string, string>();
  for (const key of asset.foreignKeys ?? []) key.columns.forEach((c, i) => foreign.set(c, key.references[i]));
  const isPrimary = (c: Column) => c.primaryKey === true || primary.has(c.id) || primary.has(c.name);

  return (
    <div className="table-scroll">
      <table className="grid schema" data-testid="schema">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('schema.column')}</th>
            <th>{t('schema.type')}</th>
            <th>{t('schema.key')}</th>
            <th>{t('schema.nullable')}</th>
            <th>{t('schema.description')}</th>
            <th>{t('schema.tagsTerms')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.id} data-testid={`column-${c.name}`}>
              <td className="num muted">{c.position}</td>
              <td>
                <Link to={assetLink(c.id)}>{c.name}</Link>
              </td>
              <td>
                <code>{c.dataType}</code>
              </td>
              <td>
                {isPrimary(c) && (
                  <span className="badge key" title={t('schema.primaryKey')}>
                    PK
                  </span>
                )}
                {foreign.has(c.id) && (
                  <Link className="badge key fk" to={assetLink(foreign.get(c.id)!)} title={t('schema.references', { column: foreign.get(c.id)! })}>
                    FK → {shortName(foreign.get(c.id)!.replace(/\.[^.]+$/, '')).concat('.', shortName(foreign.get(c.id)!))}
                  </Link>
                )}
              </td>
              <td>{c.nullable === false ? t('common.no') : t('common.yes')}</td>
              <td>{c.description || <span className="muted">{t('asset.noDescription')}</span>}</td>
              <td>
                <Tags tags={c.tags} /> <Terms terms={c.terms} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
