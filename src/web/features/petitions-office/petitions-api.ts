/** Petitions and FAQ for staff: the API calls and the Vietnamese presentation of deadlines shared by the pages. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PetitionDetail, PetitionListItem, PetitionListResponse } from '../../../shared/schemas/petitions';
import { api, ApiError, type QueryValue } from '../../api/client';

export type PetitionList = z.infer<typeof PetitionListResponse>;

export const petitionDetailKey = (id: string | undefined) => ['petitions', 'office', 'detail', id] as const;

export function usePetitionList(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['petitions', 'office', 'list', query],
    queryFn: ({ signal }) => api.get<PetitionList>('/api/petitions', query, signal),
    placeholderData: (previous) => previous,
  });
}

export function usePetition(id: string | undefined) {
  return useQuery({
    queryKey: petitionDetailKey(id),
    queryFn: ({ signal }) => api.get<PetitionDetail>(`/api/petitions/${id}`, undefined, signal),
    enabled: !!id,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

type DeadlineState = PetitionListItem['deadlineState'];

export const deadlineStateLabels: Record<DeadlineState, string> = {
  within_deadline: 'Trong hạn',
  overdue: 'Quá hạn',
  answered_on_time: 'Trả lời đúng hạn',
  answered_late: 'Trả lời trễ hạn',
  closed: 'Đã kết thúc',
};

/** Red when overdue or answered late, as in the dossier queue; none otherwise. */
export function petitionDeadlineColor(state: DeadlineState): string | undefined {
  return state === 'overdue' || state === 'answered_late' ? '#b3261e' : undefined;
}

/** Tag colours readable at WCAG AA (antd's light green, gold and orange tags are not). */
export const TAG_COLORS = { info: 'blue', success: '#237804', warning: '#ad4e00', danger: '#a8071a', neutral: 'default' } as const;

export const deadlineTagColors: Record<DeadlineState, string> = {
  within_deadline: TAG_COLORS.info,
  overdue: TAG_COLORS.danger,
  answered_on_time: TAG_COLORS.success,
  answered_late: TAG_COLORS.warning,
  closed: TAG_COLORS.neutral,
};
