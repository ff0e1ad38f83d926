import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf, withQuery } from './client';
import { safeNextPath } from '../components/guards';

describe('fieldErrorsOf', () => {
  it('maps the server’s field paths onto form field names', () => {
    const details = {
      fields: [
        { path: 'body.idNumber', message: 'Số định danh cá nhân phải gồm đúng 12 chữ số' },
        { path: 'body.documents.0.name', message: 'Tên giấy tờ không được để trống' },
        { path: 'querystring.page', message: 'Số trang không hợp lệ' },
      ],
    };
    expect(fieldErrorsOf(details)).toEqual([
      { name: ['idNumber'], message: 'Số định danh cá nhân phải gồm đúng 12 chữ số' },
      { name: ['documents', '0', 'name'], message: 'Tên giấy tờ không được để trống' },
      { name: ['page'], message: 'Số trang không hợp lệ' },
    ]);
  });

  it('ignores details that are not a field list, and entries without a field', () => {
    expect(fieldErrorsOf(undefined)).toEqual([]);
    expect(fieldErrorsOf({ reason: 'x' })).toEqual([]);
    expect(fieldErrorsOf({ fields: [{ path: 'body', message: 'Thiếu dữ liệu' }, { path: 3 }] })).toEqual([]);
  });

  it('is what an ApiError exposes', () => {
    const error = new ApiError('VALIDATION_FAILED', 'Dữ liệu không hợp lệ', 400, { fields: [{ path: 'body.phone', message: 'Sai' }] });
    expect(error.fields).toEqual([{ name: ['phone'], message: 'Sai' }]);
  });
});

describe('withQuery', () => {
  it('encodes Vietnamese text and skips empty values', () => {
    expect(withQuery('/api/catalog/procedures', { q: 'đăng ký khai sinh', page: 2, field: '', agency: undefined })).toBe(
      '/api/catalog/procedures?q=%C4%91%C4%83ng+k%C3%BD+khai+sinh&page=2',
    );
  });

  it('repeats array values and leaves a path without parameters alone', () => {
    expect(withQuery('/api/x', { status: ['received', 'processing'] })).toBe('/api/x?status=received&status=processing');
    expect(withQuery('/api/x', { q: '' })).toBe('/api/x');
  });
});

describe('safeNextPath', () => {
  it('accepts paths inside the site only', () => {
    expect(safeNextPath('/can-bo/ho-so?trang=2')).toBe('/can-bo/ho-so?trang=2');
    expect(safeNextPath('//evil.example')).toBeUndefined();
    expect(safeNextPath('/\\evil.example')).toBeUndefined();
    expect(safeNextPath('https://evil.example')).toBeUndefined();
    expect(safeNextPath(null)).toBeUndefined();
  });
});
