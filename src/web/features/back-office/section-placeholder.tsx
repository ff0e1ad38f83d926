import { Result } from 'antd';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';

/** A section whose module has not shipped yet. */
export function SectionPlaceholder({ title }: { title: string }) {
  usePageTitle(title, site.backOfficeTitle);
  return <Result status="info" title={title} subTitle="Chức năng này đang được hoàn thiện và sẽ sớm được đưa vào sử dụng." />;
}
