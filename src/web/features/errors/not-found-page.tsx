import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../components/page-title';

export function NotFoundPage() {
  usePageTitle('Không tìm thấy trang');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác."
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          Về trang chủ
        </Button>
      }
    />
  );
}
