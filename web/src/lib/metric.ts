// A metric as the marketplace and the metric page show it. API.md fixes the paths of the
// metrics API but not every field of a metric, so this reads the common spellings (a label
// or labels per language, a status or lifecycle, owner or owners) into one shape.
import type { Lang } from '../i18n/messages';

export interface MetricDimension {
  name: string;
  label: string;
  time: boolean;
}

export interface MetricInfo {
  name: string;
  label: string;
  description: string | null;
  formula: string | null;
  kind: string | null;
  owners: string[];
  domain: string | null;
  tags: string[];
  status: string;
  certified: boolean;
  synonyms: string[];
  dimensions: MetricDimension[];
  timeDimension: string | null;
  grains: string[];
  unit: string | null;
  raw: Record<string, unknown>;
}

type Raw = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A per-language value: "x", {"en": "x", "zh": "y"}, or fields such as labelZh / label_zh. */
export function localized(raw: Raw, field: string, lang: Lang): string | null {
  const value = raw[field] ?? raw[`${field}s`];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const byLang = value as Raw;
    return text(byLang[lang]) ?? text(byLang[lang === 'zh' ? 'zh-CN' : 'en-US']) ?? text(byLang.en) ?? text(byLang.zh);
  }
  const suffixed = lang === 'zh' ? text(raw[`${field}Zh`]) ?? text(raw[`${field}_zh`]) : text(raw[`${field}En`]) ?? text(raw[`${field}_en`]);
  return suffixed ?? text(value);
}

function list(value: unknown, lang: Lang): string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : text((v as Raw)?.name) ?? text((v as Raw)?.id) ?? '')).filter(Boolean);
  if (value && typeof value === 'object') {
    const byLang = value as Raw;
    const chosen = byLang[lang];
    if (Array.isArray(chosen)) return chosen.map(String);
    return Object.values(byLang).flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
  }
  return [];
}

export function normalizeMetric(raw: Raw, lang: Lang): MetricInfo {
  const name = text(raw.name) ?? text(raw.id)?.replace(/^metric:/, '') ?? '?';
  const status = (text(raw.status) ?? text(raw.lifecycle) ?? text(raw.state) ?? (raw.certified === true ? 'certified' : 'draft'))
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const owners = list(raw.owners, lang);
  const owner = text(raw.owner) ?? text((raw.owner as Raw | undefined)?.id);
  if (owner && !owners.includes(owner)) owners.push(owner);
  const dimensions = Array.isArray(raw.dimensions)
    ? (raw.dimensions as unknown[]).map((d) => {
        if (typeof d === 'string') return { name: d, label: d, time: false };
        const dimension = d as Raw;
        const dimensionName = text(dimension.name) ?? '?';
        const type = (text(dimension.type) ?? '').toLowerCase();
        return {
          name: dimensionName,
          label: localized(dimension, 'label', lang) ?? dimensionName,
          time: type === 'time' || type === 'date' || Array.isArray(dimension.grains),
        };
      })
    : [];
  const timeDimension =
    text(raw.timeDimension) ?? text((raw.timeDimension as Raw | undefined)?.name) ?? dimensions.find((d) => d.time)?.name ?? null;
  const grains = Array.isArray(raw.grains) ? (raw.grains as string[]) : ['day', 'week', 'month', 'quarter', 'year'];
  return {
    name,
    label: localized(raw, 'label', lang) ?? name,
    description: localized(raw, 'description', lang),
    formula: text(raw.formula) ?? text(raw.expression) ?? text(raw.expr) ?? text(raw.sql) ?? text((raw.definition as Raw | undefined)?.expression) ?? (typeof raw.definition === 'string' ? raw.definition : null),
    kind: text(raw.type) ?? text(raw.kind),
    owners,
    domain: text(raw.domain),
    tags: list(raw.tags, lang),
    status,
    certified: status === 'certified' || raw.certified === true,
    synonyms: list(raw.synonyms, lang),
    dimensions: dimensions.filter((d) => !d.time),
    timeDimension,
    grains,
    unit: text(raw.unit) ?? text(raw.format),
    raw,
  };
}

/** Review actions a steward may take from each lifecycle state (draft → in review → certified → deprecated). */
export function reviewActions(status: string): string[] {
  switch (status) {
    case 'draft':
      return ['submit'];
    case 'in_review':
    case 'review':
      return ['certify', 'reject'];
    case 'certified':
      return ['deprecate'];
    default:
      return [];
  }
}
