/** Account mutations: each keeps the session query in step with the server. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, RegisterInput, SessionResponse } from '../../shared/schemas/auth';
import { api, rememberCsrfToken, sessionQueryKey } from './client';

function useSessionWrite<TInput>(send: (input: TInput) => Promise<SessionResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      // Another user's cached data must not survive a change of user.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useSignIn() {
  return useSessionWrite((input: LoginInput) => api.post<SessionResponse>('/api/auth/login', input));
}

export function useRegister() {
  return useSessionWrite((input: RegisterInput) => api.post<SessionResponse>('/api/auth/register', input));
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      rememberCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, { user: null, csrfToken: null } satisfies SessionResponse);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (input: { identifier: string }) => api.post<{ ok: true }>('/api/auth/password-reset/request', input) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) => api.post<{ ok: true }>('/api/auth/password-reset/confirm', input),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/api/auth/password', input),
  });
}
