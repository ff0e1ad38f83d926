import { Result } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title';

/** A portal section whose module is not deployed yet: says so plainly instead of showing a broken page. */
export function ComingSoonPage({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <div className="page-container">
      <Result
        status="info"
        title={title}
        subTitle="Chức năng này đang được hoàn thiện và sẽ sớm được đưa vào sử dụng."
        extra={<Link to="/">Về trang chủ</Link>}
      />
    </div>
  );
}
