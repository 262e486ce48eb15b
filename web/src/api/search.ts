import { api } from './client';
import type { SearchResult, Suggestion } from './types';

export interface SearchParams {
  q: string;
  type?: string;
  filter?: string[];
  page?: number;
  size?: number;
  explain?: boolean;
}

export async function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  return api.get<SearchResult>(
    '/api/v1/search',
    { q: params.q, type: params.type, filter: params.filter, page: params.page ?? 0, size: params.size ?? 20, explain: params.explain || undefined },
    signal,
  );
}

export async function suggest(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  const answer = await api.get<{ suggestions: Suggestion[] }>('/api/v1/search/suggest', { q }, signal);
  return answer.suggestions ?? [];
}
