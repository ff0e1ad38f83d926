/** Small pieces shared by the administration pages: the page heading and an API error banner. */
import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { errorMessageOf } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';

export function AdminHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title, site.backOfficeTitle);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children && <Typography.Paragraph type="secondary">{children}</Typography.Paragraph>}
    </>
  );
}

export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessageOf(error)} style={{ marginBottom: 16 }} role="alert" />;
}
