// Shapes of the public API (../shared/design/API.md and catalog-service's views). Fields the
// contract does not fix are optional, and pages read them defensively.

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface OwnerRef {
  id: string;
  name?: string | null;
}

export interface TagRef {
  name: string;
  kind?: string | null;
  source?: 'manual' | 'automatic' | 'propagated' | string;
}

export interface Asset {
  id: string;
  type: string;
  name: string;
  qualifiedName: string;
  warehouse?: string | null;
  description?: string | null;
  owners: OwnerRef[];
  tags: TagRef[];
  terms: string[];
  domain?: string | null;
  version: number;
  createdAt?: string | null;
  updatedAt?: string | null;
  deleted?: boolean;
  columns?: Column[];
  foreignKeys?: ForeignKey[];
  synonyms?: string[];
  [attribute: string]: unknown;
}

export interface Column extends Asset {
  dataType?: string;
  nullable?: boolean;
  position?: number;
  primaryKey?: boolean;
  classification?: string;
}

export interface ForeignKey {
  name?: string | null;
  columns: string[];
  references: string[];
}

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangeEvent {
  version: number;
  kind?: string;
  at: string;
  by: string;
  changes: Change[];
  breaking: boolean;
}

export interface Me {
  id: string;
  username: string;
  displayName?: string | null;
  email?: string | null;
  role: string;
  effectiveRole: string;
  disabled: boolean;
  groups: string[];
}

export type User = Me & { createdAt?: string };

export interface Group {
  id: string;
  name: string;
  displayName?: string | null;
  description?: string | null;
  role?: string | null;
  members: string[];
}

export interface Classification {
  id: string;
  type: string;
  name: string;
  description?: string | null;
  synonyms: string[];
  owners: OwnerRef[];
  usage?: number;
}

export interface Warehouse {
  name: string;
  jdbcUrl: string;
  username?: string | null;
  hasPassword?: boolean;
  dialect: string;
  includeSchemas: string[];
  excludeSchemas: string[];
  includeTables?: string[];
  excludeTables?: string[];
  profileColumns?: boolean;
  profileSampleRows?: number;
  maxRemovalShare?: number;
  schedule?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface CrawlRun {
  id: string;
  warehouse?: string;
  status: 'running' | 'succeeded' | 'failed' | string;
  progress: number;
  added: number;
  changed: number;
  removed: number;
  error?: string | null;
  startedBy?: string;
  startedAt?: string;
  finishedAt?: string | null;
  durationMs?: number | null;
  log?: string[];
}

export interface ConnectionTest {
  warehouse: string;
  ok: boolean;
  product?: string;
  productVersion?: string;
  driver?: string;
  durationMs?: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  user: string;
  action: string;
  target?: string | null;
  status: number;
  detail?: string | null;
}

export interface ApiToken {
  id: string;
  owner: string;
  name: string;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  token?: string | null;
}

export interface ServiceStatus {
  version: string;
  store: { kind: string; uri?: string | null };
  components: { name: string; status: string; details?: unknown }[];
}

// Search
export interface SearchHit {
  id: string;
  type: string;
  name: string;
  qualifiedName?: string;
  snippet?: string | null;
  score?: number;
  explain?: unknown;
  description?: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  facets?: Record<string, FacetValue[]>;
  total: number;
}

export interface Suggestion {
  id: string;
  type: string;
  name: string;
}

// Lineage
export interface LineageNode {
  id: string;
  type: string;
  name: string;
  [more: string]: unknown;
}

export interface LineageEdge {
  from: string;
  to: string;
  via?: string | null;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
}

// Metrics
export interface MetricQuery {
  metrics: string[];
  dimensions?: string[];
  grain?: string;
  filters?: string[];
  timeRange?: { start?: string; end?: string };
  comparisons?: string[];
  orderBy?: { field: string; direction: 'asc' | 'desc' }[];
  limit?: number;
  warehouse?: string;
  label?: string;
  [more: string]: unknown;
}

export interface ResultColumn {
  name: string;
  type: string;
}

export type Cell = string | number | boolean | null;

export interface QueryResult {
  sql?: string;
  columns: ResultColumn[];
  rows: Cell[][];
  truncated?: boolean;
}

export interface Answer extends Partial<QueryResult> {
  conversationId?: string;
  interpretation?: MetricQuery | null;
  explanation?: string;
  chart?: { type: 'number' | 'line' | 'bar' | 'table' | string; [more: string]: unknown } | null;
  clarification?: { question: string; options: MetricQuery[] } | null;
  /** Set by the portal, not the service: something the user should know about this answer. */
  notice?: string;
}

// Governance
export interface Kpi {
  name: string;
  label?: string;
  value: number | null;
  count?: number | null;
  total?: number | null;
  unit: 'percent' | 'count' | 'bytes' | string;
  target?: number | null;
  status?: 'met' | 'on_track' | 'behind' | 'no_target' | string;
}

export interface KpiReport {
  asOf: string;
  kpis: Kpi[];
}

export interface KpiDetail {
  name: string;
  points: { date: string; value: number }[];
  breakdown: { key: string; value: number; count?: number; total?: number }[];
}

export interface Gap {
  id: string;
  type: string;
  name: string;
  owners?: OwnerRef[] | string[];
  reason?: string;
}
