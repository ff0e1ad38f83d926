/**
 * One administrative unit in the administration: its versions, predecessors and successors, and the changes the
 * API allows (`abilities`): correcting or changing it from a date, ending it (its children moving to another unit),
 * founding a unit under it. Merging several units into a new one starts from the tree (UnitMergeDrawer).
 */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Select, Skeleton, Space, Switch, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  kindsOfLevel,
  unitKindLabels,
  unitLevelLabels,
  type UnitCreateInput,
  type UnitDetail,
  type UnitEndInput,
  type UnitKind,
  type UnitLevel,
  type UnitMergeInput,
  type UnitUpdateInput,
  type UnitVersion,
} from '../../../shared/schemas/units';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { DATE_FORMAT, isoOf as iso, showFieldErrors, UnitSelect } from './admin-common';

const kindOptions = (level: UnitLevel) => kindsOfLevel[level].map((k) => ({ value: k, label: unitKindLabels[k] }));
const CHILD_LEVEL: Record<UnitLevel, UnitLevel | undefined> = { province: 'commune', district: 'commune', commune: undefined };

type Mode = 'view' | 'edit' | 'end' | 'child';

function useUnitChange<T>(unitId: string, run: (input: T) => Promise<UnitDetail>, done: string, after: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      queryClient.setQueryData(['units', 'detail', unitId], detail);
      void queryClient.invalidateQueries({ queryKey: ['units', 'tree'] });
      void message.success(done);
      after();
    },
  });
}

function EditUnit({ unit, onDone }: { unit: UnitDetail; onDone: () => void }) {
  const [form] = Form.useForm<{ name: string; code: string; kind: UnitKind; how: 'correct' | 'change'; effectiveFrom?: Dayjs }>();
  const save = useUnitChange(unit.id, (input: UnitUpdateInput) => api.patch<UnitDetail>(`/api/units/${unit.id}`, input), 'Đã lưu thay đổi đơn vị', onDone);
  const how = Form.useWatch('how', form);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ name: unit.name, code: unit.code, kind: unit.kind, how: 'correct' }}
      onFinish={(v) => {
        const input: UnitUpdateInput = {
          ...(v.name !== unit.name ? { name: v.name } : {}),
          ...(v.code !== unit.code ? { code: v.code } : {}),
          ...(v.kind !== unit.kind ? { kind: v.kind } : {}),
          ...(v.how === 'change' ? { effectiveFrom: iso(v.effectiveFrom) } : {}),
        };
        save.mutate(input, { onError: (e) => showFieldErrors(form, e) });
      }}
    >
      <FormError message={save.isError ? errorMessageOf(save.error) : undefined} />
      <Form.Item name="how" label="Loại thay đổi">
        <Radio.Group
          options={[
            { value: 'correct', label: 'Đính chính (thông tin cũ bị ghi sai)' },
            { value: 'change', label: 'Thay đổi từ một ngày (đổi tên, đổi loại)' },
          ]}
        />
      </Form.Item>
      {how === 'change' && (
        <Form.Item name="effectiveFrom" label="Có hiệu lực từ ngày" rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      )}
      <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, whitespace: true, message: 'Nhập tên đơn vị' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="code" label="Mã đơn vị hành chính" rules={[{ required: true, message: 'Nhập mã đơn vị' }]}>
        <Input inputMode="numeric" />
      </Form.Item>
      <Form.Item name="kind" label="Loại đơn vị">
        <Select options={kindOptions(unit.level)} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>Lưu</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

