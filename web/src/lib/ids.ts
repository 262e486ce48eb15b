// Asset identifiers (`<type>:<qualified name>`, API.md): reading them and making links.

export function typeOf(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? '' : id.slice(0, colon);
}

export function qualifiedNameOf(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(colon + 1);
}

/** The dot-separated segments of a qualified name; quoted segments ("A.b") stay whole, quotes kept. */
export function segments(qualifiedName: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < qualifiedName.length; i++) {
    const c = qualifiedName[i];
    if (c === '"') {
      if (quoted && qualifiedName[i + 1] === '"') {
        current += '""';
        i++;
        continue;
      }
      quoted = !quoted;
      current += c;
    } else if (c === '.' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** A segment as a person reads it: quotes removed, doubled quotes single. */
export function unquote(segment: string): string {
  if (segment.length >= 2 && segment.startsWith('"') && segment.endsWith('"')) {
    return segment.slice(1, -1).replace(/""/g, '"');
  }
  return segment;
}

/** The last segment of an identifier, readable: `column:demo.retail.orders.order_id` → `order_id`. */
export function shortName(id: string): string {
  const type = typeOf(id);
  const name = qualifiedNameOf(id);
  if (['term', 'tag', 'domain', 'user', 'group', 'metric'].includes(type)) return name;
  const parts = segments(name);
  return unquote(parts[parts.length - 1]);
}

/** The dataset (table or view) a column belongs to, as a qualified name: `demo.retail.orders`. */
export function datasetOfColumn(columnId: string): string | null {
  if (typeOf(columnId) !== 'column') return null;
  const parts = segments(qualifiedNameOf(columnId));
  if (parts.length < 2) return null;
  return parts.slice(0, -1).join('.');
}

/** The path segment of an identifier in an API URL. */
export function encodeId(id: string): string {
  return encodeURIComponent(id);
}

/** The portal's page for an asset. */
export function assetLink(id: string): string {
  if (typeOf(id) === 'metric') return `/metrics/${encodeURIComponent(qualifiedNameOf(id))}`;
  return `/asset/${encodeURIComponent(id)}`;
}

export const ROLES = ['viewer', 'analyst', 'steward', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a role may do what the minimum role may (viewer < analyst < steward < admin). */
export function atLeast(role: string | undefined | null, minimum: Role): boolean {
  if (!role) return false;
  return ROLES.indexOf(role as Role) >= ROLES.indexOf(minimum);
}
