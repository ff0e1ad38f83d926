/** Hàng đợi hồ sơ: the officer's queues as tabs, a search box and a paginated list; a row opens the dossier page. */
import { useState } from 'react';
import { Alert, Badge, Input, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { dossierChannelLabels, type DossierListItem } from '../../../shared/schemas/dossiers';
import { formatDate, formatDateTime } from '../../../shared/text';
import { errorMessageOf } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { BACK_OFFICE_BASE } from '../back-office/sections';
import { isQueue, queueTabs } from './labels';
import { deadlineColor, useDossierList, useQueueCounts } from './queue-api';

const PAGE_SIZE = 20;

function DueCell({ item }: { item: DossierListItem }) {
  if (item.status === 'pending_acceptance') {
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text style={{ fontSize: 13 }}>Báo trong 2 giờ: {formatDateTime(item.acceptAlertAt)}</Typography.Text>
        <Typography.Text style={{ fontSize: 13 }}>Tiếp nhận trong 8 giờ làm việc: {formatDateTime(item.acceptDueAt)}</Typography.Text>
      </Space>
    );
  }
  if (item.status === 'waiting_for_supplement') {
    return <Typography.Text style={{ fontSize: 13 }}>Hạn bổ sung: {formatDate(item.supplementDeadline) || '—'}</Typography.Text>;
  }
  const color = deadlineColor(item);
  return (
    <Space orientation="vertical" size={0}>
      <span style={{ color, fontWeight: color ? 600 : undefined }}>
        {formatDateTime(item.dueAt) || '—'}
        {item.deadlineAlert === 'overdue' && ' (quá hạn)'}
        {item.deadlineAlert === 'due_soon' && ' (sắp đến hạn)'}
      </span>
      {item.stepDueAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Hạn bước: {formatDateTime(item.stepDueAt)}
        </Typography.Text>
      )}
    </Space>
  );
}

const columns: ColumnsType<DossierListItem> = [
  {
    title: 'Mã hồ sơ',
    dataIndex: 'code',
    render: (code: string, item) => (
      <Link to={`${BACK_OFFICE_BASE}/ho-so/${item.id}`} style={{ fontWeight: 600 }}>
        {code}
      </Link>
    ),
  },
  {
    title: 'Thủ tục',
    dataIndex: 'procedureName',
    render: (name: string, item) => (
      <Tooltip title={item.procedureCode}>
        <span>{name}</span>
      </Tooltip>
    ),
  },
  {
    title: 'Người nộp',
    dataIndex: 'applicantName',
    render: (name: string, item) => (
      <Space orientation="vertical" size={0}>
        <span>{name}</span>
        {item.applicantIdNumberMasked && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.applicantIdNumberMasked}
          </Typography.Text>
        )}
      </Space>
    ),
  },
  { title: 'Hình thức', dataIndex: 'channel', render: (c: DossierListItem['channel']) => dossierChannelLabels[c] },
  { title: 'Ngày nộp', dataIndex: 'submittedAt', render: (v: string) => formatDate(v) },
  {
    title: 'Trạng thái',
    dataIndex: 'statusLabel',
    render: (label: string, item) => (
      <Space orientation="vertical" size={0}>
        <Tag color="blue">{label}</Tag>
        {item.currentStepName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.currentStepName}</Typography.Text>}
      </Space>
    ),
  },
  { title: 'Hạn giải quyết', key: 'due', render: (_: unknown, item) => <DueCell item={item} /> },
];

export function QueuePage() {
  usePageTitle('Hàng đợi hồ sơ', site.backOfficeTitle);
  const [params, setParams] = useSearchParams();
  const raw = params.get('hang-doi');
  const queue = isQueue(raw) ? raw : 'mine';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const [text, setText] = useState(q);
  const counts = useQueueCounts();
  const list = useDossierList({ queue, q: q || undefined, page, pageSize: PAGE_SIZE });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const tab = queueTabs.find((t) => t.key === queue)!;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        Hàng đợi hồ sơ
      </Typography.Title>
      <Tabs
        activeKey={queue}
        onChange={(key) => update({ 'hang-doi': key, trang: undefined })}
        items={queueTabs.map((t) => ({
          key: t.key,
          label: (
            <span>
              {t.label}{' '}
              <Badge
                count={counts.data?.counts[t.key] ?? 0}
                showZero
                overflowCount={9999}
                color={t.key === 'overdue' ? '#b3261e' : t.key === 'due_soon' ? '#ad6800' : '#52606d'}
              />
            </span>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary">{tab.hint}</Typography.Paragraph>
      <Input.Search
        aria-label="Tìm hồ sơ"
        placeholder="Tìm theo mã hồ sơ, tên người nộp (gõ có dấu hoặc không dấu), số định danh"
        allowClear
        enterButton="Tìm"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => update({ q: value.trim() || undefined, trang: undefined })}
        style={{ maxWidth: 560, marginBottom: 16 }}
      />
      {list.isError && <Alert type="error" showIcon title={errorMessageOf(list.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Table<DossierListItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 960 }}
        locale={{ emptyText: q ? `Không có hồ sơ nào khớp với «${q}»` : 'Không có hồ sơ nào trong hàng đợi này' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `${total.toLocaleString('vi-VN')} hồ sơ`,
          onChange: (p) => update({ trang: p > 1 ? String(p) : undefined }),
        }}
      />
    </>
  );
}
