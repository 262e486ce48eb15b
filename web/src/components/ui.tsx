import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { OwnerRef, TagRef } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { assetLink } from '../lib/ids';

/** An error as a readable message, placed next to what caused it. */
export function ErrorMessage({ error, what }: { error: unknown; what?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  let message: ReactNode;
  let details: ReactNode = null;
  if (error instanceof ApiError) {
    if (error.missingRoute) {
      message = t('error.notAvailable', { call: `${error.method} ${error.path}` });
    } else if (error.status === 0) {
      message = t('error.unreachable');
    } else if (error.status === 403) {
      message = `${t('error.forbidden')} ${error.problem?.detail ?? ''}`;
    } else {
      message = error.problem?.detail ?? t('error.http', { status: error.status });
    }
    const problem = error.problem;
    if (problem?.errors?.length || problem?.position) {
      details = (
        <ul className="error-details">
          {problem.errors?.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.reason}
            </li>
          ))}
          {problem.position && <li>{t('error.position', { line: problem.position.line, column: problem.position.column })}</li>}
        </ul>
      );
    }
  } else if (error instanceof Error) {
    message = error.message;
  } else {
    message = String(error);
  }
  return (
    <div className="error" role="alert" data-testid="error">
      {what && <strong>{what}: </strong>}
      {message}
      {details}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      {label ?? t('common.loading')}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function Paging({
  page,
  size,
  total,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t, num } = useI18n();
  if (total <= size && page === 0) return null;
  const from = total === 0 ? 0 : page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return (
    <nav className="paging" aria-label={t('common.paging')}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ‹ {t('common.previous')}
      </button>
      <span data-testid="paging-range">{t('common.range', { from: num(from, 0), to: num(to, 0), total: num(total, 0) })}</span>
      <button type="button" disabled={to >= total} onClick={() => onPage(page + 1)}>
        {t('common.next')} ›
      </button>
    </nav>
  );
}

export function Tabs<T extends string>({
  tabs,
  current,
  onChange,
}: {
  tabs: { id: T; label: string; hidden?: boolean }[];
  current: T;
  onChange: (id: T) => void;
}) {
  return (
    <div className="tabs" role="tablist">
      {tabs
        .filter((tab) => !tab.hidden)
        .map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === current}
            className={tab.id === current ? 'tab active' : 'tab'}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
          </button>
        ))}
    </div>
  );
}

/** A tag; propagated and automatic ones say so. */
export function TagChip({ tag }: { tag: TagRef }) {
  const { t } = useI18n();
  const source = tag.source ?? 'manual';
  const title =
    source === 'propagated' ? t('tag.propagated') : source === 'automatic' ? t('tag.automatic') : t('tag.manual');
  return (
    <span className={`chip tag tag-${source}`} title={title} data-source={source}>
      {tag.name}
      {tag.kind ? `:${tag.kind}` : ''}
      {source !== 'manual' && <small className="tag-source">{source === 'propagated' ? t('tag.propagatedShort') : t('tag.automaticShort')}</small>}
    </span>
  );
}

export function Tags({ tags }: { tags: TagRef[] | undefined }) {
  if (!tags || tags.length === 0) return null;
  return (
    <span className="chips">
      {tags.map((tag) => (
        <TagChip key={`${tag.name}:${tag.kind ?? ''}:${tag.source ?? ''}`} tag={tag} />
      ))}
    </span>
  );
}

export function Owners({ owners }: { owners: (OwnerRef | string)[] | undefined }) {
  const { t } = useI18n();
  if (!owners || owners.length === 0) return <span className="muted">{t('asset.noOwner')}</span>;
  return (
    <span className="chips">
      {owners.map((owner) => {
        const id = typeof owner === 'string' ? owner : owner.id;
        const name = typeof owner === 'string' ? owner.replace(/^(user|group):/, '') : owner.name ?? id.replace(/^(user|group):/, '');
        return (
          <span key={id} className="chip owner" title={id}>
            {name}
            {id.startsWith('group:') && <small className="muted">{t('type.group')}</small>}
          </span>
        );
      })}
    </span>
  );
}

export function Terms({ terms }: { terms: string[] | undefined }) {
  if (!terms || terms.length === 0) return null;
  return (
    <span className="chips">
      {terms.map((term) => (
        <Link key={term} className="chip term" to={assetLink(`term:${term}`)}>
          {term}
        </Link>
      ))}
    </span>
  );
}

export function TypeBadge({ type }: { type: string }) {
  const { tx } = useI18n();
  return <span className={`badge type-${type}`}>{tx(`type.${type}`, type)}</span>;
}

export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <div className="progress-fill" style={{ width: `${percent}%` }} />
      <span className="progress-label">{percent}%</span>
    </div>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}
