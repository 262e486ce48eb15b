import { describe, expect, it } from 'vitest';
import { detectLanguage, makeI18n, translate } from './I18n';
import { messages } from './messages';

describe('i18n', () => {
  it('defaults to the browser language, and a stored choice wins', () => {
    expect(detectLanguage(null, ['zh-CN', 'en'])).toBe('zh');
    expect(detectLanguage(null, ['zh-TW'])).toBe('zh');
    expect(detectLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLanguage(null, ['fr-FR'])).toBe('en');
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('has every message in both languages, none left empty or untranslated by accident', () => {
    const english = Object.keys(messages.en).sort();
    expect(Object.keys(messages.zh).sort()).toEqual(english);
    const same = english.filter((key) => messages.zh[key as keyof typeof messages.zh] === messages.en[key as keyof typeof messages.en]);
    // the same in both: brand-neutral words such as SQL, CSV and JDBC URL
    expect(same.sort()).toEqual(['asset.sql', 'governance.exportCsv', 'warehouse.jdbcUrl']);
    for (const key of english) expect(messages.zh[key as keyof typeof messages.zh].length).toBeGreaterThan(0);
  });

  it('fills placeholders, and both languages keep the same placeholders', () => {
    expect(translate('zh', 'common.range', { from: 1, to: 20, total: 75 })).toBe('第 1–20 条，共 75 条');
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(messages.zh[key]), key).toEqual(names(messages.en[key]));
    }
  });

  it('formats numbers, percentages, bytes and dates for the language', () => {
    const en = makeI18n('en');
    const zh = makeI18n('zh');
    expect(en.num(1234567.891)).toBe('1,234,567.89');
    expect(zh.num(1234567.891)).toBe('1,234,567.89');
    expect(en.percent(87.456)).toBe('87.5%');
    expect(en.bytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(en.date('2025-03-01')).toBe('Mar 1, 2025');
    expect(zh.date('2025-03-01')).toBe('2025年3月1日');
    expect(en.num(null)).toBe('—');
  });

  it('shows a time bucket at its grain', () => {
    const en = makeI18n('en');
    const zh = makeI18n('zh');
    expect(en.period('2025-03-01', 'month')).toBe('Mar 2025');
    expect(zh.period('2025-03-01', 'month')).toBe('2025年3月');
    expect(en.period('2025-04-01', 'quarter')).toBe('2025 Q2');
    expect(zh.period('2025-04-01', 'quarter')).toBe('2025年第2季度');
    expect(zh.period('2025-01-01', 'year')).toBe('2025年');
    expect(en.period('2024-12-30', 'week')).toBe('week of Dec 30, 2024');
    expect(en.period('2025-03-05', null)).toBe('Mar 5, 2025');
  });
});