function EndUnit({ unit, onDone }: { unit: UnitDetail; onDone: () => void }) {
  const [form] = Form.useForm<{ validTo?: Dayjs; reparentChildrenToId?: string }>();
  const end = useUnitChange(unit.id, (input: UnitEndInput) => api.post<UnitDetail>(`/api/units/${unit.id}/end`, input), 'Đã chấm dứt đơn vị', onDone);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => end.mutate({ validTo: iso(v.validTo)!, ...(v.reparentChildrenToId ? { reparentChildrenToId: v.reparentChildrenToId } : {}) }, { onError: (e) => showFieldErrors(form, e) })}
    >
      <FormError message={end.isError ? errorMessageOf(end.error) : undefined} />
      <Form.Item name="validTo" label="Ngày cuối cùng đơn vị tồn tại" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item name="reparentChildrenToId" label="Chuyển các đơn vị trực thuộc sang (nếu còn)">
        <UnitSelect aria-label="Đơn vị nhận các đơn vị trực thuộc" />
      </Form.Item>
      <Space>
        <Button danger type="primary" htmlType="submit" loading={end.isPending}>Chấm dứt đơn vị</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

interface NewUnitForm {
  name: string;
  code: string;
  kind: UnitKind;
  validFrom?: Dayjs;
}

function NewUnitFields({ level }: { level: UnitLevel }) {
  return (
    <>
      <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, whitespace: true, message: 'Nhập tên đơn vị' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="code" label="Mã đơn vị hành chính" rules={[{ required: true, message: 'Nhập mã đơn vị' }]}>
        <Input inputMode="numeric" />
      </Form.Item>
      <Form.Item name="kind" label="Loại đơn vị" rules={[{ required: true, message: 'Chọn loại đơn vị' }]}>
        <Select options={kindOptions(level)} />
      </Form.Item>
    </>
  );
}

function CreateChild({ parent, level, onDone }: { parent: UnitDetail; level: UnitLevel; onDone: () => void }) {
  const [form] = Form.useForm<NewUnitForm>();
  const create = useUnitChange(parent.id, (input: UnitCreateInput) => api.post<UnitDetail>('/api/units', input), 'Đã thành lập đơn vị', onDone);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ validFrom: dayjs() }}
      onFinish={(v) => create.mutate({ name: v.name, code: v.code, kind: v.kind, level, parentId: parent.id, validFrom: iso(v.validFrom)! }, { onError: (e) => showFieldErrors(form, e) })}
    >
      <FormError message={create.isError ? errorMessageOf(create.error) : undefined} />
      <Typography.Paragraph>Đơn vị {unitLevelLabels[level].toLowerCase()} trực thuộc {parent.name}.</Typography.Paragraph>
      <NewUnitFields level={level} />
      <Form.Item name="validFrom" label="Thành lập từ ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>Thành lập</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

