import { api } from './client';
import type { MetricDetail, MetricSummary, MetricVersion } from '../lib/metric';
import type { MetricQuery, Page, QueryResult } from './types';

export function listMetrics(signal?: AbortSignal): Promise<Page<MetricSummary>> {
  return api.get<Page<MetricSummary>>('/api/v1/metrics', { size: 1000 }, signal);
}

export function getMetric(name: string, signal?: AbortSignal): Promise<MetricDetail> {
  return api.get<MetricDetail>(`/api/v1/metrics/${encodeURIComponent(name)}`, undefined, signal);
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

/** A lifecycle action on a metric (submit, certify, reject, deprecate) with the reason given; answers the new version. */
export function reviewMetric(name: string, action: string, reason: string): Promise<MetricVersion> {
  return api.post<MetricVersion>(`/api/v1/metrics/${encodeURIComponent(name)}/${action}`, reason ? { reason } : {});
}
