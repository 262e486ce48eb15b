// The portal's small i18n layer: English and Chinese messages, and dates and numbers through
// the browser's Intl for the chosen language. The choice is remembered; the first visit
// follows the browser's language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, type Lang, type MessageKey } from './messages';

const STORAGE_KEY = 'zt.lang';
const LOCALES: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

export function detectLanguage(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'en' || stored === 'zh') return stored;
  for (const language of browser) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = messages[lang][key] ?? messages.en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface I18n {
  lang: Lang;
  locale: string;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** A message whose key is built at run time (a type, a facet, a state); the fallback when there is none. */
  tx: (key: string, fallback: string, vars?: Record<string, string | number>) => string;
  /** A number in the language's grouping and decimals. */
  num: (value: number | null | undefined, digits?: number) => string;
  /** A percentage given as 0-100. */
  percent: (value: number | null | undefined, digits?: number) => string;
  bytes: (value: number | null | undefined) => string;
  /** An ISO date (YYYY-MM-DD) or a timestamp, as a date. */
  date: (value: string | null | undefined) => string;
  /** A time bucket labelled by its first day, shown at its grain: a month as "Mar 2025", a quarter as "2025 Q1". */
  period: (value: string | null | undefined, grain: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    detectLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages?.length ? navigator.languages : [navigator.language]),
  );
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = LOCALES[lang];
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const value = useMemo<I18n>(() => makeI18n(lang, setLang), [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void = () => {}): I18n {
  const locale = LOCALES[lang];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numberFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      numberFormats.set(digits, format);
    }
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const parseDay = (value: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  const dash = '—';
  return {
    lang,
    locale,
    setLang,
    t: (key, vars) => translate(lang, key, vars),
    tx: (key, fallback, vars) => (key in messages[lang] || key in messages.en ? translate(lang, key as MessageKey, vars) : fallback),
    num: (value, digits = 2) => (value === null || value === undefined || Number.isNaN(value) ? dash : numberFormat(digits).format(value)),
    percent: (value, digits = 1) =>
      value === null || value === undefined ? dash : `${numberFormat(digits).format(value)}%`,
    bytes: (value) => {
      if (value === null || value === undefined) return dash;
      const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
      let n = value;
      let unit = 0;
      while (n >= 1024 && unit < units.length - 1) {
        n /= 1024;
        unit++;
      }
      return `${numberFormat(unit === 0 ? 0 : 1).format(n)} ${units[unit]}`;
    },
    date: (value) => {
      if (!value) return dash;
      const parsed = parseDay(value);
      return Number.isNaN(parsed.getTime()) ? value : dateFormat.format(parsed);
    },
    period: (value, grain) => {
      if (!value) return dash;
      const parsed = parseDay(value);
      if (Number.isNaN(parsed.getTime())) return value;
      const year = parsed.getUTCFullYear();
      switch (grain) {
        case 'year':
          return lang === 'zh' ? `${year}年` : String(year);
        case 'quarter': {
          const quarter = Math.floor(parsed.getUTCMonth() / 3) + 1;
          return lang === 'zh' ? `${year}年第${quarter}季度` : `${year} Q${quarter}`;
        }
        case 'month':
          return monthFormat.format(parsed);
        case 'week':
          return translate(lang, 'result.weekOf', { date: dateFormat.format(parsed) });
        default:
          return dateFormat.format(parsed);
      }
    },
    dateTime: (value) => {
      if (!value) return dash;
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : dateTimeFormat.format(parsed);
    },
  };
}

export function useI18n(): I18n {
  const context = useContext(Context);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
