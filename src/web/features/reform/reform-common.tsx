/** Pieces shared by the reform records pages: area tags, the XLSX/CSV import panel with its row report. */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isReformArea, reformAreaShortLabels } from '../../../shared/reform-areas';
import type { ImportIssue } from '../../../shared/schemas/catalog';
import { api, ApiError, errorMessageOf } from '../../api/client';

const AREA_COLORS: Record<string, string> = {
  direction: '#531dab',
  institutions: '#0958d9',
  procedures: '#006d75',
  organisation: '#1d39c4',
  civil_service: '#874d00',
  public_finance: '#237804',
  digital_government: '#9e1068',
};

export function AreaTags({ areas }: { areas: readonly string[] }) {
  return (
    <>
      {areas.map((a) => (
        <Tag key={a} color={AREA_COLORS[a]} style={{ marginBottom: 2 }}>
          {isReformArea(a) ? reformAreaShortLabels[a] : a}
        </Tag>
      ))}
    </>
  );
}

export const areaOptions = Object.entries(reformAreaShortLabels).map(([value, label]) => ({ value, label }));

/** Upload → dry run or import; a rejected file shows the row/column report, an accepted one a summary. */
export function ImportPanel<R>({ url, help, label, summary, invalidate }: { url: string; help: ReactNode; label: string; summary: (r: R) => ReactNode; invalidate: string[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => {
      const body = new FormData();
      body.append('file', file!, file!.name);
      return api.post<R>(`${url}${dryRun ? '?dryRun=true' : ''}`, body);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: invalidate }),
  });
  const issues: ImportIssue[] = run.error instanceof ApiError ? (((run.error.details as { errors?: ImportIssue[] } | undefined)?.errors ?? []) as ImportIssue[]) : [];
  return (
    <>
      <Typography.Paragraph>{help}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          run.reset();
          return false;
        }}
        onRemove={() => setFile(null)}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>Chọn hoặc kéo thả tệp (.xlsx, .csv)</p>
      </Upload.Dragger>
      <Space style={{ marginTop: 16 }} wrap>
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          Chỉ kiểm tra, chưa ghi dữ liệu
        </Checkbox>
        <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => run.mutate()}>
          {dryRun ? 'Kiểm tra tệp' : label}
        </Button>
      </Space>
      {run.isError && (
        <div style={{ marginTop: 16 }}>
          <Alert type="error" showIcon title={errorMessageOf(run.error)} role="alert" />
          {issues.length > 0 && (
            <Table<ImportIssue>
              style={{ marginTop: 12 }}
              aria-label="Báo cáo lỗi của tệp nhập"
              rowKey={(i) => `${i.row}-${i.column}-${i.message}`}
              size="small"
              dataSource={issues}
              pagination={issues.length > 50 ? { pageSize: 50 } : false}
              columns={[
                { title: 'Dòng', dataIndex: 'row', width: 80 },
                { title: 'Cột', dataIndex: 'column', width: 80, render: (v: string | null) => v ?? '' },
                { title: 'Tên cột', dataIndex: 'header', render: (v: string | null) => v ?? '' },
                { title: 'Lỗi', dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
      {run.data && <div style={{ marginTop: 16 }}>{summary(run.data)}</div>}
    </>
  );
}

export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
export const number = (n: number) => n.toLocaleString('vi-VN');
