import { lazy, Suspense } from 'react';
import { Button } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { PageLoading } from './page-loading';

const NotFoundPage = lazy(() => import('../features/errors/not-found-page').then((m) => ({ default: m.NotFoundPage })));

/** A chunk that no longer exists on the server: the app was updated while this tab was open. */
function isStaleChunk(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|Failed to fetch/i.test(message);
}

/**
 * Error boundary of every layout and page: a readable message, never a blank screen or a stack trace. Plain markup
 * on purpose, so it still renders when the failure was loading a chunk.
 */
export function RouteError() {
  const error = useRouteError();
  if ((isRouteErrorResponse(error) && error.status === 404) || (error instanceof ApiError && error.status === 404)) {
    return (
      <Suspense fallback={<PageLoading />}>
        <NotFoundPage />
      </Suspense>
    );
  }
  const stale = isStaleChunk(error);
  const title = stale ? 'Không tải được trang' : 'Đã có lỗi xảy ra';
  const message = stale
    ? 'Hệ thống có thể vừa được cập nhật hoặc kết nối mạng bị gián đoạn. Vui lòng tải lại trang.'
    : error instanceof ApiError
      ? error.message
      : 'Trang gặp sự cố ngoài dự kiến. Vui lòng tải lại trang hoặc thử lại sau.';
  return (
    <div className="route-error" role="alert">
      <WarningOutlined className="route-error-icon" aria-hidden />
      <h1>{title}</h1>
      <p>{message}</p>
      <div className="route-error-actions">
        <Button type="primary" onClick={() => window.location.reload()}>
          Tải lại trang
        </Button>
        <Link to="/">Về trang chủ</Link>
      </div>
    </div>
  );
}
