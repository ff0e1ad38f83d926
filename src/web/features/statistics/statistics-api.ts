/** Reading the statistics API: one query hook for every JSON route, and the matching `.xlsx` address. */
import { useQuery } from '@tanstack/react-query';
import { api, withQuery, type QueryValue } from '../../api/client';

/** GET `path` with `query` (skipped while `enabled` is false, e.g. an impossible period). */
export function useStatistics<T>(path: string, query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: ['statistics', path, query],
    queryFn: ({ signal }) => api.get<T>(path, query, signal),
    enabled,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

/** The Excel twin of a JSON route (the server writes the period and filters above the table). */
export const xlsxHref = (path: string, query: Record<string, QueryValue>) => withQuery(`${path}.xlsx`, query);
