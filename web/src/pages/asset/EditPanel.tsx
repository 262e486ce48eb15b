import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Asset, Classification, Group, Page, User } from '../../api/types';
import { useSession } from '../../components/Session';
import { ErrorMessage, Field } from '../../components/ui';
import { useI18n } from '../../i18n/I18n';
import { encodeId } from '../../lib/ids';
import { useApi } from '../../lib/useApi';

const CLASSIFICATIONS: Record<string, string> = { term: 'terms', tag: 'tags', domain: 'domains' };

/**
 * Editing of what stewards curate: description, owners, tags (the manual ones; automatic and
 * propagated tags stay), glossary terms. Terms, tags and domains themselves are edited through
 * their own endpoints (description, synonyms, owners).
 */
export default function EditPanel({ asset, onDone }: { asset: Asset; onDone: (updated?: Partial<Asset>) => void }) {
  const { t } = useI18n();
  const { can, me } = useSession();
  const classification = CLASSIFICATIONS[asset.type];
  const [description, setDescription] = useState(asset.description ?? '');
  const [owners, setOwners] = useState<string[]>(asset.owners.map((o) => o.id));
  const [ownerInput, setOwnerInput] = useState('');
  const [tags, setTags] = useState<string[]>(asset.tags.filter((tag) => (tag.source ?? 'manual') === 'manual').map((tag) => tag.name));
  const [terms, setTerms] = useState<string[]>(asset.terms);
  const [synonyms, setSynonyms] = useState((asset.synonyms ?? []).join(', '));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const options = useApi(
    async (signal) => {
      const [groups, users, tagList, termList] = await Promise.all([
        api.get<Page<Group>>('/api/v1/groups', { size: 1000 }, signal),
        can('admin') ? api.get<Page<User>>('/api/v1/users', { size: 1000 }, signal) : Promise.resolve(null),
        api.get<Page<Classification>>('/api/v1/tags', { size: 1000 }, signal),
        api.get<Page<Classification>>('/api/v1/terms', { size: 1000 }, signal),
      ]);
      const people = [...groups.items.map((g) => g.id), ...(users ? users.items.map((u) => u.id) : me ? [me.id] : [])];
      return { people, tags: tagList.items.map((x) => x.name), terms: termList.items.map((x) => x.name) };
    },
    [],
  );

  const addOwner = () => {
    const value = ownerInput.trim();
    if (!value) return;
    const id = /^(user|group):/.test(value) ? value : `user:${value}`;
    if (!owners.includes(id)) setOwners([...owners, id]);
    setOwnerInput('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (classification) {
        const updated = await api.put<Asset>(`/api/v1/${classification}/${encodeURIComponent(asset.name)}`, {
          description: description.trim() ? description : null,
          synonyms: synonyms.split(/[,，]/).map((s) => s.trim()).filter(Boolean),
          owners,
        });
        onDone({ description: updated.description, synonyms: updated.synonyms, owners: updated.owners, version: updated.version });
      } else {
        const patch: Record<string, unknown> = {};
        if ((asset.description ?? '') !== description) patch.description = description.trim() ? description : null;
        if (JSON.stringify(asset.owners.map((o) => o.id)) !== JSON.stringify(owners)) patch.owners = owners;
        const manual = asset.tags.filter((tag) => (tag.source ?? 'manual') === 'manual').map((tag) => tag.name);
        if (JSON.stringify(manual) !== JSON.stringify(tags)) {
          // a manual tag keeps its kind (pii:email) when it stays
          patch.tags = tags.map((name) => {
            const kept = asset.tags.find((tag) => tag.name === name && (tag.source ?? 'manual') === 'manual');
            return kept?.kind ? { name, kind: kept.kind } : name;
          });
        }
        if (JSON.stringify(asset.terms) !== JSON.stringify(terms)) patch.terms = terms;
        if (Object.keys(patch).length === 0) {
          onDone();
          return;
        }
        const updated = await api.patch<Asset>(`/api/v1/assets/${encodeId(asset.id)}`, patch);
        onDone(updated);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (list: string[], set: (next: string[]) => void, value: string) =>
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <form className="edit-panel" onSubmit={submit} data-testid="edit-panel">
      <Field label={t('asset.description')}>
        <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      {classification && (
        <Field label={t('asset.synonyms')}>
          <input name="synonyms" value={synonyms} onChange={(e) => setSynonyms(e.target.value)} />
        </Field>
      )}
      <fieldset>
        <legend>{t('asset.owners')}</legend>
        <div className="chips">
          {owners.map((o) => (
            <button type="button" key={o} className="chip removable" onClick={() => setOwners(owners.filter((x) => x !== o))}>
              {o} ✕
            </button>
          ))}
        </div>
        <div className="inline">
          <input
            list="owner-options"
            name="owner"
            placeholder={t('edit.ownerPlaceholder')}
            value={ownerInput}
            onChange={(e) => setOwnerInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addOwner();
              }
            }}
          />
          <datalist id="owner-options">
            {options.data?.people.map((p) => <option key={p} value={p} />)}
          </datalist>
          <button type="button" onClick={addOwner}>
            {t('edit.addOwner')}
          </button>
        </div>
      </fieldset>
      {!classification && (
        <>
          <fieldset data-testid="edit-tags">
            <legend>{t('asset.tags')}</legend>
            {options.data?.tags.length === 0 && <span className="muted">{t('edit.noTags')}</span>}
            {options.data?.tags.map((tag) => (
              <label key={tag} className="inline">
                <input type="checkbox" checked={tags.includes(tag)} onChange={() => toggle(tags, setTags, tag)} /> {tag}
              </label>
            ))}
            <p className="note">{t('edit.tagsNote')}</p>
          </fieldset>
          <fieldset data-testid="edit-terms">
            <legend>{t('asset.terms')}</legend>
            {options.data?.terms.length === 0 && <span className="muted">{t('edit.noTerms')}</span>}
            {options.data?.terms.map((term) => (
              <label key={term} className="inline">
                <input type="checkbox" checked={terms.includes(term)} onChange={() => toggle(terms, setTerms, term)} /> {term}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <ErrorMessage error={options.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
