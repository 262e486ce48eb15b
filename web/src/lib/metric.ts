// A metric as the marketplace and the metric page show it, read from the metrics API:
// `GET /api/v1/metrics` answers a page of summaries, `GET /api/v1/metrics/{name}` a detail
// (the summary under `metric`, with the definition, versions, lineage and dimensions).
import type { Lang } from '../i18n/messages';

export interface Labels {
  en: string | null;
  zh: string | null;
  synonymsEn?: string[] | null;
  synonymsZh?: string[] | null;
}

/** One metric as `GET /api/v1/metrics` lists it. */
export interface MetricSummary {
  id: string;
  name: string;
  type: string;
  labels: Labels;
  description?: string | null;
  owner?: string | null;
  domain?: string | null;
  tags?: string[] | null;
  unit?: string | null;
  format?: string | null;
  /** The status of the version in use (certified while a newer draft is reviewed). */
  status?: string | null;
  version: number;
  certified: boolean;
  latestVersion: number;
  latestStatus?: string | null;
  timeDimension?: string | null;
  dimensions?: string[] | null;
}

export interface MetricChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface MetricVersion {
  version: number;
  status: string;
  at: string;
  by: string;
  reason?: string | null;
  changes: MetricChange[];
}

export interface DimensionView {
  name: string;
  type: string;
  labels: Labels;
  description?: string | null;
  grains: string[];
  values: { value: string; en?: string | null; zh?: string | null; synonyms?: string[] }[];
}

/** `GET /api/v1/metrics/{name}`. */
export interface MetricDetail {
  metric: MetricSummary;
  definition: Record<string, unknown>;
  pendingDefinition?: Record<string, unknown> | null;
  versions: MetricVersion[];
  lineage?: { measures: string[]; columns: string[]; tables: string[] } | null;
  dimensions: DimensionView[];
}

export interface MetricDimension {
  name: string;
  label: string;
  /** Labels of the dimension's known values in the language, by value (only those that differ). */
  values?: Record<string, string>;
}

export interface MetricInfo {
  name: string;
  label: string;
  description: string | null;
  formula: string | null;
  kind: string;
  owners: string[];
  domain: string | null;
  tags: string[];
  /** The lifecycle state of the version in use. */
  status: string;
  /** The lifecycle state of the newest version: the one review actions apply to. */
  latestStatus: string;
  certified: boolean;
  synonyms: string[];
  /** Dimensions to break down by (the time dimension is chosen through the grain). */
  dimensions: MetricDimension[];
  timeDimension: string | null;
  grains: string[];
  unit: string | null;
  versions: MetricVersion[];
  columns: string[];
}

const GRAINS = ['day', 'week', 'month', 'quarter', 'year'];

export function isDetail(raw: MetricSummary | MetricDetail): raw is MetricDetail {
  return 'metric' in raw && typeof raw.metric === 'object' && raw.metric !== null;
}

function label(labels: Labels | undefined, lang: Lang, fallback: string): string {
  return (lang === 'zh' ? labels?.zh || labels?.en : labels?.en || labels?.zh) || fallback;
}

function synonyms(labels: Labels | undefined, lang: Lang): string[] {
  return (lang === 'zh' ? labels?.synonymsZh : labels?.synonymsEn) ?? [];
}

function statusOf(value: string | null | undefined): string {
  return (value || 'draft').toLowerCase().replace(/[\s-]+/g, '_');
}

/** The definition in one line: its measure and filter, numerator over denominator, expression or comparison. */
export function formula(definition: Record<string, unknown> | undefined): string | null {
  if (!definition) return null;
  const text = (key: string) => (typeof definition[key] === 'string' && definition[key] ? (definition[key] as string) : null);
  let body: string | null = null;
  if (text('expr')) body = text('expr');
  else if (text('numerator') && text('denominator')) body = `${text('numerator')} / ${text('denominator')}`;
  else if (text('metric') && text('comparison')) body = `${text('output') ?? 'value'}(${text('metric')}, ${text('comparison')})`;
  else if (text('measure')) body = text('measure');
  else if (text('metric')) body = text('metric');
  if (!body) return null;
  return text('filter') ? `${body} WHERE ${text('filter')}` : body;
}

function valueLabels(dimension: DimensionView, lang: Lang): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of dimension.values ?? []) {
    const shown = lang === 'zh' ? v.zh : v.en;
    if (shown && shown !== v.value) labels[v.value] = shown;
  }
  return labels;
}

export function normalizeMetric(raw: MetricSummary | MetricDetail, lang: Lang): MetricInfo {
  const summary = isDetail(raw) ? raw.metric : raw;
  const detail = isDetail(raw) ? raw : null;
  const timeDimension = summary.timeDimension ?? null;
  const dimensions: MetricDimension[] = detail
    ? detail.dimensions.filter((d) => d.type !== 'time').map((d) => ({ name: d.name, label: label(d.labels, lang, d.name), values: valueLabels(d, lang) }))
    : (summary.dimensions ?? []).filter((d) => d !== timeDimension).map((d) => ({ name: d, label: d }));
  const time = detail?.dimensions.find((d) => d.name === timeDimension);
  const status = statusOf(summary.status);
  return {
    name: summary.name,
    label: label(summary.labels, lang, summary.name),
    description: summary.description || null,
    formula: formula(detail?.definition),
    kind: summary.type,
    owners: summary.owner ? [summary.owner] : [],
    domain: summary.domain || null,
    tags: summary.tags ?? [],
    status,
    latestStatus: statusOf(summary.latestStatus ?? summary.status),
    certified: summary.certified,
    synonyms: synonyms(summary.labels, lang),
    dimensions,
    timeDimension,
    grains: time && time.grains.length > 0 ? time.grains : GRAINS,
    unit: summary.unit || null,
    versions: detail?.versions ?? [],
    columns: detail?.lineage?.columns ?? [],
  };
}

/** Review actions a steward may take from each lifecycle state (draft → in review → certified → deprecated). */
export function reviewActions(status: string): string[] {
  switch (status) {
    case 'draft':
      return ['submit'];
    case 'in_review':
      return ['certify', 'reject'];
    case 'certified':
      return ['deprecate'];
    default:
      return [];
  }
}
