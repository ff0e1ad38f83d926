/** Nhật ký hệ thống: the audit trail with filters (action, subject, period), newest first, paginated. */
import { useState } from 'react';
import { DatePicker, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { AUDIT_COUNT_CAP, type AuditEntryView, type AuditPage as AuditPageData } from '../../../shared/schemas/audit';
import { formatDateTime } from '../../../shared/text';
import { api } from '../../api/client';
import { AdminHeading, ErrorBanner } from './admin-common';

interface Filters {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const set = (f: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage(1);
  };
  const list = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) => api.get<AuditPageData>('/api/audit', { ...filters, page, pageSize: 50 }, signal),
    placeholderData: (p) => p,
  });
  const total = list.data?.total ?? 0;
  return (
    <>
      <AdminHeading title="Nhật ký hệ thống">Mọi thay đổi dữ liệu và mọi lần xem thông tin cá nhân, không sửa, không xóa được.</AdminHeading>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label="Thao tác" placeholder="Mã thao tác, ví dụ dossier. hoặc user.created" allowClear onSearch={(v) => set({ action: v.trim() || undefined })} style={{ width: 300 }} />
        <Input.Search aria-label="Loại đối tượng" placeholder="Loại đối tượng, ví dụ dossier" allowClear onSearch={(v) => set({ subjectType: v.trim() || undefined })} style={{ width: 240 }} />
        <Input.Search aria-label="Mã đối tượng" placeholder="Mã đối tượng" allowClear onSearch={(v) => set({ subjectId: v.trim() || undefined })} style={{ width: 240 }} />
        <DatePicker.RangePicker
          aria-label="Khoảng thời gian"
          format="DD/MM/YYYY"
          placeholder={['Từ ngày', 'Đến ngày']}
          onChange={(range) => {
            const [a, b] = (range ?? [null, null]) as [Dayjs | null, Dayjs | null];
            set({ from: a?.format('YYYY-MM-DD'), to: b?.format('YYYY-MM-DD') });
          }}
        />
      </Space>
      <ErrorBanner error={list.error} />
      <Table<AuditEntryView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: 'Không có bản ghi nào' }}
        pagination={{
          current: page,
          pageSize: 50,
          total,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: () => (list.data?.totalCapped ? `Hơn ${AUDIT_COUNT_CAP.toLocaleString('vi-VN')} bản ghi` : `${total.toLocaleString('vi-VN')} bản ghi`),
        }}
        columns={[
          { title: 'Thời điểm', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
          { title: 'Người thực hiện', key: 'actor', render: (_, e) => e.actor.label ?? (e.actor.kind === 'system' ? 'Hệ thống' : e.actor.kind) },
          { title: 'Thao tác', dataIndex: 'action', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: 'Đối tượng', key: 'subject', render: (_, e) => `${e.subjectType}${e.subjectId ? ` ${e.subjectId}` : ''}` },
          {
            title: 'Nội dung',
            dataIndex: 'summary',
            render: (s: AuditEntryView['summary']) => (s ? <Typography.Text style={{ fontSize: 12 }}>{JSON.stringify(s)}</Typography.Text> : ''),
          },
          { title: 'Địa chỉ IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '' },
        ]}
      />
    </>
  );
}