export function UnitDrawer({ unitId, onClose }: { unitId?: string; onClose: () => void }) {
  const [mode, setMode] = useState<Mode>('view');
  const detail = useQuery({
    queryKey: ['units', 'detail', unitId],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${unitId}`, undefined, signal),
    enabled: !!unitId,
  });
  const unit = detail.data;
  const childLevel = unit ? CHILD_LEVEL[unit.level] : undefined;
  const close = () => {
    setMode('view');
    onClose();
  };
  return (
    <Drawer open={!!unitId} onClose={close} title={unit ? unit.name : 'Đơn vị hành chính'} size={640} destroyOnHidden>
      {detail.isPending && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(detail.error)} />}
      {unit && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'kind', label: 'Loại, cấp', children: `${unitKindLabels[unit.kind]}, ${unitLevelLabels[unit.level].toLowerCase()}` },
              { key: 'code', label: 'Mã đơn vị', children: unit.code },
              { key: 'parent', label: 'Trực thuộc', children: unit.parent?.name ?? '' },
              { key: 'valid', label: 'Hiệu lực', children: `Từ ${formatDate(unit.validFrom)}${unit.validTo ? ` đến ${formatDate(unit.validTo)}` : ''}` },
              ...(unit.predecessors.length ? [{ key: 'pred', label: 'Hình thành từ', children: unit.predecessors.map((p) => p.name).join(', ') }] : []),
              ...(unit.successors.length ? [{ key: 'succ', label: 'Sáp nhập vào', children: unit.successors.map((p) => p.name).join(', ') }] : []),
              ...(unit.agencies.length ? [{ key: 'agencies', label: 'Cơ quan', children: unit.agencies.map((a) => a.name).join('; ') }] : []),
            ]}
          />
          {mode === 'view' && (
            <Space wrap style={{ margin: '16px 0' }}>
              {unit.abilities.update && <Button onClick={() => setMode('edit')}>Sửa, đổi tên</Button>}
              {unit.abilities.create_child && childLevel && <Button onClick={() => setMode('child')}>Thành lập đơn vị trực thuộc</Button>}
              {unit.abilities.end && !unit.validTo && <Button danger onClick={() => setMode('end')}>Chấm dứt đơn vị</Button>}
            </Space>
          )}
          <div style={{ margin: '16px 0' }}>
            {mode === 'edit' && <EditUnit unit={unit} onDone={() => setMode('view')} />}
            {mode === 'end' && <EndUnit unit={unit} onDone={() => setMode('view')} />}
            {mode === 'child' && childLevel && <CreateChild parent={unit} level={childLevel} onDone={() => setMode('view')} />}
          </div>
          <Typography.Title level={2} style={{ fontSize: 16 }}>Các phiên bản</Typography.Title>
          <Table<UnitVersion>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={unit.versions}
            columns={[
              { title: 'Tên', dataIndex: 'name' },
              { title: 'Mã', dataIndex: 'code', width: 80 },
              { title: 'Loại', dataIndex: 'kind', width: 100, render: (k: UnitKind) => unitKindLabels[k] },
              { title: 'Từ ngày', dataIndex: 'validFrom', width: 110, render: (v: string) => formatDate(v) },
              { title: 'Đến ngày', dataIndex: 'validTo', width: 110, render: (v: string | null) => (v ? formatDate(v) : '') },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** Sáp nhập: two or more units of one level become a new unit from a date; their children follow by default. */
export function UnitMergeDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewUnitForm & { sourceIds: string[]; level: UnitLevel; parentId?: string; reparentChildren: boolean; effectiveFrom?: Dayjs }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const level = Form.useWatch('level', form) ?? 'commune';
  const merge = useMutation({
    mutationFn: (input: UnitMergeInput) => api.post<UnitDetail>('/api/units/merge', input),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void message.success(`Đã sáp nhập thành ${created.name}`);
      form.resetFields();
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Drawer open={open} onClose={onClose} title="Sáp nhập đơn vị hành chính" size={560} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: 'commune', reparentChildren: true, sourceIds: [] }}
        onFinish={(v) =>
          merge.mutate({
            sourceIds: v.sourceIds,
            effectiveFrom: iso(v.effectiveFrom)!,
            reparentChildren: v.reparentChildren,
            unit: { name: v.name, code: v.code, kind: v.kind, level: v.level, parentId: v.parentId ?? null },
          })
        }
      >
        <FormError message={merge.isError ? errorMessageOf(merge.error) : undefined} />
        <Form.Item name="level" label="Cấp đơn vị">
          <Radio.Group options={(['commune', 'district'] as const).map((l) => ({ value: l, label: unitLevelLabels[l] }))} onChange={() => form.setFieldsValue({ sourceIds: [], kind: undefined })} />
        </Form.Item>
        <Form.Item name="sourceIds" label="Các đơn vị sáp nhập" rules={[{ type: 'array', min: 2, message: 'Chọn ít nhất hai đơn vị' }]}>
          <UnitSelect level={level} multiple aria-label="Các đơn vị sáp nhập" />
        </Form.Item>
        <Form.Item name="effectiveFrom" label="Đơn vị mới có hiệu lực từ ngày" rules={[{ required: true, message: 'Chọn ngày' }]} extra="Các đơn vị sáp nhập chấm dứt vào ngày liền trước.">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <NewUnitFields level={level} />
        <Form.Item name="parentId" label="Trực thuộc">
          <UnitSelect aria-label="Đơn vị cấp trên" />
        </Form.Item>
        <Form.Item name="reparentChildren" label="Chuyển các đơn vị trực thuộc sang đơn vị mới" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={merge.isPending}>Sáp nhập</Button>
      </Form>
    </Drawer>
  );
}
