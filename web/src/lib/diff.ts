// What a change event's before and after differ in, as a person reads it.

export interface ValueDiff {
  /** For lists: what came and went. */
  added: string[];
  removed: string[];
  /** For single values: the old and new text. */
  before: string | null;
  after: string | null;
  list: boolean;
}

export function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.name === 'string') return object.kind ? `${object.name}:${String(object.kind)}` : object.name;
    if (typeof object.id === 'string') return object.id;
  }
  return JSON.stringify(value);
}

export function diffValues(before: unknown, after: unknown): ValueDiff {
  if (Array.isArray(before) || Array.isArray(after)) {
    const b = (Array.isArray(before) ? before : []).map(display);
    const a = (Array.isArray(after) ? after : []).map(display);
    return { list: true, added: a.filter((x) => !b.includes(x)), removed: b.filter((x) => !a.includes(x)), before: null, after: null };
  }
  return {
    list: false,
    added: [],
    removed: [],
    before: before === null || before === undefined ? null : display(before),
    after: after === null || after === undefined ? null : display(after),
  };
}
