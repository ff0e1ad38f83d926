import type { ReactNode } from 'react';
import { Result } from 'antd';
import { Link, Navigate, useLocation } from 'react-router';
import { useSession } from '../api/client';
import { PageLoading } from './page-loading';

/** Where to go back to after signing in: only paths inside this site. */
export function safeNextPath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}

export function signInPath(next: string) {
  return `/dang-nhap?next=${encodeURIComponent(next)}`;
}

/** Renders children for a signed-in user; sends anyone else to the sign-in page and back afterwards. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <PageLoading />;
  if (!user) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return children;
}

export function Forbidden({ title = 'Bạn không có quyền truy cập chức năng này', backTo = '/' }: { title?: string; backTo?: string }) {
  return <Result status="403" title="Không có quyền truy cập" subTitle={title} extra={<Link to={backTo}>Về trang chủ</Link>} />;
}

/** Renders children when the user holds one of the permissions (the server checks again on every request). */
export function RequirePermission({ permissions, backTo, children }: { permissions: readonly string[]; backTo?: string; children: ReactNode }) {
  const { can, isLoading } = useSession();
  if (isLoading) return <PageLoading />;
  if (permissions.length > 0 && !can(...permissions)) return <Forbidden backTo={backTo} />;
  return children;
}
