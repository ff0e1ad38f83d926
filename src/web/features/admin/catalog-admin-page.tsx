/**
 * Danh mục TTHC for administrators: the procedure list (diacritics-insensitive search, paginated; a procedure opens
 * its drawer with versions and internal processes), publication decisions (the only way content changes), fields,
 * and the XLSX/CSV import. A rejected file writes nothing and shows the server's row-by-row, column-by-column report.
 */
import { useState } from 'react';
import { Alert, Button, Input, Space, Table, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ImportResult, ProcedureListItem, ProcedureListResponse } from '../../../shared/schemas/catalog';
import { api } from '../../api/client';
import { ImportPanel } from '../../components/import-panel';
import { AdminHeading, ErrorBanner, ToneTag } from './admin-common';
import { CatalogFields } from './catalog-fields';
import { DecisionEditor, DecisionList, type DecisionDraft } from './decision-editor';
import { ProcedureAdminDrawer } from './procedure-admin-drawer';

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
  return (
    <ImportPanel<ImportResult>
      url="/api/catalog/import"
      what="tệp danh mục"
      label="Nhập danh mục"
      help="Tệp cùng định dạng với tệp xuất danh mục (một dòng một thủ tục). Tệp có lỗi bị từ chối toàn bộ: không dữ liệu nào được ghi, kèm báo cáo lỗi theo từng dòng, từng cột."
      summary={(result) => (
        <>
          <Alert
            type="success"
            showIcon
            title={`${result.dryRun ? 'Tệp hợp lệ (chưa ghi dữ liệu)' : 'Đã nhập danh mục'}: ${result.rows} dòng — ${result.created} thêm mới, ${result.amended} sửa đổi, ${result.corrected} đính chính, ${result.unchanged} không đổi`}
          />
          <Table
            style={{ marginTop: 12 }}
            rowKey="row"
            size="small"
            dataSource={result.outcomes}
            pagination={result.outcomes.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 80 },
              { title: 'Mã thủ tục', dataIndex: 'code' },
              { title: 'Kết quả', dataIndex: 'outcome', render: (o: keyof typeof outcomeLabels) => outcomeLabels[o] },
            ]}
          />
        </>
      )}
    />
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
