/**
 * One agency in the administration: its details and departments, and the changes the API allows (`abilities`):
 * editing (names, kind, identifier code, unit, contact, working hours stay as they are), ending it or moving it
 * under another agency, founding an agency under it, adding and renaming departments (one one-stop desk at most).
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, Select, Skeleton, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  agencyKindLabels,
  AgencyKind,
  type AgencyCreateInput,
  type AgencyDetail,
  type AgencyUpdateInput,
  type Department,
  type DepartmentCreateInput,
} from '../../../shared/schemas/units';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { AgencySelect, DATE_FORMAT, isoOf as iso, showFieldErrors, UnitSelect } from './admin-common';

const kindOptions = AgencyKind.options.map((k) => ({ value: k, label: agencyKindLabels[k] }));

type Mode = 'view' | 'edit' | 'child' | 'department';

interface AgencyForm {
  name: string;
  shortName: string;
  kind: AgencyKind;
  identifierCode: string;
  unitId: string;
  address?: string;
  phone?: string;
  validFrom?: Dayjs;
  validTo?: Dayjs | null;
  parentId?: string;
}

function AgencyFields({ agency }: { agency?: AgencyDetail }) {
  return (
    <>
      <Form.Item name="name" label="Tên cơ quan" rules={[{ required: true, whitespace: true, message: 'Nhập tên cơ quan' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="shortName" label="Tên viết tắt" rules={[{ required: true, whitespace: true, message: 'Nhập tên viết tắt' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label="Loại cơ quan" rules={[{ required: true, message: 'Chọn loại cơ quan' }]}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="identifierCode" label="Mã định danh (TT 10/2016/TT-BTTTT)" rules={[{ required: true, message: 'Nhập mã định danh' }]}>
        <Input placeholder="000.00.00.H00" />
      </Form.Item>
      <Form.Item name="unitId" label="Địa bàn (đơn vị hành chính)" rules={[{ required: true, message: 'Chọn đơn vị hành chính' }]}>
        <UnitSelect initialLabel={agency?.unit.name} aria-label="Địa bàn" />
      </Form.Item>
      <Form.Item name="address" label="Địa chỉ">
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="Điện thoại">
        <Input />
      </Form.Item>
    </>
  );
}

function useAgencyChange<T, R>(agencyId: string, run: (input: T) => Promise<R>, done: string, after: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
      void queryClient.invalidateQueries({ queryKey: ['agencies', 'detail', agencyId] });
      void message.success(done);
      after();
    },
  });
}

function EditAgency({ agency, onDone }: { agency: AgencyDetail; onDone: () => void }) {
  const [form] = Form.useForm<AgencyForm>();
  const save = useAgencyChange(agency.id, (input: AgencyUpdateInput) => api.patch<AgencyDetail>(`/api/agencies/${agency.id}`, input), 'Đã lưu thông tin cơ quan', onDone);
  return (
    <Form<AgencyForm>
      form={form}
      layout="vertical"
      initialValues={{
        name: agency.name,
        shortName: agency.shortName,
        kind: agency.kind,
        identifierCode: agency.identifierCode,
        unitId: agency.unit.id,
        address: agency.address ?? '',
        phone: agency.phone ?? '',
        validTo: agency.validTo ? dayjs(agency.validTo) : null,
        parentId: agency.parentId ?? undefined,
      }}
      onFinish={(v) => {
        const input: Record<string, unknown> = {};
        for (const key of ['name', 'shortName', 'kind', 'identifierCode'] as const) if (v[key] !== agency[key]) input[key] = v[key];
        if (v.unitId !== agency.unit.id) input.unitId = v.unitId;
        if ((v.address ?? '') !== (agency.address ?? '')) input.address = v.address ?? '';
        if ((v.phone ?? '') !== (agency.phone ?? '')) input.phone = v.phone ?? '';
        const validTo = iso(v.validTo) ?? null;
        if (validTo !== agency.validTo) input.validTo = validTo;
        if (v.parentId && v.parentId !== agency.parentId) input.parentId = v.parentId;
        if (Object.keys(input).length === 0) return onDone();
        save.mutate(input as AgencyUpdateInput, { onError: (e) => showFieldErrors(form, e) });
      }}
    >
      <FormError message={save.isError ? errorMessageOf(save.error) : undefined} />
      <AgencyFields agency={agency} />
      {agency.parentId && (
        <Form.Item name="parentId" label="Cơ quan cấp trên" extra="Chuyển cơ quan (và các cơ quan trực thuộc) sang cơ quan cấp trên khác.">
          <AgencySelect initialLabel={agency.parent?.name} aria-label="Cơ quan cấp trên" />
        </Form.Item>
      )}
      <Form.Item name="validTo" label="Ngày cuối cùng hoạt động" extra="Để trống khi cơ quan còn hoạt động; xóa ngày để mở lại.">
        <DatePicker format={DATE_FORMAT} allowClear />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>Lưu</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

function CreateChildAgency({ parent, onDone }: { parent: AgencyDetail; onDone: () => void }) {
  const [form] = Form.useForm<AgencyForm>();
  const create = useAgencyChange(parent.id, (input: AgencyCreateInput) => api.post<AgencyDetail>(`/api/agencies/${parent.id}/children`, input), 'Đã thành lập cơ quan', onDone);
  return (
    <Form<AgencyForm>
      form={form}
      layout="vertical"
      initialValues={{ validFrom: dayjs(), kind: 'department' }}
      onFinish={(v) =>
        create.mutate(
          {
            name: v.name,
            shortName: v.shortName,
            kind: v.kind,
            identifierCode: v.identifierCode,
            unitId: v.unitId,
            address: v.address ?? '',
            phone: v.phone ?? '',
            validFrom: iso(v.validFrom)!,
          } as AgencyCreateInput,
          { onError: (e) => showFieldErrors(form, e) },
        )
      }
    >
      <FormError message={create.isError ? errorMessageOf(create.error) : undefined} />
      <Typography.Paragraph>Cơ quan trực thuộc {parent.name}.</Typography.Paragraph>
      <AgencyFields />
      <Form.Item name="validFrom" label="Hoạt động từ ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>Thành lập</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

/** Adds a department, or renames one (`department` given). */
function DepartmentForm({ agency, department, onDone }: { agency: AgencyDetail; department?: Department; onDone: () => void }) {
  const [form] = Form.useForm<DepartmentCreateInput>();
  const save = useAgencyChange(
    agency.id,
    (input: DepartmentCreateInput) =>
      department ? api.patch<Department>(`/api/agencies/${agency.id}/departments/${department.id}`, input) : api.post<Department>(`/api/agencies/${agency.id}/departments`, input),
    department ? 'Đã sửa phòng, ban' : 'Đã thêm phòng, ban',
    onDone,
  );
  return (
    <Form<DepartmentCreateInput>
      form={form}
      layout="vertical"
      initialValues={department ? { name: department.name, key: department.key, isOneStopDesk: department.isOneStopDesk } : { isOneStopDesk: false }}
      onFinish={(v) => save.mutate({ ...v, key: v.key?.trim() || undefined }, { onError: (e) => showFieldErrors(form, e) })}
    >
      <FormError message={save.isError ? errorMessageOf(save.error) : undefined} />
      <Form.Item name="name" label="Tên phòng, ban" rules={[{ required: true, whitespace: true, message: 'Nhập tên phòng, ban' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="key" label="Mã viết tắt" extra={department ? undefined : 'Để trống: tạo từ chữ đầu của tên (Phòng Tư pháp → PTP).'}>
        <Input />
      </Form.Item>
      <Form.Item name="isOneStopDesk" valuePropName="checked">
        <Checkbox>Là Bộ phận Một cửa của cơ quan</Checkbox>
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{department ? 'Lưu' : 'Thêm phòng, ban'}</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

export function AgencyDrawer({ agencyId, onClose }: { agencyId?: string; onClose: () => void }) {
  const [mode, setMode] = useState<Mode>('view');
  const [department, setDepartment] = useState<Department>();
  const detail = useQuery({
    queryKey: ['agencies', 'detail', agencyId],
    queryFn: ({ signal }) => api.get<AgencyDetail>(`/api/agencies/${agencyId}`, undefined, signal),
    enabled: !!agencyId,
  });
  const agency = detail.data;
  const back = () => {
    setMode('view');
    setDepartment(undefined);
  };
  return (
    <Drawer
      open={!!agencyId}
      onClose={() => {
        back();
        onClose();
      }}
      title={agency ? agency.name : 'Cơ quan'}
      size={640}
      destroyOnHidden
    >
      {detail.isPending && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(detail.error)} />}
      {agency && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'kind', label: 'Loại', children: agencyKindLabels[agency.kind] },
              { key: 'code', label: 'Mã định danh', children: agency.identifierCode },
              { key: 'unit', label: 'Địa bàn', children: agency.unit.name },
              { key: 'parent', label: 'Cơ quan cấp trên', children: agency.parent?.name ?? '' },
              { key: 'valid', label: 'Hoạt động', children: `Từ ${formatDate(agency.validFrom)}${agency.validTo ? ` đến ${formatDate(agency.validTo)}` : ''}` },
              ...(agency.address ? [{ key: 'address', label: 'Địa chỉ', children: agency.address }] : []),
              ...(agency.phone ? [{ key: 'phone', label: 'Điện thoại', children: agency.phone }] : []),
              { key: 'children', label: 'Cơ quan trực thuộc', children: agency.childCount },
            ]}
          />
          {mode === 'view' && (
            <Space wrap style={{ margin: '16px 0' }}>
              {agency.abilities.update && <Button onClick={() => setMode('edit')}>Sửa thông tin</Button>}
              {agency.abilities.create_child && <Button onClick={() => setMode('child')}>Thành lập cơ quan trực thuộc</Button>}
              {agency.abilities.manage_departments && <Button onClick={() => setMode('department')}>Thêm phòng, ban</Button>}
            </Space>
          )}
          <div style={{ margin: '16px 0' }}>
            {mode === 'edit' && <EditAgency agency={agency} onDone={back} />}
            {mode === 'child' && <CreateChildAgency parent={agency} onDone={back} />}
            {mode === 'department' && <DepartmentForm key={department?.id ?? 'new'} agency={agency} department={department} onDone={back} />}
          </div>
          <Typography.Title level={2} style={{ fontSize: 16 }}>Phòng, ban</Typography.Title>
          <Table<Department>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={agency.departments}
            locale={{ emptyText: 'Chưa có phòng, ban' }}
            columns={[
              { title: 'Tên', dataIndex: 'name' },
              { title: 'Mã', dataIndex: 'key', width: 100 },
              { title: 'Một cửa', dataIndex: 'isOneStopDesk', width: 90, render: (v: boolean) => (v ? 'Có' : '') },
              ...(agency.abilities.manage_departments
                ? [
                    {
                      title: 'Thao tác',
                      key: 'edit',
                      width: 90,
                      render: (_: unknown, d: Department) => (
                        <Button size="small" aria-label={`Sửa ${d.name}`} onClick={() => { setDepartment(d); setMode('department'); }}>
                          Sửa
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
