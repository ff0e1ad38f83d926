/** Dossier queues and list: the API calls and the Vietnamese presentation shared by the queue and dossier pages. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DossierList, DossierListItem, DossierQueue, QueueSummary } from '../../../shared/schemas/dossiers';
import { api } from '../../api/client';

export type DossierListResponse = z.infer<typeof DossierList>;
export type QueueCounts = z.infer<typeof QueueSummary>['counts'];

export const queueSummaryKey = ['dossiers', 'queues', 'summary'] as const;

/** Counts per queue, as the server counts them for the signed-in officer. */
export function useQueueCounts(enabled = true) {
  return useQuery({
    queryKey: queueSummaryKey,
    queryFn: ({ signal }) => api.get<z.infer<typeof QueueSummary>>('/api/dossiers/queues/summary', undefined, signal),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useDossierList(params: { queue: DossierQueue; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['dossiers', 'list', params],
    queryFn: ({ signal }) => api.get<DossierListResponse>('/api/dossiers', params, signal),
    placeholderData: (previous) => previous,
  });
}

/** Colour of a due date: red when overdue, orange when due soon, otherwise none. */
export function deadlineColor(item: Pick<DossierListItem, 'deadlineAlert' | 'dueAt'>, now = Date.now()): string | undefined {
  if (item.deadlineAlert === 'overdue' || (item.dueAt && Date.parse(item.dueAt) < now)) return '#b3261e';
  if (item.deadlineAlert === 'due_soon') return '#ad6800';
  return undefined;
}
