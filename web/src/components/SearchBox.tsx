import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams, useLocation } from 'react-router-dom';
import { suggest } from '../api/search';
import type { Suggestion } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { assetLink, qualifiedNameOf } from '../lib/ids';
import { TypeBadge } from './ui';

/** The header's search box: suggestions as you type, Enter for the full results. */
export default function SearchBox({ large = false }: { large?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [text, setText] = useState(() => (location.pathname === '/search' ? params.get('q') ?? '' : ''));
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const lastTyped = useRef('');

  useEffect(() => {
    if (location.pathname === '/search') setText(params.get('q') ?? '');
  }, [location.pathname, params]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || q === lastTyped.current) {
      if (q.length < 2) setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggest(q, controller.signal)
        .then((found) => {
          lastTyped.current = '';
          setSuggestions(found.slice(0, 10));
          setActive(-1);
        })
        .catch(() => setSuggestions([]));
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const go = (suggestion: Suggestion) => {
    setOpen(false);
    setSuggestions([]);
    navigate(assetLink(suggestion.id));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (active >= 0 && suggestions[active]) {
      go(suggestions[active]);
      return;
    }
    setOpen(false);
    if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(suggestions.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && suggestions.length > 0;
  return (
    <form className={large ? 'search-box large' : 'search-box'} role="search" onSubmit={submit}>
      <input
        type="search"
        name="q"
        aria-label={t('search.placeholder')}
        placeholder={t('search.placeholder')}
        value={text}
        autoComplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls="search-suggestions"
        aria-activedescendant={active >= 0 ? `suggestion-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      <button type="submit" className="search-button" aria-label={t('search.submit')}>
        {t('search.submit')}
      </button>
      {showList && (
        <ul className="suggestions" id="search-suggestions" role="listbox" data-testid="suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s.id}
              id={`suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                go(s);
              }}
            >
              <TypeBadge type={s.type} /> <strong>{s.name}</strong>{' '}
              <span className="muted">{qualifiedNameOf(s.id)}</span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
