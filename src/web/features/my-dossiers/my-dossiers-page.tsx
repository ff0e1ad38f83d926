/** Hồ sơ của tôi: the signed-in citizen's dossiers, newest first, paginated. Rendered inside RequireUser. */
import { Empty, Pagination, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { DossierListItem } from '../../../shared/schemas/dossiers';
import { formatDate, formatDateTime } from '../../../shared/text';
import { api } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { QueryError } from '../procedure/procedure-page';
import { DossierStatusTag } from './dossier-status';
import '../procedure/citizen.css';

const PAGE_SIZE = 10;

export function MyDossiersPage() {
  usePageTitle('Hồ sơ của tôi');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const query = useQuery({
    queryKey: ['dossiers', 'mine', page],
    queryFn: ({ signal }) => api.get<{ items: DossierListItem[]; total: number }>('/api/dossiers/mine', { page, pageSize: PAGE_SIZE }, signal),
  });
  return (
    <div className="page-container citizen-page">
      <h1 className="page-heading" style={{ fontSize: 26 }}>Hồ sơ của tôi</h1>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError ? (
        <QueryError title="Không tải được danh sách hồ sơ" error={query.error} retry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty description={<>Bạn chưa nộp hồ sơ nào. <Link to="/thu-tuc">Tìm thủ tục để nộp hồ sơ trực tuyến</Link></>} />
      ) : (
        <>
          <ul className="dossier-cards" aria-label="Danh sách hồ sơ của tôi">
            {query.data.items.map((d) => (
              <li key={d.id}>
                <div className="row">
                  <Link to={`/ho-so-cua-toi/${d.id}`}><strong>{d.code}</strong></Link>
                  <DossierStatusTag status={d.status} label={d.statusLabel} />
                </div>
                <span>{d.procedureName}</span>
                <span className="muted">
                  {[`Nộp lúc ${formatDateTime(d.submittedAt)}`, d.dueAt ? `Hẹn trả ${formatDate(d.dueAt)}` : null, d.competentAgency.name].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          {query.data.total > PAGE_SIZE && (
            <Pagination
              style={{ marginTop: 16 }}
              current={page}
              pageSize={PAGE_SIZE}
              total={query.data.total}
              showSizeChanger={false}
              onChange={(p) => setParams({ trang: String(p) })}
            />
          )}
        </>
      )}
    </div>
  );
}
