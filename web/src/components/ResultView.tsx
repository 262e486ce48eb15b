import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { Cell, ResultColumn } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { chartData, chooseChart, isNumeric, isTemporal, type ChartKind } from '../lib/chart';
import { Loading } from './ui';

const EChart = lazy(() => import('./EChart'));

/** A query result: the chart its shape calls for, the table, and the SQL on demand. */
export default function ResultView({
  columns,
  rows,
  sql,
  truncated,
  chartHint,
  labels,
  grain,
  values,
}: {
  columns: ResultColumn[];
  rows: Cell[][];
  sql?: string | null;
  truncated?: boolean;
  chartHint?: string | null;
  labels?: Record<string, string>;
  /** The grain of the query's time dimension, for columns whose name does not carry it. */
  grain?: string | null;
  /** How to show values of the dimensions (a region's name in the language), by value. */
  values?: Record<string, string>;
}) {
  const { t, num, period } = useI18n();
  const chosen = chooseChart(columns, rows, chartHint);
  const [showTable, setShowTable] = useState(chosen === 'table');
  const [showSql, setShowSql] = useState(false);
  // series are named by a measure column or by a value of the dimension that splits them
  const name = useCallback((column: string) => labels?.[column] ?? values?.[column] ?? column, [labels, values]);
  const format = (cell: Cell, column: ResultColumn) => {
    if (cell === null || cell === undefined) return '—';
    if (isNumeric(column) && typeof cell !== 'boolean') return num(Number(cell));
    if (column.type === 'date') return period(String(cell), grainOf(column, grain));
    return values?.[String(cell)] ?? String(cell);
  };

  return (
    <div className="result" data-chart={chosen}>
      {chosen !== 'table' && <Chart kind={chosen} columns={columns} rows={rows} name={name} grain={grain} />}
      {truncated && <p className="note">{t('result.truncated', { rows: num(rows.length, 0) })}</p>}
      <div className="result-actions">
        {chosen !== 'table' && (
          <button type="button" className="link" onClick={() => setShowTable(!showTable)}>
            {showTable ? t('result.hideTable') : t('result.showTable')}
          </button>
        )}
        {sql && (
          <button type="button" className="link" onClick={() => setShowSql(!showSql)}>
            {showSql ? t('result.hideSql') : t('result.showSql')}
          </button>
        )}
      </div>
      {showSql && sql && (
        <pre className="sql" data-testid="sql">
          {sql}
        </pre>
      )}
      {(showTable || chosen === 'table') && (
        <div className="table-scroll">
          <table className="grid" data-testid="result-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.name} className={isNumeric(c) ? 'num' : undefined}>
                    {name(c.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={Math.max(1, columns.length)} className="muted">
                    {t('result.noRows')}
                  </td>
                </tr>
              )}
              {rows.slice(0, 500).map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j} className={isNumeric(columns[j]) ? 'num' : undefined}>
                      {format(cell, columns[j])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > 500 && <p className="note">{t('result.firstRows', { rows: num(500, 0) })}</p>}
        </div>
      )}
    </div>
  );
}

/** The grain of a time column: from its name (`metric_time__month`), else the query's. */
function grainOf(column: ResultColumn, grain: string | null | undefined): string | null {
  const named = /__(day|week|month|quarter|year)$/.exec(column.name);
  return named ? named[1] : grain ?? null;
}

function Chart({
  kind,
  columns,
  rows,
  name,
  grain,
}: {
  kind: ChartKind;
  columns: ResultColumn[];
  rows: Cell[][];
  name: (column: string) => string;
  grain?: string | null;
}) {
  const { num, t, period } = useI18n();
  const data = useMemo(() => chartData(columns, rows, kind), [columns, rows, kind]);
  const category = columns.find((c) => c.name === data.categoryColumn);
  const temporalAxis = category !== undefined && isTemporal(category);
  const axisGrain = category ? grainOf(category, grain) : null;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? num(v) : String(v ?? '—')) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.categories,
        axisLabel: { formatter: (value: string) => (temporalAxis ? period(value, axisGrain) : name(value)) },
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => num(v, 0) } },
      series: data.series.map((s) => ({
        name: name(s.name),
        type: kind === 'line' ? 'line' : 'bar',
        data: s.data,
        smooth: false,
        showSymbol: data.categories.length < 40,
      })),
    }),
    [data, kind, name, num, period, temporalAxis, axisGrain],
  );
  if (kind === 'number') {
    const column = columns.find(isNumeric)!;
    const index = columns.indexOf(column);
    return (
      <div className="big-number" data-testid="big-number">
        <span className="big-number-value">{num(Number(rows[0][index]))}</span>
        <span className="big-number-label">{name(column.name)}</span>
      </div>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <EChart option={option} />
      {data.omitted > 0 && <p className="note">{t('result.omittedSeries', { count: data.omitted })}</p>}
    </Suspense>
  );
}
