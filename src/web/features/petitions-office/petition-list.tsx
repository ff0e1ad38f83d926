/**
 * Phản ánh, kiến nghị in the officer's scope: filters by status, deadline and category, a search that ignores
 * diacritics (done by the server), pagination; all kept in the address so a list can be shared or reloaded.
 */
import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PetitionListItem } from '../../../shared/schemas/petitions';
import {
  PETITION_CATEGORIES,
  PETITION_STATUSES,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionStatusLabels,
  type PetitionChannel,
} from '../../../shared/workflow/petition-workflow';
import { formatDate, formatDateTime } from '../../../shared/text';
import { errorMessageOf } from '../../api/client';
import { BACK_OFFICE_BASE } from '../back-office/sections';
import { deadlineStateLabels, petitionDeadlineColor, usePetitionList } from './petitions-api';

export const PETITIONS_BASE = `${BACK_OFFICE_BASE}/phan-anh`;
const PAGE_SIZE = 20;

/** The list's filters, each kept in the address under `param`. The deadline one: open petitions past their deadline, or all but those. */
const filters = [
  { param: 'trang-thai', label: 'Lọc theo trạng thái', placeholder: 'Mọi trạng thái', width: 230, options: PETITION_STATUSES.map((s) => ({ value: s, label: petitionStatusLabels[s] })) },
  {
    param: 'han',
    label: 'Lọc theo thời hạn',
    placeholder: 'Mọi thời hạn',
    width: 190,
    options: [
      { value: 'overdue', label: 'Quá hạn trả lời' },
      { value: 'on-time', label: 'Không quá hạn' },
    ],
  },
  { param: 'loai', label: 'Lọc theo loại', placeholder: 'Mọi loại', width: 260, options: PETITION_CATEGORIES.map((c) => ({ value: c, label: petitionCategoryLabels[c] })) },
];

export function PetitionDue({ item }: { item: Pick<PetitionListItem, 'answerDueOn' | 'deadlineState' | 'forwardDueOn' | 'status'> }) {
  const color = petitionDeadlineColor(item.deadlineState);
  return (
    <Space orientation="vertical" size={0}>
      <span style={{ color, fontWeight: color ? 600 : undefined }}>
        {formatDate(item.answerDueOn)}
        {item.deadlineState === 'overdue' && ' (quá hạn)'}
        {item.deadlineState === 'answered_late' && ' (trả lời trễ hạn)'}
      </span>
      {item.status === 'received' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Chuyển cơ quan có thẩm quyền trước: {formatDate(item.forwardDueOn)}
        </Typography.Text>
      )}
    </Space>
  );
}

const columns: ColumnsType<PetitionListItem> = [
  {
    title: 'Mã',
    dataIndex: 'code',
    render: (code: string, item) => (
      <Link to={`${PETITIONS_BASE}/${item.id}`} style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
        {code}
      </Link>
    ),
  },
  {
    title: 'Tiêu đề',
    dataIndex: 'title',
    render: (title: string, item) => (
      <Space orientation="vertical" size={0}>
        <span>{title}</span>
        {item.category && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {petitionCategoryLabels[item.category]}
          </Typography.Text>
        )}
      </Space>
    ),
  },
  { title: 'Người phản ánh', dataIndex: 'petitionerName' },
  { title: 'Kênh', dataIndex: 'channel', render: (c: string) => petitionChannelLabels[c as PetitionChannel] ?? c },
  { title: 'Ngày tiếp nhận', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
  {
    title: 'Trạng thái',
    dataIndex: 'statusLabel',
    render: (label: string, item) => (
      <Space orientation="vertical" size={0}>
        <Tag color="blue">{label}</Tag>
        {item.assignedTo && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.assignedTo.name}
          </Typography.Text>
        )}
      </Space>
    ),
  },
  { title: 'Hạn trả lời', key: 'due', render: (_: unknown, item) => <PetitionDue item={item} /> },
];

export function PetitionList() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('trang-thai') ?? undefined;
  const deadline = params.get('han') ?? undefined;
  const category = params.get('loai') ?? undefined;
  const mine = params.get('cua-toi') === '1';
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const [text, setText] = useState(q);
  const navigate = useNavigate();
  const list = usePetitionList({
    q: q || undefined,
    status,
    category,
    overdue: deadline === 'overdue' ? 'true' : deadline === 'on-time' ? 'false' : undefined,
    assignedToMe: mine ? 'true' : undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  // Any change of filter goes back to the first page; only the pagination sets `trang`.
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries({ ...changes, trang: changes.trang })) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const filtered = !!(q || status || deadline || category || mine);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="Tìm phản ánh, kiến nghị"
          placeholder="Tìm theo mã, tiêu đề, tên người phản ánh (có dấu hoặc không dấu)"
          allowClear
          enterButton="Tìm"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ width: 460, maxWidth: '100%' }}
        />
        {filters.map((f) => (
          <Select
            key={f.param}
            aria-label={f.label}
            placeholder={f.placeholder}
            allowClear
            style={{ width: f.width }}
            value={params.get(f.param) ?? undefined}
            onChange={(v?: string) => update({ [f.param]: v })}
            options={f.options}
          />
        ))}
        <Button type={mine ? 'primary' : 'default'} aria-pressed={mine} onClick={() => update({ 'cua-toi': mine ? undefined : '1' })}>
          Được giao cho tôi
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => navigate(`${PETITIONS_BASE}/vao-so`)}>
          Vào sổ phản ánh nhận qua văn bản, điện thoại
        </Button>
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessageOf(list.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Table<PetitionListItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1000 }}
        rowClassName={(item) => (item.deadlineState === 'overdue' ? 'row-overdue' : '')}
        locale={{
          // In the theme's secondary text colour: the table's default grey is too pale to read (WCAG AA).
          emptyText: (
            <Typography.Text type="secondary">
              {filtered ? 'Không có phản ánh, kiến nghị nào khớp với điều kiện lọc' : 'Chưa có phản ánh, kiến nghị nào trong phạm vi của bạn'}
            </Typography.Text>
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `${total.toLocaleString('vi-VN')} phản ánh, kiến nghị`,
          onChange: (p) => update({ trang: p > 1 ? String(p) : undefined }),
        }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        Hạn trả lời tính theo ngày làm việc kể từ ngày cơ quan tiếp nhận; {deadlineStateLabels.overdue.toLowerCase()} là phản ánh chưa được trả lời khi đã qua hạn.
      </Typography.Paragraph>
    </>
  );
}
