import { api } from './client';
import type { MetricQuery, Page, QueryResult } from './types';

export type RawMetric = Record<string, unknown>;

export function listMetrics(signal?: AbortSignal): Promise<Page<RawMetric>> {
  return api.get<Page<RawMetric> | RawMetric[]>('/api/v1/metrics', { size: 1000 }, signal).then((answer) =>
    Array.isArray(answer) ? { items: answer, page: 0, size: answer.length, total: answer.length } : answer,
  );
}

export function getMetric(name: string, signal?: AbortSignal): Promise<RawMetric> {
  return api.get<RawMetric>(`/api/v1/metrics/${encodeURIComponent(name)}`, undefined, signal);
}

/** Only the fields API.md gives a metric query (the service refuses unknown ones). */
export function queryBody(query: MetricQuery): MetricQuery {
  const body: MetricQuery = { metrics: query.metrics };
  for (const key of ['dimensions', 'grain', 'filters', 'timeRange', 'comparisons', 'orderBy', 'limit', 'warehouse'] as const) {
    if (query[key] !== undefined && query[key] !== null) (body as Record<string, unknown>)[key] = query[key];
  }
  return body;
}

export function runQuery(query: MetricQuery): Promise<QueryResult> {
  return api.post<QueryResult>('/api/v1/metrics/query', queryBody(query));
}

/**
 * A lifecycle action on a metric (submit, certify, reject, deprecate). API.md names the
 * lifecycle but not its path; this follows the service's style for actions
 * (POST /api/v1/warehouses/{name}/crawl).
 */
export function reviewMetric(name: string, action: string, comment: string): Promise<RawMetric> {
  return api.post<RawMetric>(`/api/v1/metrics/${encodeURIComponent(name)}/${action}`, comment ? { comment } : {});
}
