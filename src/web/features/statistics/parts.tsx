/** Small pieces shared by the statistics pages: a headline figure and the Excel download button. */
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';

export function Kpi({ title, value, note }: { title: string; value: string; note?: string | undefined }) {
  return (
    <div className="stat-kpi" role="group" aria-label={title}>
      <div className="stat-kpi-title">{title}</div>
      <div className="stat-kpi-value">{value}</div>
      {note && <div className="stat-kpi-note">{note}</div>}
    </div>
  );
}

export function XlsxButton({ href, label = 'Tải Excel' }: { href: string; label?: string }) {
  return (
    <Button href={href} download icon={<DownloadOutlined />}>
      {label}
    </Button>
  );
}
