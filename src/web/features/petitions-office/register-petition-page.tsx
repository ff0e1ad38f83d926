/**
 * Vào sổ: a petition that reached the agency by letter, e-mail, phone or in person, entered by an officer. The
 * receipt time is when it arrived (a letter's postmark day), from which its deadlines are counted.
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Typography, type UploadFile } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { PetitionCreated, PetitionRegisterInput } from '../../../shared/schemas/petitions';
import {
  PETITION_CATEGORIES,
  STAFF_ENTERED_CHANNELS,
  petitionCategoryLabels,
  petitionChannelLabels,
} from '../../../shared/workflow/petition-workflow';
import { api } from '../../api/client';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { useFormError, withoutBlanks } from '../../lib/forms';
import { site } from '../../site';
import { uploadedIds } from '../submission/uploads';
import { FilesField } from './files-field';
import { PETITIONS_BASE } from './petition-list';

interface Values {
  channel: PetitionRegisterInput['channel'];
  receivedAt: Dayjs;
  fullName: string;
  organisationName?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address: string;
  title: string;
  content: string;
  category?: PetitionRegisterInput['category'];
  publishConsent?: boolean;
  files?: UploadFile[];
}

export function RegisterPetitionPage() {
  usePageTitle('Vào sổ phản ánh, kiến nghị', site.backOfficeTitle);
  const [form] = Form.useForm<Values>();
  const { error, clear, fail } = useFormError(form);
  const [key] = useState(() => crypto.randomUUID());
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const register = useMutation({
    mutationFn: (input: PetitionRegisterInput) => api.post<PetitionCreated>('/api/petitions/register', input, { idempotencyKey: key }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['petitions', 'office', 'list'] });
      navigate(`${PETITIONS_BASE}/${created.petition.id}`);
    },
    onError: fail,
  });

  return (
    <>
      <Link to={PETITIONS_BASE}>
        <ArrowLeftOutlined /> Danh sách phản ánh, kiến nghị
      </Link>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }}>
        Vào sổ phản ánh, kiến nghị
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Phản ánh, kiến nghị nhận bằng văn bản, thư điện tử hoặc điện thoại. Người phản ánh phải có họ tên, địa chỉ và số điện thoại hoặc thư điện tử để nhận kết quả trả lời (Nghị định 20/2008/NĐ-CP).
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={register.isPending}
        initialValues={{ channel: 'letter', receivedAt: dayjs() }}
        onFinish={(v) => {
          clear();
          register.mutate({
            channel: v.channel,
            receivedAt: v.receivedAt.toISOString(),
            title: v.title,
            content: v.content,
            publishConsent: !!v.publishConsent,
            fileIds: uploadedIds(v.files),
            ...(v.category ? { category: v.category } : {}),
            petitioner: {
              fullName: v.fullName,
              address: v.address,
              ...withoutBlanks({ organisationName: v.organisationName, idNumber: v.idNumber, phone: v.phone, email: v.email }),
            },
          } as PetitionRegisterInput);
        }}
      >
        <FormError message={error} />
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title="Tiếp nhận">
              <Form.Item name="channel" label="Kênh tiếp nhận">
                <Radio.Group options={STAFF_ENTERED_CHANNELS.map((c) => ({ value: c, label: petitionChannelLabels[c] }))} />
              </Form.Item>
              <Form.Item name="receivedAt" label="Thời điểm tiếp nhận" rules={[{ required: true, message: 'Chọn thời điểm tiếp nhận' }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="HH:mm DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="category" label="Loại (nếu đã rõ)">
                <Select allowClear placeholder="Phân loại sau" options={PETITION_CATEGORIES.map((c) => ({ value: c, label: petitionCategoryLabels[c] }))} />
              </Form.Item>
            </Card>
            <Card size="small" title="Người phản ánh, kiến nghị" style={{ marginTop: 16 }}>
              <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên người phản ánh' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="organisationName" label="Tên tổ chức (nếu có)">
                <Input />
              </Form.Item>
              <Form.Item name="idNumber" label="Số định danh cá nhân (nếu có)">
                <Input inputMode="numeric" maxLength={12} />
              </Form.Item>
              <Row gutter={8}>
                <Col xs={24} sm={12}>
                  <Form.Item name="phone" label="Số điện thoại">
                    <Input type="tel" inputMode="tel" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="email" label="Thư điện tử">
                    <Input type="email" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="address" label="Địa chỉ" rules={[{ required: true, whitespace: true, message: 'Nhập địa chỉ người phản ánh' }]}>
                <Input />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title="Nội dung">
              <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, whitespace: true, message: 'Nhập tiêu đề' }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="content" label="Nội dung phản ánh, kiến nghị" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}>
                <Input.TextArea rows={10} maxLength={10000} />
              </Form.Item>
              <FilesField label="Bản chụp văn bản, tài liệu kèm theo" />
              <Form.Item name="publishConsent" valuePropName="checked">
                <Checkbox>Người phản ánh đồng ý công khai kết quả trả lời trên Cổng</Checkbox>
              </Form.Item>
            </Card>
            <Alert type="info" showIcon style={{ marginTop: 16 }} title="Hạn trả lời được tính theo ngày làm việc kể từ thời điểm tiếp nhận; hệ thống cấp mã phản ánh khi vào sổ." />
            <Button type="primary" htmlType="submit" loading={register.isPending} style={{ marginTop: 16 }}>
              Vào sổ và cấp mã
            </Button>
          </Col>
        </Row>
      </Form>
    </>
  );
}
