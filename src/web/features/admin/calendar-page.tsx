/** Lịch làm việc: a year's official days off and extra working days (làm bù), edited and saved as one list. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarYearOriginLabels, type CalendarDayEntry, type CalendarYearResponse, type OfficialYearInput } from '../../../shared/schemas/calendar';
import { formatDate, formatDateTime } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { AdminHeading, ErrorBanner, ToneTag } from './admin-common';

function DayList({ title, entries, onChange, year, editable }: { title: string; entries: CalendarDayEntry[]; onChange: (e: CalendarDayEntry[]) => void; year: number; editable: boolean }) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const [name, setName] = useState('');
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Card size="small" title={`${title} (${entries.length})`}>
      <Table<CalendarDayEntry>
        rowKey="date"
        size="small"
        pagination={false}
        dataSource={sorted}
        locale={{ emptyText: 'Chưa có ngày nào' }}
        columns={[
          { title: 'Ngày', dataIndex: 'date', width: 150, render: (d: string) => `${formatDate(d)} (${dayjs(d).format('dddd')})` },
          { title: 'Tên ngày', dataIndex: 'name' },
          ...(editable
            ? [{ title: '', key: 'x', width: 48, render: (_: unknown, e: CalendarDayEntry) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa ngày ${formatDate(e.date)}`} onClick={() => onChange(entries.filter((x) => x.date !== e.date))} /> }]
            : []),
        ]}
      />
      {editable && (
        <Space.Compact style={{ marginTop: 12, width: '100%' }}>
          <DatePicker aria-label={`Ngày (${title})`} format="DD/MM/YYYY" value={date} onChange={setDate} defaultPickerValue={dayjs(`${year}-01-01`)} />
          <Input aria-label={`Tên ngày (${title})`} placeholder="Tên ngày, ví dụ Tết Nguyên đán" value={name} onChange={(e) => setName(e.target.value)} />
          <Button
            icon={<PlusOutlined />}
            disabled={!date || !name.trim()}
            onClick={() => {
              onChange([...entries, { date: date!.format('YYYY-MM-DD'), name: name.trim() }]);
              setDate(null);
              setName('');
            }}
          >
            Thêm
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

export function CalendarPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: ['calendar', year], queryFn: ({ signal }) => api.get<CalendarYearResponse>(`/api/calendar/years/${year}`, undefined, signal) });
  const [daysOff, setDaysOff] = useState<CalendarDayEntry[]>([]);
  const [extra, setExtra] = useState<CalendarDayEntry[]>([]);
  useEffect(() => {
    if (!data.data) return;
    setDaysOff(data.data.daysOff);
    setExtra(data.data.extraWorkingDays);
  }, [data.data]);
  const save = useMutation({
    mutationFn: () => api.put<CalendarYearResponse>(`/api/calendar/years/${year}`, { daysOff, extraWorkingDays: extra, source: 'official' } satisfies OfficialYearInput),
    onSuccess: (res) => queryClient.setQueryData(['calendar', year], res),
  });
  const editable = data.data?.abilities.update ?? false;
  return (
    <>
      <AdminHeading title="Lịch làm việc">Ngày nghỉ lễ, Tết và ngày làm bù theo thông báo hằng năm; thời hạn giải quyết hồ sơ tính theo lịch này.</AdminHeading>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>Năm</Typography.Text>
        <InputNumber aria-label="Năm" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {data.data && <ToneTag tone={data.data.origin === 'proposal' ? 'orange' : 'green'}>{calendarYearOriginLabels[data.data.origin]}</ToneTag>}
        {data.data?.updatedAt && <Typography.Text type="secondary">Cập nhật {formatDateTime(data.data.updatedAt)}</Typography.Text>}
      </Space>
      <ErrorBanner error={data.error} />
      {data.data?.origin === 'proposal' && <Alert type="warning" showIcon title="Lịch năm này là đề xuất theo Bộ luật Lao động, cần đối chiếu thông báo chính thức rồi lưu lại." style={{ marginBottom: 16 }} />}
      <FormError message={save.isError ? errorMessageOf(save.error) : undefined} />
      {save.isSuccess && <Alert type="success" showIcon title={`Đã lưu lịch năm ${year}`} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <DayList title="Ngày nghỉ" entries={daysOff} onChange={setDaysOff} year={year} editable={editable} />
        </Col>
        <Col xs={24} lg={10}>
          <DayList title="Ngày làm bù" entries={extra} onChange={setExtra} year={year} editable={editable} />
        </Col>
      </Row>
      {editable && (
        <Button type="primary" style={{ marginTop: 16 }} loading={save.isPending} onClick={() => save.mutate()}>
          Lưu lịch năm {year}
        </Button>
      )}
    </>
  );
}
