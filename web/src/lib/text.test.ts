import { describe, expect, it } from 'vitest';
import { diffValues } from './diff';
import { countBy, impactRows } from './impact';
import { formula, normalizeMetric, reviewActions } from './metric';
import { highlightTerms, snippetParts } from './snippet';

describe('snippets', () => {
  it('keeps only highlight markup and treats the rest as text', () => {
    expect(snippetParts('Paid <em>orders</em> per <b>day</b> <script>x</script>')).toEqual([
      { text: 'Paid ', highlighted: false },
      { text: 'orders', highlighted: true },
      { text: ' per ', highlighted: false },
      { text: 'day', highlighted: true },
      { text: ' <script>x</script>', highlighted: false },
    ]);
  });

  it('marks the query words in plain text, ignoring field prefixes', () => {
    expect(highlightTerms('Orders by table', 'type:table order')).toEqual([
      { text: 'Order', highlighted: true },
      { text: 's by table', highlighted: false },
    ]);
    expect(highlightTerms('orders placed online', 'online orders')).toEqual([
      { text: 'orders', highlighted: true },
      { text: ' placed ', highlighted: false },
      { text: 'online', highlighted: true },
    ]);
  });
});

describe('history diffs', () => {
  it('lists what came and went in a list and both sides of a value', () => {
    expect(diffValues(['group:crm'], ['group:crm', 'group:data-team'])).toMatchObject({ list: true, added: ['group:data-team'], removed: [] });
    expect(diffValues([{ name: 'pii', kind: 'email' }], [])).toMatchObject({ removed: ['pii:email'] });
    expect(diffValues('INTEGER', 'BIGINT')).toMatchObject({ list: false, before: 'INTEGER', after: 'BIGINT' });
    expect(diffValues(null, 'x')).toMatchObject({ before: null, after: 'x' });
  });
});

describe('impact', () => {
  it('lists the downstream assets nearest first and counts them by owner', () => {
    const asset = (id: string, hops: number, owners: string[]) => ({ id, type: id.split(':')[0], name: id, hops, owners, via: [] });
    const answer = {
      start: 'table:demo.retail.orders',
      depth: 10,
      total: 3,
      byType: { metric: 1, table: 2 },
      groups: [],
      jobs: [],
      assets: [asset('metric:gmv', 2, ['data-team']), asset('table:demo.mart.b', 1, []), asset('table:demo.mart.a', 1, ['group:crm', 'data-team'])],
    };
    const rows = impactRows(answer);
    expect(rows.map((r) => r.id)).toEqual(['table:demo.mart.a', 'table:demo.mart.b', 'metric:gmv']);
    expect(countBy(rows, (r) => (r.owners.length ? r.owners : ['nobody']))).toEqual([
      ['data-team', 2],
      ['group:crm', 1],
      ['nobody', 1],
    ]);
  });
});

describe('metrics', () => {
  const summary = {
    id: 'metric:gmv',
    name: 'gmv',
    type: 'simple',
    labels: { en: 'GMV', zh: '成交额', synonymsEn: ['revenue', 'sales'], synonymsZh: ['销售额'] },
    owner: 'data-team',
    status: 'certified',
    version: 3,
    certified: true,
    latestVersion: 4,
    latestStatus: 'in_review',
    timeDimension: 'order_date',
    dimensions: ['order_date', 'region'],
  };

  it('reads a summary of the list: labels and synonyms per language, the time dimension apart', () => {
    const zh = normalizeMetric(summary, 'zh');
    expect(zh.label).toBe('成交额');
    expect(zh.synonyms).toEqual(['销售额']);
    expect(zh.certified).toBe(true);
    expect(zh.status).toBe('certified');
    expect(zh.latestStatus).toBe('in_review');
    expect(zh.owners).toEqual(['data-team']);
    expect(zh.dimensions).toEqual([{ name: 'region', label: 'region' }]);
    expect(zh.timeDimension).toBe('order_date');
    expect(normalizeMetric({ ...summary, labels: { en: 'GMV', zh: null } }, 'zh').label).toBe('GMV');
  });

  it('reads a detail: dimension labels, the time grains, the formula in one line and the versions', () => {
    const detail = {
      metric: summary,
      definition: { name: 'gmv', type: 'simple', measure: 'revenue', filter: "order_status = 'paid'" },
      versions: [{ version: 1, status: 'draft', at: '2026-11-01T00:00:00Z', by: 'system', changes: [] }],
      lineage: { measures: ['revenue'], columns: ['column:demo.retail.orders.status'], tables: [] },
      dimensions: [
        { name: 'region', type: 'categorical', labels: { en: 'Region', zh: '地区' }, grains: [], values: [{ value: 'East', en: 'East', zh: '华东' }] },
        { name: 'order_date', type: 'time', labels: { en: 'Order date', zh: '下单日期' }, grains: ['day', 'month'], values: [] },
      ],
    };
    const en = normalizeMetric(detail, 'en');
    expect(en.dimensions).toEqual([{ name: 'region', label: 'Region', values: {} }]);
    expect(normalizeMetric(detail, 'zh').dimensions).toEqual([{ name: 'region', label: '地区', values: { East: '华东' } }]);
    expect(en.grains).toEqual(['day', 'month']);
    expect(en.formula).toBe("revenue WHERE order_status = 'paid'");
    expect(en.versions).toHaveLength(1);
    expect(en.columns).toEqual(['column:demo.retail.orders.status']);
    expect(formula({ numerator: 'gross_profit', denominator: 'gmv' })).toBe('gross_profit / gmv');
    expect(formula({ metric: 'gmv', comparison: 'same_period_last_year', output: 'growth' })).toBe('growth(gmv, same_period_last_year)');
  });

  it('offers the review actions of each lifecycle state', () => {
    expect(reviewActions('draft')).toEqual(['submit']);
    expect(reviewActions('in_review')).toEqual(['certify', 'reject']);
    expect(reviewActions('certified')).toEqual(['deprecate']);
    expect(reviewActions('deprecated')).toEqual([]);
  });
});
