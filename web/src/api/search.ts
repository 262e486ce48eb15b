import { api, ApiError } from './client';
import type { Asset, Page, SearchResult, Suggestion } from './types';

// Until this server has the search API (GET /api/v1/search), the box and the results page
// fall back to the catalog's name filter (GET /api/v1/assets?q=), and say so.
let searchMissing = false;

export interface SearchParams {
  q: string;
  type?: string;
  filter?: string[];
  page?: number;
  size?: number;
  explain?: boolean;
}

export type SearchAnswer = SearchResult & { fallback: boolean };

export async function search(params: SearchParams, signal?: AbortSignal): Promise<SearchAnswer> {
  if (!searchMissing) {
    try {
      const result = await api.get<SearchResult>(
        '/api/v1/search',
        { q: params.q, type: params.type, filter: params.filter, page: params.page ?? 0, size: params.size ?? 20, explain: params.explain || undefined },
        signal,
      );
      return { ...result, fallback: false };
    } catch (e) {
      if (!(e instanceof ApiError && e.missingRoute)) throw e;
      searchMissing = true;
    }
  }
  // the name filter lists columns by the hundred: without a type, tables come first
  const page = await api.get<Page<Asset>>(
    '/api/v1/assets',
    {
      q: params.q,
      type: params.type || 'table',
      warehouse: params.filter?.find((f) => f.startsWith('warehouse:'))?.slice('warehouse:'.length),
      page: params.page ?? 0,
      size: params.size ?? 20,
    },
    signal,
  );
  return {
    fallback: true,
    total: page.total,
    hits: page.items.map((asset) => ({
      id: asset.id,
      type: asset.type,
      name: asset.name,
      qualifiedName: asset.qualifiedName,
      snippet: asset.description ?? null,
    })),
  };
}

let suggestMissing = false;

export async function suggest(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  if (!suggestMissing) {
    try {
      const answer = await api.get<{ suggestions: Suggestion[] }>('/api/v1/search/suggest', { q }, signal);
      return answer.suggestions ?? [];
    } catch (e) {
      if (!(e instanceof ApiError && e.missingRoute)) throw e;
      suggestMissing = true;
    }
  }
  const [tables, any] = await Promise.all([
    api.get<Page<Asset>>('/api/v1/assets', { q, type: 'table', size: 5 }, signal),
    api.get<Page<Asset>>('/api/v1/assets', { q, size: 8 }, signal),
  ]);
  const seen = new Set<string>();
  return [...tables.items, ...any.items]
    .filter((asset) => !seen.has(asset.id) && seen.add(asset.id))
    .slice(0, 8)
    .map((asset) => ({ id: asset.id, type: asset.type, name: asset.name }));
}
