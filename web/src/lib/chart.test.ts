import { describe, expect, it } from 'vitest';
import { chartData, chooseChart } from './chart';

const gmv = { name: 'gmv', type: 'decimal' };
const month = { name: 'metric_time__month', type: 'date' };
const region = { name: 'region', type: 'string' };

describe('chart choice', () => {
  it('draws one number for a single value', () => {
    expect(chooseChart([gmv], [[1234.5]])).toBe('number');
  });

  it('draws a line for a trend and bars for a breakdown', () => {
    expect(chooseChart([month, gmv], [['2025-01-01', 1], ['2025-02-01', 2]])).toBe('line');
    expect(chooseChart([region, gmv], [['East', 1], ['West', 2]])).toBe('bar');
  });

  it('falls back to the table without rows or measures, and follows the service when it has rows', () => {
    expect(chooseChart([region, gmv], [])).toBe('table');
    expect(chooseChart([region], [['East']])).toBe('table');
    expect(chooseChart([region, gmv], [['East', 1]], 'table')).toBe('table');
    expect(chooseChart([month, gmv], [['2025-01-01', 1]], 'bar')).toBe('bar');
  });

  it('puts time on the axis and splits a second dimension into series', () => {
    const data = chartData(
      [region, month, gmv],
      [
        ['East', '2025-02-01', 3],
        ['East', '2025-01-01', 1],
        ['West', '2025-01-01', 2],
      ],
      'line',
    );
    expect(data.categoryColumn).toBe('metric_time__month');
    expect(data.categories).toEqual(['2025-01-01', '2025-02-01']);
    expect(data.series).toEqual([
      { name: 'East', data: [1, 3] },
      { name: 'West', data: [2, null] },
    ]);
  });

  it('keeps numbers sent as strings (exact decimals) as numbers', () => {
    const data = chartData([region, gmv], [['East', '1234.50']], 'bar');
    expect(data.series[0].data).toEqual([1234.5]);
  });
});
