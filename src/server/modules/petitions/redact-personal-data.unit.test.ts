import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from './redact-personal-data';

const person = {
  fullName: 'Nguyễn Thị Mai',
  organisationName: 'Công ty TNHH Hoa Mai',
  idNumber: '093190123456',
  phone: '0912345678',
  email: 'mai.nguyen@example.vn',
  address: 'Số 5 đường 3/2, phường 1',
};

describe('redactPersonalData', () => {
  it('removes the petitioner’s own data wherever it appears, whatever the case', () => {
    const text = `Tôi là NGUYỄN THỊ MAI, giám đốc Công ty TNHH Hoa Mai, ở Số 5 đường 3/2, phường 1, liên hệ mai.nguyen@example.vn.`;
    const out = redactPersonalData(text, person);
    for (const value of ['NGUYỄN THỊ MAI', 'Hoa Mai', 'Số 5 đường 3/2', 'mai.nguyen@example.vn']) expect(out).not.toContain(value);
    expect(out).toContain(REDACTED);
    expect(out.startsWith('Tôi là [đã ẩn], giám đốc [đã ẩn]')).toBe(true);
  });

  it('removes anything shaped like an ID number, a phone number or an e-mail, even someone else’s', () => {
    const out = redactPersonalData('CCCD 001203004567, CMND 123456789, gọi 0987 654 321 hoặc +84912000111, thư a.b@c.vn', {});
    expect(out).toBe(`CCCD ${REDACTED}, CMND ${REDACTED}, gọi ${REDACTED} hoặc ${REDACTED}, thư ${REDACTED}`);
  });

  it('keeps dates, amounts and legal references', () => {
    const text = 'Theo Nghị định 20/2008/NĐ-CP, lệ phí 1.500.000 đ, nộp ngày 28/04/2026 tại phường 1.';
    expect(redactPersonalData(text, { fullName: 'Lê Văn Ba' })).toBe(text);
  });
});
