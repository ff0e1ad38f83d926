/**
 * Đơn vị và cơ quan: the administrative-unit tree as of today (a unit opens its drawer: versions, edit, end, found
 * a unit under it; merging from the toolbar), and the agencies (search, paginated; an agency opens its drawer).
 */
import { useState } from 'react';
import { Button, DatePicker, Empty, Input, Space, Spin, Table, Tabs, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DataNode } from 'antd/es/tree';
import { useQuery } from '@tanstack/react-query';
import { agencyKindLabels, unitKindLabels, type AgencyListResponse, type AgencySummary, type UnitTreeNode, type UnitTreeResponse } from '../../../shared/schemas/units';
import { formatDate } from '../../../shared/text';
import { api } from '../../api/client';
import { AdminHeading, DATE_FORMAT, ErrorBanner, UnitSelect } from './admin-common';
import { AgencyDrawer } from './agency-drawer';
import { UnitDrawer, UnitMergeDrawer } from './unit-drawer';

function toData(node: UnitTreeNode): DataNode {
  return { key: node.id, title: `${node.name} (${unitKindLabels[node.kind]}, mã ${node.code})`, children: node.children.map(toData) };
}

function UnitTree() {
  const [open, setOpen] = useState<string>();
  const [merging, setMerging] = useState(false);
  // Units are versioned: the tree as it stood on any day (default today), e.g. before the 2025 reorganisation.
  const [day, setDay] = useState<string | null>(null);
  const tree = useQuery({
    queryKey: ['units', 'tree', day],
    queryFn: ({ signal }) => api.get<UnitTreeResponse>('/api/units/tree', { asOf: day ?? undefined }, signal),
    placeholderData: (p) => p,
  });
  if (tree.isPending) return <Spin />;
  if (tree.isError) return <ErrorBanner error={tree.error} />;
  const { counts, roots, asOf } = tree.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <DatePicker aria-label="Xem cây đơn vị tại ngày" format={DATE_FORMAT} placeholder="Hôm nay" value={day ? dayjs(day) : null} onChange={(d) => setDay(d ? d.format('YYYY-MM-DD') : null)} />
          <Typography.Text type="secondary">
            Ngày {formatDate(asOf)}: {counts.province} đơn vị cấp tỉnh, {counts.district} cấp huyện, {counts.commune} cấp xã. Chọn một đơn vị để xem lịch sử và sửa đổi.
          </Typography.Text>
        </Space>
        <Space wrap>
          <UnitSelect aria-label="Tìm đơn vị hành chính" value={undefined} onChange={(v) => typeof v === 'string' && setOpen(v)} style={{ width: 300 }} />
          <Button onClick={() => setMerging(true)}>Sáp nhập đơn vị</Button>
        </Space>
      </Space>
      {roots.length === 0 ? (
        <Empty description="Chưa có đơn vị hành chính" />
      ) : (
        <Tree key={asOf} aria-label="Cây đơn vị hành chính" treeData={roots.map(toData)} defaultExpandedKeys={roots.map((r) => r.id)} showLine virtual height={560} selectedKeys={[]} onSelect={(keys) => keys[0] && setOpen(String(keys[0]))} />
      )}
      <UnitDrawer unitId={open} onClose={() => setOpen(undefined)} />
      <UnitMergeDrawer open={merging} onClose={() => setMerging(false)} />
    </>
  );
}

function AgencyList() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const list = useQuery({
    queryKey: ['agencies', 'admin', q, page],
    queryFn: ({ signal }) => api.get<AgencyListResponse>('/api/agencies', { q: q || undefined, page, pageSize: 20 }, signal),
    placeholderData: (p) => p,
  });
  const names = new Map((list.data?.items ?? []).map((a) => [a.id, a.shortName || a.name]));
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search aria-label="Tìm cơ quan" placeholder="Tên cơ quan (không phân biệt dấu) hoặc mã định danh" enterButton="Tìm" allowClear onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 420 }} />
      </Space>
      <ErrorBanner error={list.error} />
      <Table<AgencySummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: 'Không có cơ quan nào' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: 'Tên cơ quan', dataIndex: 'name' },
          { title: 'Loại', dataIndex: 'kind', render: (k: AgencySummary['kind']) => agencyKindLabels[k] },
          { title: 'Mã định danh', dataIndex: 'identifierCode' },
          { title: 'Địa bàn', dataIndex: ['unit', 'name'] },
          { title: 'Trực thuộc', dataIndex: 'parentId', render: (p: string | null) => (p ? (names.get(p) ?? '') : '') },
          { title: 'Hoạt động đến', dataIndex: 'validTo', width: 120, render: (v: string | null) => (v ? formatDate(v) : '') },
          {
            title: 'Thao tác',
            key: 'open',
            width: 100,
            fixed: 'right',
            render: (_, a) => (
              <Button size="small" aria-label={`Quản lý ${a.name}`} onClick={() => setOpen(a.id)}>
                Chi tiết
              </Button>
            ),
          },
        ]}
      />
      <AgencyDrawer agencyId={open} onClose={() => setOpen(undefined)} />
    </>
  );
}

export function UnitsAdminPage() {
  return (
    <>
      <AdminHeading title="Đơn vị hành chính và cơ quan" />
      <Tabs
        items={[
          { key: 'units', label: 'Đơn vị hành chính', children: <UnitTree /> },
          { key: 'agencies', label: 'Cơ quan', children: <AgencyList /> },
        ]}
      />
    </>
  );
}
