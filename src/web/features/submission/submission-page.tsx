/**
 * Nộp hồ sơ trực tuyến: applicant details prefilled from the profile, the required-documents checklist with uploads
 * or reused digitised documents, review, then one submission under an Idempotency-Key made once per wizard (a
 * double click or a retry after a network failure never makes two dossiers). Rendered inside RequireUser.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Select, Steps, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { deliveryMethodLabels, type DeliveryMethod, type DossierDetail, type OnlineSubmissionInput } from '../../../shared/schemas/dossiers';
import type { UserDetail } from '../../../shared/schemas/users';
import { formatMoney } from '../../../shared/text';
import { api } from '../../api/client';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { useFormError, withoutBlanks } from '../../lib/forms';
import { allowsOnlineSubmission, pageQueryGate, useProcedure } from '../procedure/procedure-page';
import { rememberTrackingSecret } from './receipt-page';
import { formatSize, uploadRequest, uploadedIds } from './uploads';
import '../procedure/citizen.css';

interface ReusableDocument {
  id: string;
  name: string;
  dossierCode: string;
  procedureName: string;
  file: { fileName: string; size: number };
}

interface ApplicantForm {
  phone?: string;
  email?: string;
  address?: string;
  competentAgencyId?: string;
  summary?: string;
  deliveryMethod: DeliveryMethod;
  deliveryAddress?: string;
}

interface DocState {
  files: UploadFile[];
  reuseDocumentId?: string;
}

const STEPS = ['Thông tin người nộp', 'Thành phần hồ sơ', 'Kiểm tra và nộp'];

export function SubmissionPage() {
  const { procedureId } = useParams();
  const procedure = useProcedure(procedureId);
  const me = useQuery({ queryKey: ['users', 'me'], queryFn: ({ signal }) => api.get<UserDetail>('/api/users/me', undefined, signal) });
  const reusable = useQuery({
    queryKey: ['dossiers', 'reusable-documents'],
    queryFn: ({ signal }) => api.get<{ items: ReusableDocument[] }>('/api/dossiers/reusable-documents', undefined, signal),
  });
  usePageTitle(procedure.data ? `Nộp hồ sơ: ${procedure.data.name}` : 'Nộp hồ sơ trực tuyến');
  const [step, setStep] = useState(0);
  const [docs, setDocs] = useState<Record<number, DocState>>({});
  const [applicant, setApplicant] = useState<ApplicantForm>();
  const [form] = Form.useForm<ApplicantForm>();
  const { error, clear, fail } = useFormError(form);
  // One key for the whole wizard: a retried submission returns the dossier made the first time.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const navigate = useNavigate();
  const { message } = App.useApp();

  const submit = useMutation({
    mutationFn: (input: OnlineSubmissionInput) =>
      api.post<{ dossier: DossierDetail; trackingSecret: string | null }>('/api/dossiers/online', input, { idempotencyKey }),
    onSuccess: ({ dossier, trackingSecret }) => {
      if (trackingSecret) rememberTrackingSecret(dossier.id, trackingSecret);
      void message.success(`Đã nộp hồ sơ ${dossier.code}`);
      navigate(`/ho-so-cua-toi/${dossier.id}/bien-nhan`, { replace: true });
    },
    onError: (e) => {
      fail(e);
    },
  });

  const gate = pageQueryGate(procedure, 'Không tải được thủ tục') ?? pageQueryGate(me, 'Không tải được thông tin tài khoản');
  if (gate || !procedure.data || !me.data) return gate;
  const p = procedure.data;
  const user = me.data;
  if (!allowsOnlineSubmission(p)) {
    return <div className="page-container"><Alert type="warning" showIcon title="Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến" /></div>;
  }
  const reusableItems = reusable.data?.items ?? [];
  const totalFee = p.fees.reduce((s, f) => s + f.amount, 0);
  const agencyOptions = p.agencies.map((a) => ({ value: a.id, label: a.name }));
  const deliveryOptions = (['online', 'at_desk', ...(p.postalReturn ? (['post'] as const) : [])] as DeliveryMethod[]).map((m) => ({ value: m, label: deliveryMethodLabels[m] }));

  const setDoc = (index: number, patch: Partial<DocState>) => setDocs((d) => ({ ...d, [index]: { ...(d[index] ?? { files: [] }), ...patch } }));
  const uploading = Object.values(docs).some((d) => d.files.some((f) => f.status === 'uploading'));
  const provided = p.documents
    .map((d, index) => ({ index, name: d.name, fileIds: uploadedIds(docs[index]?.files), reuseDocumentId: docs[index]?.reuseDocumentId }))
    .filter((d) => d.fileIds.length > 0 || d.reuseDocumentId);

  const buildInput = (): OnlineSubmissionInput => {
    const a = applicant!;
    return {
      procedureId: p.id,
      ...(a.competentAgencyId ? { competentAgencyId: a.competentAgencyId } : {}),
      ...(a.summary?.trim() ? { summary: a.summary.trim() } : {}),
      deliveryMethod: a.deliveryMethod,
      ...(a.deliveryMethod === 'post' && a.deliveryAddress ? { deliveryAddress: a.deliveryAddress } : {}),
      contact: withoutBlanks({ phone: a.phone, email: a.email, address: a.address }),
      documents: provided.map((d) => ({
        index: d.index,
        originals: 0,
        copies: 0,
        fileIds: d.reuseDocumentId ? [] : d.fileIds,
        ...(d.reuseDocumentId ? { reuseDocumentId: d.reuseDocumentId } : {}),
      })),
    };
  };

  return (
    <div className="page-container citizen-page">
      <p className="breadcrumb-line">Nộp hồ sơ trực tuyến</p>
      <h1 className="page-heading" style={{ fontSize: 24 }}>{p.name}</h1>
      <Steps className="wizard-steps" current={step} size="small" responsive items={STEPS.map((title) => ({ title }))} />

      {step === 0 && (
        <Card title="Thông tin người nộp hồ sơ">
          <Descriptions
            column={1}
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              { key: 'name', label: 'Họ và tên', children: user.fullName },
              { key: 'id', label: 'Số định danh cá nhân', children: user.idNumber ?? 'Chưa có' },
              ...(user.dateOfBirth ? [{ key: 'dob', label: 'Ngày sinh', children: user.dateOfBirth.split('-').reverse().join('/') }] : []),
            ]}
          />
          <Form
            form={form}
            layout="vertical"
            initialValues={applicant ?? { phone: user.phone ?? undefined, email: user.email ?? undefined, address: user.address ?? undefined, deliveryMethod: 'online', competentAgencyId: agencyOptions.length === 1 ? agencyOptions[0]!.value : undefined }}
            onFinish={(values) => {
              clear();
              if (!values.phone && !values.email) {
                form.setFields([{ name: 'phone', errors: ['Cần số điện thoại hoặc thư điện tử để thông báo kết quả'] }]);
                return;
              }
              setApplicant(values);
              setStep(1);
            }}
          >
            <FormError message={error} />
            <Form.Item name="phone" label="Số điện thoại liên hệ">
              <Input type="tel" inputMode="tel" autoComplete="tel" />
            </Form.Item>
            <Form.Item name="email" label="Thư điện tử">
              <Input type="email" autoComplete="email" />
            </Form.Item>
            <Form.Item name="address" label="Địa chỉ liên hệ">
              <Input autoComplete="street-address" />
            </Form.Item>
            {agencyOptions.length > 1 && (
              <Form.Item name="competentAgencyId" label="Cơ quan giải quyết" rules={[{ required: true, message: 'Vui lòng chọn cơ quan giải quyết hồ sơ' }]}>
                <Select showSearch optionFilterProp="label" options={agencyOptions} placeholder="Chọn cơ quan" aria-label="Cơ quan giải quyết" />
              </Form.Item>
            )}
            <Form.Item name="summary" label="Nội dung yêu cầu (trích yếu, không bắt buộc)">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="deliveryMethod" label="Hình thức nhận kết quả">
              <Radio.Group options={deliveryOptions} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.deliveryMethod !== b.deliveryMethod}>
              {() =>
                form.getFieldValue('deliveryMethod') === 'post' && (
                  <Form.Item name="deliveryAddress" label="Địa chỉ nhận kết quả" rules={[{ required: true, message: 'Vui lòng nhập địa chỉ nhận kết quả' }]}>
                    <Input />
                  </Form.Item>
                )
              }
            </Form.Item>
            <div className="wizard-actions">
              <Button onClick={() => navigate(`/thu-tuc/${p.id}`)}>Quay lại thủ tục</Button>
              <Button type="primary" htmlType="submit">Tiếp tục</Button>
            </div>
          </Form>
        </Card>
      )}

      {step === 1 && (
        <Card title="Thành phần hồ sơ">
          <p className="muted">Tải lên bản điện tử (PDF, ảnh chụp rõ nét) của từng giấy tờ, hoặc dùng lại giấy tờ đã số hóa từ hồ sơ trước.</p>
          <div className="citizen-stack">
            {p.documents.map((d, index) => {
              const state = docs[index];
              const choices = reusableItems.map((r) => ({ value: r.id, label: `${r.name} (hồ sơ ${r.dossierCode})` }));
              return (
                <section key={index} className="checklist-item" aria-label={`Giấy tờ ${index + 1}`}>
                  <div className="checklist-item-title">{`${index + 1}. ${d.name}`}</div>
                  {d.formName && <div className="muted">Mẫu: {d.formUrl ? <a href={d.formUrl} target="_blank" rel="noreferrer">{d.formName}</a> : d.formName}</div>}
                  {!state?.reuseDocumentId && (
                    <Upload
                      customRequest={uploadRequest}
                      fileList={state?.files ?? []}
                      onChange={({ fileList }) => setDoc(index, { files: fileList })}
                      multiple
                    >
                      <Button icon={<UploadOutlined />} aria-label={`Tải lên tệp cho giấy tờ ${index + 1}`}>Chọn tệp</Button>
                    </Upload>
                  )}
                  {choices.length > 0 && (state?.files.length ?? 0) === 0 && (
                    <Select
                      allowClear
                      aria-label={`Dùng lại giấy tờ đã số hóa cho giấy tờ ${index + 1}`}
                      placeholder="Hoặc dùng lại giấy tờ đã số hóa"
                      options={choices}
                      value={state?.reuseDocumentId}
                      onChange={(v: string | undefined) => setDoc(index, { reuseDocumentId: v })}
                      style={{ maxWidth: '100%', width: 420 }}
                    />
                  )}
                </section>
              );
            })}
          </div>
          <div className="wizard-actions">
            <Button onClick={() => setStep(0)}>Quay lại</Button>
            <Button type="primary" disabled={uploading} onClick={() => setStep(2)}>Tiếp tục</Button>
          </div>
        </Card>
      )}

      {step === 2 && applicant && (
        <Card title="Kiểm tra thông tin trước khi nộp">
          <FormError message={error} />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'procedure', label: 'Thủ tục', children: `${p.name} (${p.code})` },
              { key: 'name', label: 'Người nộp', children: user.fullName },
              { key: 'contact', label: 'Liên hệ', children: [applicant.phone, applicant.email, applicant.address].filter(Boolean).join(' · ') },
              ...(applicant.competentAgencyId ? [{ key: 'agency', label: 'Cơ quan giải quyết', children: agencyOptions.find((a) => a.value === applicant.competentAgencyId)?.label }] : []),
              { key: 'delivery', label: 'Nhận kết quả', children: deliveryMethodLabels[applicant.deliveryMethod] },
              { key: 'time', label: 'Thời hạn giải quyết', children: p.time.label },
              { key: 'fee', label: 'Phí, lệ phí', children: totalFee > 0 ? formatMoney(totalFee) : 'Không thu phí, lệ phí' },
            ]}
          />
          <h2 style={{ fontSize: 18, marginTop: 16 }}>Giấy tờ đã cung cấp</h2>
          {provided.length === 0 ? (
            <Alert type="warning" showIcon title="Bạn chưa cung cấp giấy tờ nào." />
          ) : (
            <ul className="plain-ul">
              {provided.map((d) => {
                const reused = reusableItems.find((r) => r.id === d.reuseDocumentId);
                const files = (docs[d.index]?.files ?? []).filter((f) => f.status === 'done');
                return (
                  <li key={d.index}>
                    <strong>{d.name}</strong>:{' '}
                    {reused ? `dùng lại từ hồ sơ ${reused.dossierCode}` : files.map((f) => `${f.name}${f.size ? ` (${formatSize(f.size)})` : ''}`).join(', ')}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="wizard-actions">
            <Button onClick={() => setStep(1)} disabled={submit.isPending}>Quay lại</Button>
            <Button type="primary" size="large" loading={submit.isPending} onClick={() => { clear(); submit.mutate(buildInput()); }}>
              Nộp hồ sơ
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}
