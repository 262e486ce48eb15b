import { describe, expect, it } from 'vitest';
import { diffValues } from './diff';
import { countBy, impactRows } from './impact';
import { normalizeMetric, reviewActions } from './metric';
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
  it('reads assets nested in type and owner groups, with the group owner when the asset names none', () => {
    const rows = impactRows(
      {
        id: 'column:demo.retail.orders.order_id',
        groups: [
          { type: 'table', owner: 'group:data-team', assets: [{ id: 'table:demo.mart.daily_sales', type: 'table', name: 'daily_sales' }] },
          { type: 'metric', owner: null, assets: [{ id: 'metric:gmv', type: 'metric', name: 'gmv', owners: [{ id: 'group:data-team' }] }] },
        ],
      },
      'column:demo.retail.orders.order_id',
    );
    expect(rows).toEqual([
      { id: 'table:demo.mart.daily_sales', type: 'table', name: 'daily_sales', owners: ['group:data-team'], via: undefined },
      { id: 'metric:gmv', type: 'metric', name: 'gmv', owners: ['group:data-team'], via: undefined },
    ]);
    expect(countBy(rows, (r) => [r.type])).toEqual([
      ['metric', 1],
      ['table', 1],
    ]);
  });

  it('reads a map keyed by owner', () => {
    const rows = impactRows({ byOwner: { 'group:crm': [{ id: 'view:demo.mart.v', type: 'view', name: 'v' }] } });
    expect(rows[0].owners).toEqual(['group:crm']);
  });
});

describe('metrics', () => {
  it('reads labels and synonyms per language from either spelling', () => {
    const raw = {
      name: 'gmv',
      labels: { en: 'GMV', zh: '成交额' },
      synonyms: { en: ['revenue', 'sales'], zh: ['销售额'] },
      status: 'Certified',
      owner: 'group:data-team',
      dimensions: [{ name: 'region', label: { en: 'Region', zh: '地区' } }, { name: 'order_date', type: 'time', grains: ['day'] }],
    };
    const zh = normalizeMetric(raw, 'zh');
    expect(zh.label).toBe('成交额');
    expect(zh.synonyms).toEqual(['销售额']);
    expect(zh.certified).toBe(true);
    expect(zh.owners).toEqual(['group:data-team']);
    expect(zh.dimensions).toEqual([{ name: 'region', label: '地区', time: false }]);
    expect(zh.timeDimension).toBe('order_date');
    expect(normalizeMetric({ name: 'aov', label: 'AOV', labelZh: '客单价', lifecycle: 'in review' }, 'zh')).toMatchObject({
      label: '客单价',
      status: 'in_review',
      certified: false,
    });
  });

  it('offers the review actions of each lifecycle state', () => {
    expect(reviewActions('draft')).toEqual(['submit']);
    expect(reviewActions('in_review')).toEqual(['certify', 'reject']);
    expect(reviewActions('certified')).toEqual(['deprecate']);
    expect(reviewActions('deprecated')).toEqual([]);
  });
});
