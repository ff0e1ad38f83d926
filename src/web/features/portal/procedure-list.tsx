/**
 * Procedures of the published catalogue, searched by the server without regard to diacritics. A compact list for
 * the portal home and the search page; the catalogue module owns the procedure pages themselves.
 */
import { Alert, Button, Empty, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ProcedureListResponse } from '../../../shared/schemas/catalog';
import { api, errorMessageOf } from '../../api/client';

export function useProcedureSearch(q: string, pageSize: number) {
  return useQuery({
    queryKey: ['catalog', 'procedures', { q, pageSize }],
    queryFn: ({ signal }) => api.get<ProcedureListResponse>('/api/catalog/procedures', { q, pageSize }, signal),
  });
}

export function ProcedureList({ q = '', pageSize = 10, showTotal = false }: { q?: string; pageSize?: number; showTotal?: boolean }) {
  const query = useProcedureSearch(q, pageSize);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title="Không tải được danh mục thủ tục"
        description={errorMessageOf(query.error)}
        action={<Button onClick={() => query.refetch()}>Thử lại</Button>}
      />
    );
  }
  const { items, total } = query.data;
  if (items.length === 0) {
    return <Empty description={q ? `Không tìm thấy thủ tục phù hợp với “${q}”. Hãy thử từ khóa ngắn hơn.` : 'Chưa có thủ tục hành chính nào được công bố.'} />;
  }
  return (
    <>
      {showTotal && (
        <p className="procedure-total" role="status">
          {q ? `Tìm thấy ${total.toLocaleString('vi-VN')} thủ tục phù hợp với “${q}”` : `${total.toLocaleString('vi-VN')} thủ tục đang được áp dụng`}
          {total > items.length ? `, hiển thị ${items.length} thủ tục đầu tiên.` : '.'}
        </p>
      )}
      <ul className="procedure-list" aria-label="Danh sách thủ tục hành chính">
        {items.map((p) => (
          <li key={p.id}>
            <Link className="procedure-name" to={`/thu-tuc/${p.id}`}>{p.name}</Link>
            <span className="procedure-meta">
              {[p.code, p.field.name, p.levelLabel, p.time.label].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
