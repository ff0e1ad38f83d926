import { Spin } from 'antd';

/** Shown while a page's code or first data loads. */
export function PageLoading({ label = 'Đang tải...' }: { label?: string }) {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin size="large" />
      <span>{label}</span>
    </div>
  );
}
