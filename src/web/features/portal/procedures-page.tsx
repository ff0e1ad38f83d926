import { Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { ProcedureList } from './procedure-list';
import { ProcedureSearchBox } from './procedure-search-box';

export function ProceduresPage() {
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  usePageTitle(q ? `Tìm thủ tục “${q}”` : 'Thủ tục hành chính');
  return (
    <div className="page-container">
      <Typography.Title level={1} className="page-heading" style={{ fontSize: 26 }}>
        Thủ tục hành chính
      </Typography.Title>
      {/* key: a new search from the header resets the box to the URL's query */}
      <ProcedureSearchBox key={q} defaultValue={q} large={false} />
      <div style={{ marginTop: 24 }}>
        <ProcedureList q={q} pageSize={20} showTotal />
      </div>
    </div>
  );
}
