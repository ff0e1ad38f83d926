/** A form field of uploads to the shared file storage (up to 20 files, as the petition API allows); value: the Upload list. */
import { Button, Form, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { uploadRequest } from '../submission/uploads';

export function FilesField({ label }: { label: string }) {
  return (
    <Form.Item name="files" label={label} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}>
      <Upload customRequest={uploadRequest} multiple maxCount={20}>
        <Button icon={<UploadOutlined />}>Chọn tệp</Button>
      </Upload>
    </Form.Item>
  );
}
