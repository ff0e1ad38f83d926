/** The province's feedback settings (rating scale and its levels, answer deadlines), public and rarely changed. */
import { useQuery } from '@tanstack/react-query';
import type { FeedbackSettingsView } from '../../../shared/schemas/ratings';
import { api } from '../../api/client';

export function useFeedbackSettings() {
  return useQuery({
    queryKey: ['feedback-settings'],
    queryFn: ({ signal }) => api.get<FeedbackSettingsView>('/api/feedback-settings', undefined, signal),
    staleTime: 10 * 60_000,
  });
}
