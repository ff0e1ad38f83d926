/** The XLSX/CSV import panel: upload → dry run or import; a rejected file shows the row/column report, an accepted one a summary. */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportIssue } from '../../shared/schemas/catalog';
import { api, ApiError, errorMessageOf } from '../api/client';

export function ImportPanel<R>({
  url,
  help,
  label,
  summary,
  invalidate,
  what = 'tệp',
}: {
  url: string;
  help: ReactNode;
  /** The button once "check only" is off (e.g. "Nhập danh mục"). */
  label: string;
  summary: (r: R) => ReactNode;
  /** Query keys that change when the import is written. */
  invalidate?: string[];
  /** What the file holds, in the drop zone's text (e.g. "tệp danh mục"). */
  what?: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => {
      const body = new FormData();
      body.append('file', file!, file!.name);
      return api.post<R>(`${url}${dryRun ? '?dryRun=true' : ''}`, body);
    },
    onSuccess: () => (invalidate ? void queryClient.invalidateQueries({ queryKey: invalidate }) : undefined),
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
        <p>Chọn hoặc kéo thả {what} (.xlsx, .csv)</p>
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

