// Which chart fits a result, and its series: a line for a trend over time, bars for a
// breakdown, one big number for a single value; the table is always available beside.
import type { Cell, ResultColumn } from '../api/types';

export type ChartKind = 'number' | 'line' | 'bar' | 'table';

const NUMERIC = new Set(['integer', 'decimal', 'double', 'float', 'number', 'bigint', 'long']);
const TEMPORAL = new Set(['date', 'timestamp']);
const MAX_SERIES = 12;

export function isNumeric(column: ResultColumn): boolean {
  return NUMERIC.has(column.type?.toLowerCase());
}

export function isTemporal(column: ResultColumn): boolean {
  return TEMPORAL.has(column.type?.toLowerCase()) || /^metric_time/.test(column.name);
}

export function chooseChart(columns: ResultColumn[], rows: Cell[][], hinted?: string | null): ChartKind {
  if (hinted === 'number' || hinted === 'line' || hinted === 'bar' || hinted === 'table') {
    if (rows.length > 0 || hinted === 'table') return hinted;
  }
  if (rows.length === 0) return 'table';
  const dimensions = columns.filter((c) => !isNumeric(c));
  const measures = columns.filter(isNumeric);
  if (measures.length === 0) return 'table';
  if (dimensions.length === 0) return rows.length === 1 ? 'number' : 'table';
  if (dimensions.some(isTemporal)) return 'line';
  return 'bar';
}

export interface Series {
  name: string;
  data: (number | null)[];
}

export interface ChartData {
  categoryColumn: string | null;
  categories: string[];
  series: Series[];
  /** Series left out to keep the chart readable (all rows stay in the table). */
  omitted: number;
}

/**
 * The categories (x axis) and series of a result: the time column, or else the first
 * dimension, is the axis; a second dimension splits each measure into one series per value.
 */
export function chartData(columns: ResultColumn[], rows: Cell[][], kind: ChartKind): ChartData {
  const dimensionIndexes = columns.map((c, i) => (isNumeric(c) ? -1 : i)).filter((i) => i >= 0);
  const measureIndexes = columns.map((c, i) => (isNumeric(c) ? i : -1)).filter((i) => i >= 0);
  if (dimensionIndexes.length === 0) {
    return {
      categoryColumn: null,
      categories: [''],
      series: measureIndexes.map((i) => ({ name: columns[i].name, data: [toNumber(rows[0]?.[i] ?? null)] })),
      omitted: 0,
    };
  }
  const temporal = dimensionIndexes.find((i) => isTemporal(columns[i]));
  const axis = kind === 'line' && temporal !== undefined ? temporal : dimensionIndexes[0];
  const split = dimensionIndexes.find((i) => i !== axis);
  const categories: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = String(row[axis] ?? '');
    if (!seen.has(key)) {
      seen.add(key);
      categories.push(key);
    }
  }
  if (kind === 'line') categories.sort();
  const position = new Map(categories.map((c, i) => [c, i]));
  const series = new Map<string, Series>();
  for (const row of rows) {
    for (const m of measureIndexes) {
      const splitValue = split === undefined ? null : String(row[split] ?? '');
      const name =
        splitValue === null ? columns[m].name : measureIndexes.length > 1 ? `${splitValue} · ${columns[m].name}` : splitValue;
      let s = series.get(name);
      if (!s) {
        s = { name, data: categories.map(() => null) };
        series.set(name, s);
      }
      s.data[position.get(String(row[axis] ?? ''))!] = toNumber(row[m]);
    }
  }
  const all = [...series.values()];
  return {
    categoryColumn: columns[axis].name,
    categories,
    series: all.slice(0, MAX_SERIES),
    omitted: Math.max(0, all.length - MAX_SERIES),
  };
}

function toNumber(cell: Cell): number | null {
  if (cell === null || cell === undefined) return null;
  const n = typeof cell === 'number' ? cell : Number(cell);
  return Number.isFinite(n) ? n : null;
}
