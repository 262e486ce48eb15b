// The impact answer of `GET /api/v1/lineage/{id}/impact`: every asset downstream of the start,
// with its owners, its distance in hops and the jobs on the way (also grouped by type and owner,
// which the page recomputes from the flat list so that an asset with two owners is listed under each).

export interface ImpactedAsset {
  id: string;
  type: string;
  name: string;
  hops: number;
  owners: string[];
  via: string[];
}

export interface ImpactAnswer {
  start: string;
  depth: number;
  total: number;
  byType: Record<string, number>;
  groups: { type: string; owner: string | null; count: number; assets: ImpactedAsset[] }[];
  jobs: string[];
  assets: ImpactedAsset[];
}

/** The downstream assets, nearest first, then by identifier. */
export function impactRows(answer: ImpactAnswer): ImpactedAsset[] {
  return [...answer.assets].sort((a, b) => a.hops - b.hops || a.id.localeCompare(b.id));
}

/** Counts per key, largest first. */
export function countBy<T>(items: T[], keys: (item: T) => string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of keys(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
