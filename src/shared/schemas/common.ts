import { z } from 'zod';
import { checkIdNumber, idNumberMessages, isTaxCode, normalisePhone } from '../id-number';
import { cleanText } from '../text';

export const IdNumber = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = checkIdNumber(v);
    if (problem) ctx.addIssue({ code: 'custom', message: idNumberMessages[problem] });
  });

export const Phone = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const phone = normalisePhone(v);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'Số điện thoại di động không hợp lệ (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09)' });
      return z.NEVER;
    }
    return phone;
  });

export const TaxCode = z
  .string()
  .trim()
  .refine(isTaxCode, { message: 'Mã số thuế gồm 10 chữ số, hoặc 13 ký tự dạng 0123456789-001 cho chi nhánh' });

export const Email = z.email({ message: 'Địa chỉ thư điện tử không hợp lệ' }).trim().toLowerCase();

export const Password = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(128, 'Mật khẩu tối đa 128 ký tự')
  .refine((v) => /[A-Za-zÀ-ỹ]/.test(v) && /\d/.test(v), { message: 'Mật khẩu phải có cả chữ và số' });

/** Free Vietnamese text, stored NFC with single spaces. */
export const Text = (max = 500) => z.string().max(max).transform(cleanText);
export const RequiredText = (max = 500, label = 'Trường này') =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(1, `${label} không được để trống`).max(max));

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
export const Uuid = z.uuid({ message: 'Mã định danh không hợp lệ' });

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const OkResponse = z.object({ ok: z.literal(true) });

/** One page of a list, with the number of all matching rows. */
export const Paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
