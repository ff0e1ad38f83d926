/**
 * Danh mục TTHC for administrators: the procedure list (diacritics-insensitive search, paginated; a procedure opens
 * its drawer with versions and internal processes), publication decisions (the only way content changes), fields,
 * and the XLSX/CSV import. A rejected file writes nothing and shows the server's row-by-row, column-by-column report.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Space, Table, Tabs, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ImportResult, ProcedureListItem, ProcedureListResponse } from '../../../shared/schemas/catalog';
import { api, ApiError, errorMessageOf } from '../../api/client';
import { AdminHeading, ErrorBanner, ToneTag } from './admin-common';
import { CatalogFields } from './catalog-fields';
import { DecisionEditor, DecisionList, type DecisionDraft } from './decision-editor';
import { ProcedureAdminDrawer } from './procedure-admin-drawer';

interface ImportIssue {
  row: number;
  column: string | null;
  header: string | null;
  message: string;
}

const outcomeLabels: Record<ImportResult['outcomes'][number]['outcome'], string> = {
  created: 'Thêm mới',
  amended: 'Sửa đổi, bổ sung',
  corrected: 'Đính chính',
  unchanged: 'Không thay đổi',
};

function ProcedureList({ onOpen }: { onOpen: (id: string) => void }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['catalog', 'procedures', 'admin', q, page],
    queryFn: ({ signal }) => api.get<ProcedureListResponse>('/api/catalog/procedures', { q: q || undefined, page, pageSize: 20 }, signal),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="Tìm thủ tục"
          placeholder="Tên hoặc mã thủ tục (có dấu hoặc không dấu)"
          allowClear
          enterButton="Tìm"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 420 }}
        />
        <Button icon={<DownloadOutlined />} href="/api/catalog/export?format=xlsx">
          Xuất danh mục (XLSX)
        </Button>
      </Space>
      <ErrorBanner error={list.error} />
      {list.data?.searchMode && list.data.searchMode !== 'strict' && <Alert type="info" showIcon title="Kết quả gần đúng với từ khóa đã nhập" style={{ marginBottom: 12 }} />}
      <Table<ProcedureListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: q ? `Không có thủ tục nào khớp với «${q}»` : 'Chưa có thủ tục nào' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `${t.toLocaleString('vi-VN')} thủ tục` }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 170 },
          { title: 'Tên thủ tục', dataIndex: 'name' },
          { title: 'Lĩnh vực', dataIndex: ['field', 'name'] },
          { title: 'Cấp', dataIndex: 'levelLabel', width: 110 },
          { title: 'Thời hạn', dataIndex: ['time', 'label'], width: 150 },
          { title: 'Trực tuyến', dataIndex: 'onlineLevel', width: 110, render: (v: number) => <ToneTag tone={v >= 3 ? 'green' : 'grey'}>Mức {v}</ToneTag> },
          {
            title: 'Thao tác',
            key: 'open',
            width: 100,
            fixed: 'right',
            render: (_, p) => (
              <Button size="small" aria-label={`Quản lý thủ tục ${p.code}`} onClick={() => onOpen(p.id)}>
                Chi tiết
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

function CatalogImport() {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const run = useMutation({
    mutationFn: () => {
      const body = new FormData();
      body.append('file', file!, file!.name);
      return api.post<ImportResult>(`/api/catalog/import${dryRun ? '?dryRun=true' : ''}`, body);
    },
  });
  const issues: ImportIssue[] =
    run.error instanceof ApiError ? (((run.error.details as { errors?: ImportIssue[] } | undefined)?.errors ?? []) as ImportIssue[]) : [];
  return (
    <>
      <Typography.Paragraph>
        Tệp cùng định dạng với tệp xuất danh mục (một dòng một thủ tục). Tệp có lỗi bị từ chối toàn bộ: không dữ liệu nào được ghi, kèm báo cáo lỗi theo từng dòng, từng cột.
      </Typography.Paragraph>
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
        <p>Chọn hoặc kéo thả tệp danh mục (.xlsx, .csv)</p>
      </Upload.Dragger>
      <Space style={{ marginTop: 16 }} wrap>
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          Chỉ kiểm tra, chưa ghi dữ liệu
        </Checkbox>
        <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => run.mutate()}>
          {dryRun ? 'Kiểm tra tệp' : 'Nhập danh mục'}
        </Button>
      </Space>
      {run.isError && (
        <div style={{ marginTop: 16 }}>
          <Alert type="error" showIcon title={errorMessageOf(run.error)} role="alert" />
          {issues.length > 0 && (
            <Table<ImportIssue>
              style={{ marginTop: 12 }}
              aria-label="Báo cáo lỗi nhập danh mục"
              rowKey={(i, k) => `${i.row}-${i.column}-${k}`}
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
      {run.data && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="success"
            showIcon
            title={`${run.data.dryRun ? 'Tệp hợp lệ (chưa ghi dữ liệu)' : 'Đã nhập danh mục'}: ${run.data.rows} dòng — ${run.data.created} thêm mới, ${run.data.amended} sửa đổi, ${run.data.corrected} đính chính, ${run.data.unchanged} không đổi`}
          />
          <Table
            style={{ marginTop: 12 }}
            rowKey="row"
            size="small"
            dataSource={run.data.outcomes}
            pagination={run.data.outcomes.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 80 },
              { title: 'Mã thủ tục', dataIndex: 'code' },
              { title: 'Kết quả', dataIndex: 'outcome', render: (o: keyof typeof outcomeLabels) => outcomeLabels[o] },
            ]}
          />
        </div>
      )}
    </>
  );
}

export function CatalogAdminPage() {
  const [procedureId, setProcedureId] = useState<string>();
  const [draft, setDraft] = useState<DecisionDraft>();
  return (
    <>
      <AdminHeading title="Danh mục thủ tục hành chính" />
      <Tabs
        items={[
          { key: 'list', label: 'Danh sách thủ tục', children: <ProcedureList onOpen={setProcedureId} /> },
          { key: 'decisions', label: 'Quyết định công bố', children: <DecisionList onOpen={setDraft} /> },
          { key: 'fields', label: 'Lĩnh vực', children: <CatalogFields /> },
          { key: 'import', label: 'Nhập từ tệp XLSX', children: <CatalogImport /> },
        ]}
      />
      <ProcedureAdminDrawer
        procedureId={procedureId}
        onClose={() => setProcedureId(undefined)}
        onDraft={(d) => {
          setProcedureId(undefined);
          setDraft(d);
        }}
      />
      <DecisionEditor draft={draft} onClose={() => setDraft(undefined)} />
    </>
  );
}
