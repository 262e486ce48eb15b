// The impact answer (API.md: "the downstream assets grouped by type and owner") read into rows,
// whichever way the service nests its groups: every object with an asset identifier is one
// downstream asset, and an owner named on an enclosing group applies to the assets inside it.

export interface ImpactRow {
  id: string;
  type: string;
  name: string;
  owners: string[];
  via?: string;
}

const ID = /^[a-z]+:.+/;

export function impactRows(raw: unknown, root?: string): ImpactRow[] {
  const rows = new Map<string, ImpactRow>();
  const walk = (value: unknown, owner: string | null, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v) => walk(v, owner, depth + 1));
      return;
    }
    const object = value as Record<string, unknown>;
    const id = typeof object.id === 'string' && ID.test(object.id) ? object.id : null;
    if (id && id !== root && !id.startsWith('user:') && !id.startsWith('group:')) {
      const owners = ownersOf(object.owners) ?? (owner ? [owner] : []);
      const existing = rows.get(id);
      rows.set(id, {
        id,
        type: typeof object.type === 'string' ? object.type : id.split(':')[0],
        name: typeof object.name === 'string' ? object.name : id.slice(id.indexOf(':') + 1),
        owners: existing ? [...new Set([...existing.owners, ...owners])] : owners,
        via: typeof object.via === 'string' ? object.via : existing?.via,
      });
      return;
    }
    const groupOwner = ownerName(object.owner) ?? owner;
    for (const [key, child] of Object.entries(object)) {
      if (key === 'owner' || key === 'owners') continue;
      if (/owner/i.test(key) && child && typeof child === 'object' && !Array.isArray(child)) {
        // a map keyed by owner: {"byOwner": {"group:crm": [...]}}
        for (const [ownerKey, members] of Object.entries(child as Record<string, unknown>)) walk(members, ownerKey, depth + 1);
      } else {
        walk(child, groupOwner, depth + 1);
      }
    }
  };
  walk(raw, null, 0);
  return [...rows.values()];
}

function ownerName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return null;
}

function ownersOf(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.map(ownerName).filter((o): o is string => o !== null);
}

/** Counts per key, largest first. */
export function countBy<T>(items: T[], keys: (item: T) => string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of keys(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
