/**
 * One procedure in the administration: the version in force and its history (each version with the decision that
 * published it), the agencies applying it, and per agency its internal processes — the steps, their time against
 * the legal time, and approving a new process (prefilled from the one in force). Changing the content itself goes
 * through a publication decision: "Soạn sửa đổi" and "Soạn bãi bỏ" open a draft with this procedure in it.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Row, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { toLocalDate } from '../../../shared/calendar';
import {
  PROCESS_ROLES,
  processRoleLabels,
  type InternalProcessInput,
  type InternalProcessListResponse,
  type InternalProcessSummary,
  type InternalProcessView,
  type ProcedureDetail,
  type VersionHistoryResponse,
} from '../../../shared/schemas/catalog';
import type { AgencyDetail } from '../../../shared/schemas/units';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { DATE_FORMAT, ErrorBanner, isoDateItem, showFieldErrors, ToneTag } from './admin-common';
import type { DecisionDraft } from './decision-editor';
import { contentOfDetail } from './procedure-content-fields';

const hours = (n: number) => `${n.toLocaleString('vi-VN')} giờ`;

function Versions({ procedureId }: { procedureId: string }) {
  const history = useQuery({
    queryKey: ['catalog', 'versions', procedureId],
    queryFn: ({ signal }) => api.get<z.infer<typeof VersionHistoryResponse>>(`/api/catalog/procedures/${procedureId}/versions`, undefined, signal),
  });
  return (
    <>
      <ErrorBanner error={history.error} />
      <Table
        size="small"
        rowKey="id"
        loading={history.isPending}
        pagination={false}
        dataSource={history.data?.versions ?? []}
        columns={[
          { title: 'Phiên bản', dataIndex: 'versionNo', width: 90 },
          { title: 'Tên', dataIndex: 'name' },
          { title: 'Thời hạn', dataIndex: ['time', 'label'], width: 140 },
          { title: 'Hiệu lực', key: 'valid', width: 200, render: (_, v) => `${formatDate(v.validFrom)} – ${v.validTo ? formatDate(v.validTo) : 'nay'}` },
          { title: 'Quyết định', key: 'decision', width: 150, render: (_, v) => v.decision?.number ?? (v.origin === 'import' ? 'Nhập từ tệp' : v.origin) },
          { title: 'Số cơ quan', dataIndex: 'agencyCount', width: 100 },
        ]}
      />
    </>
  );
}

type ProcessForm = Omit<InternalProcessInput, 'procedureId' | 'agencyId'>;

function ApproveProcess({ procedure, agencyId, current, onDone }: { procedure: ProcedureDetail; agencyId: string; current?: InternalProcessView; onDone: () => void }) {
  const [form] = Form.useForm<ProcessForm>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const agency = useQuery({ queryKey: ['agencies', 'detail', agencyId], queryFn: ({ signal }) => api.get<AgencyDetail>(`/api/agencies/${agencyId}`, undefined, signal) });
  const steps = (Form.useWatch('steps', form) ?? []) as { hours?: number }[];
  const total = steps.reduce((sum, s) => sum + (Number(s?.hours) || 0), 0);
  const legal = procedure.time.legalMinutes / 60;
  const approve = useMutation({
    mutationFn: (input: InternalProcessInput) => api.post<InternalProcessView>('/api/catalog/internal-processes', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'processes', procedure.id] });
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'procedure', procedure.id] });
      void message.success('Đã ghi nhận quy trình nội bộ được phê duyệt');
      onDone();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Form<ProcessForm>
      form={form}
      layout="vertical"
      initialValues={{
        approvalDecisionDate: toLocalDate(new Date()),
        steps: current
          ? current.steps.map((s) => ({ name: s.name, responsibleRole: s.responsibleRole, departmentId: s.departmentId, responsibleLabel: s.responsibleRole === 'other_agency' ? s.responsibleLabel : null, hours: s.hours, interAgency: s.interAgency }))
          : [{ name: 'Tiếp nhận hồ sơ', responsibleRole: 'desk', hours: 0.5, interAgency: false }],
      }}
      onFinish={(v) => approve.mutate({ ...v, procedureId: procedure.id, agencyId, validFrom: v.validFrom || undefined })}
    >
      <FormError message={approve.isError ? errorMessageOf(approve.error) : undefined} />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="approvalDecisionNumber" label="Số quyết định phê duyệt" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}>
            <Input placeholder="456/QĐ-UBND" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="approvalDecisionDate" label="Ngày phê duyệt" rules={[{ required: true, message: 'Chọn ngày' }]} {...isoDateItem}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="validFrom" label="Áp dụng từ ngày" extra="Để trống: từ ngày phê duyệt" {...isoDateItem}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="steps">
        {(items, { add, remove }) => (
          <>
            {items.map((item, i) => (
              <Row key={item.key} gutter={8} align="top">
                <Col xs={24} md={8}>
                  <Form.Item name={[item.name, 'name']} label={`Bước ${i + 1}`} rules={[{ required: true, whitespace: true, message: 'Nhập tên bước' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[item.name, 'responsibleRole']} label="Vai trò thực hiện" rules={[{ required: true, message: 'Chọn vai trò' }]}>
                    <Select options={PROCESS_ROLES.map((r) => ({ value: r, label: processRoleLabels[r] }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[item.name, 'departmentId']} label="Phòng, bộ phận">
                    <Select allowClear loading={agency.isPending} options={(agency.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={3}>
                  <Form.Item name={[item.name, 'hours']} label="Số giờ" rules={[{ required: true, message: 'Nhập số giờ' }]}>
                    <InputNumber min={0.25} step={0.25} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={2} style={{ paddingTop: 30 }}>
                  <Form.Item name={[item.name, 'interAgency']} valuePropName="checked" noStyle>
                    <Checkbox>Liên thông</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa bước ${i + 1}`} onClick={() => remove(item.name)} />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', responsibleRole: 'specialist', hours: 1, interAgency: false })} style={{ marginBottom: 12 }}>
              Thêm bước
            </Button>
          </>
        )}
      </Form.List>
      <Alert
        type={total > legal ? 'error' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={`Tổng thời gian các bước: ${hours(total)} / thời hạn luật định ${hours(legal)}${legal > 0 && total <= legal ? ` (cắt giảm ${(((legal - total) / legal) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%)` : ''}`}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={approve.isPending}>Ghi nhận quy trình đã phê duyệt</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

function InternalProcesses({ procedure }: { procedure: ProcedureDetail }) {
  const [agencyId, setAgencyId] = useState<string | undefined>(procedure.agencies.length === 1 ? procedure.agencies[0]!.id : undefined);
  const [approving, setApproving] = useState(false);
  const list = useQuery({
    queryKey: ['catalog', 'processes', procedure.id, agencyId],
    queryFn: ({ signal }) => api.get<z.infer<typeof InternalProcessListResponse>>(`/api/catalog/procedures/${procedure.id}/internal-processes`, { agencyId }, signal),
    enabled: !!agencyId,
  });
  const currentId = list.data?.items[0]?.id;
  const current = useQuery({
    queryKey: ['catalog', 'process', currentId],
    queryFn: ({ signal }) => api.get<InternalProcessView>(`/api/catalog/internal-processes/${currentId}`, undefined, signal),
    enabled: !!currentId,
  });
  const canApprove = !!procedure.abilities.manage_internal_processes;
  return (
    <>
      <Select
        aria-label="Cơ quan thực hiện"
        showSearch
        optionFilterProp="label"
        placeholder="Chọn cơ quan thực hiện để xem quy trình nội bộ"
        style={{ width: '100%', marginBottom: 12 }}
        value={agencyId}
        onChange={(v: string) => { setAgencyId(v); setApproving(false); }}
        options={procedure.agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      {procedure.agencies.length === 0 && <Alert type="warning" showIcon title="Chưa có cơ quan nào thực hiện phiên bản thủ tục này." />}
      <ErrorBanner error={list.error ?? current.error} />
      {agencyId && (
        <>
          <Table<InternalProcessSummary>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            pagination={false}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: 'Chưa có quy trình nội bộ được phê duyệt' }}
            columns={[
              { title: 'Quyết định phê duyệt', key: 'decision', render: (_, p) => `${p.approvalDecisionNumber} ngày ${formatDate(p.approvalDecisionDate)}` },
              { title: 'Áp dụng từ', dataIndex: 'validFrom', width: 110, render: (v: string) => formatDate(v) },
              { title: 'Số bước', dataIndex: 'stepCount', width: 80 },
              { title: 'Thời gian', key: 'time', width: 160, render: (_, p) => `${hours(p.totalHours)} / ${hours(p.legalHours)}` },
              { title: 'Cắt giảm', key: 'cut', width: 120, render: (_, p) => <ToneTag tone={p.withinLegalTime ? 'green' : 'red'}>{p.cutPercent.toLocaleString('vi-VN')}%</ToneTag> },
            ]}
          />
          {current.data && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="position"
              pagination={false}
              title={() => 'Các bước của quy trình đang áp dụng'}
              dataSource={current.data.steps}
              columns={[
                { title: 'Bước', dataIndex: 'position', width: 60 },
                { title: 'Nội dung', dataIndex: 'name' },
                { title: 'Thực hiện', key: 'who', render: (_, s) => `${s.responsibleRoleLabel}${s.responsibleLabel && s.responsibleLabel !== s.responsibleRoleLabel ? ` – ${s.responsibleLabel}` : ''}` },
                { title: 'Thời gian', dataIndex: 'hours', width: 100, render: (h: number) => hours(h) },
              ]}
            />
          )}
          {canApprove && !approving && (
            <Button style={{ marginTop: 12 }} onClick={() => setApproving(true)}>
              {currentId ? 'Phê duyệt quy trình mới (thay quy trình đang áp dụng)' : 'Phê duyệt quy trình nội bộ'}
            </Button>
          )}
          {approving && (
            <div style={{ marginTop: 16 }}>
              <ApproveProcess key={`${agencyId}-${currentId}`} procedure={procedure} agencyId={agencyId} current={current.data} onDone={() => setApproving(false)} />
            </div>
          )}
        </>
      )}
    </>
  );
}

export function ProcedureAdminDrawer({ procedureId, onClose, onDraft }: { procedureId?: string; onClose: () => void; onDraft: (draft: DecisionDraft) => void }) {
  const detail = useQuery({
    queryKey: ['catalog', 'procedure', procedureId],
    queryFn: ({ signal }) => api.get<ProcedureDetail>(`/api/catalog/procedures/${procedureId}`, undefined, signal),
    enabled: !!procedureId,
  });
  const p = detail.data;
  return (
    <Drawer open={!!procedureId} onClose={onClose} title={p ? `${p.code} – ${p.name}` : 'Thủ tục hành chính'} size={960} destroyOnHidden>
      {detail.isPending && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(detail.error)} />}
      {p && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            {p.abilities.update && (
              <>
                <Button type="primary" onClick={() => onDraft({ items: [{ action: 'amend', procedureCode: p.code, content: contentOfDetail(p) }] })}>
                  Soạn sửa đổi, bổ sung
                </Button>
                <Button onClick={() => onDraft({ items: [{ action: 'replace', procedureCode: p.code, newProcedureCode: '', content: contentOfDetail(p) }] })}>Soạn thay thế</Button>
                <Button danger onClick={() => onDraft({ items: [{ action: 'abolish', procedureCode: p.code }] })}>
                  Soạn bãi bỏ
                </Button>
              </>
            )}
            <Button href={`/thu-tuc/${p.id}`} target="_blank">
              Xem trên cổng
            </Button>
          </Space>
          <Typography.Paragraph type="secondary">Nội dung thủ tục chỉ thay đổi qua quyết định công bố; các nút trên mở dự thảo quyết định có sẵn nội dung hiện hành.</Typography.Paragraph>
          <Tabs
            items={[
              {
                key: 'content',
                label: 'Nội dung hiện hành',
                children: (
                  <Descriptions
                    size="small"
                    column={1}
                    bordered
                    items={[
                      { key: 'version', label: 'Phiên bản', children: `${p.version.versionNo}, hiệu lực từ ${formatDate(p.version.validFrom)}${p.version.decision ? ` (Quyết định ${p.version.decision.number})` : ''}` },
                      { key: 'field', label: 'Lĩnh vực', children: p.field.name },
                      { key: 'level', label: 'Cấp thực hiện', children: p.levelLabel },
                      { key: 'time', label: 'Thời hạn giải quyết', children: p.time.label },
                      { key: 'online', label: 'Mức độ trực tuyến', children: `Mức ${p.onlineLevel}${p.onlineScopeLabel ? ` (${p.onlineScopeLabel})` : ''}` },
                      { key: 'docs', label: 'Thành phần hồ sơ', children: `${p.documents.length} giấy tờ, ${p.sets} bộ` },
                      { key: 'fees', label: 'Phí, lệ phí', children: p.fees.length ? p.fees.map((f) => `${f.name}: ${f.amountFormatted}`).join('; ') : 'Không thu' },
                      { key: 'legal', label: 'Căn cứ pháp lý', children: p.legalBasis.map((l) => l.number).join('; ') },
                      { key: 'agencies', label: 'Cơ quan thực hiện', children: `${p.agencies.length} cơ quan` },
                    ]}
                  />
                ),
              },
              { key: 'versions', label: 'Các phiên bản', children: <Versions procedureId={p.id} /> },
              { key: 'processes', label: 'Quy trình nội bộ', children: <InternalProcesses procedure={p} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
