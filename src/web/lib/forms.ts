/**
 * Ant Design forms validated by the same Zod schemas the server applies, so a citizen reads the same message
 * before and after submitting. Server field errors land on the fields they concern.
 */
import { useState } from 'react';
import type { FormInstance, FormRule } from 'antd';
import { z } from 'zod';
import { ApiError, type FieldError } from '../api/client';

// Zod's own messages (lengths, types) in Vietnamese, as on the server (server/app.ts).
z.config(z.locales.vi());

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A form rule that runs one field's Zod schema. Optional fields skip blank values (the form sends them as
 * undefined); required ones report the schema's own message for a blank value.
 */
export function zodRule(schema: z.ZodType, options: { optional?: boolean } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (options.optional && isBlank(value)) return;
      const result = await schema.safeParseAsync(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
    },
  };
}

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ name: issue.path.map(String), message: issue.message }));
}

/** Blank strings become undefined, so optional fields are omitted rather than sent empty. */
export function withoutBlanks<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (!isBlank(value)) out[key] = value;
  return out as Partial<T>;
}

/**
 * Puts field errors on the form fields that exist. Returns the errors that matched no field, so the caller can show
 * them in the form's alert instead of losing them.
 */
export function applyFieldErrors(form: FormInstance, fields: FieldError[]): FieldError[] {
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const matched = fields.filter((f) => known.has(f.name.join('.')));
  form.setFields(matched.map((f) => ({ name: f.name, errors: [f.message] })));
  return fields.filter((f) => !known.has(f.name.join('.')));
}

/** Field errors of an API error applied to the form; returns the message for the form's alert. */
export function showApiError(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return 'Đã có lỗi xảy ra, vui lòng thử lại sau';
  const unmatched = applyFieldErrors(form, error.fields);
  if (error.fields.length > 0 && unmatched.length === 0) return error.message;
  return [error.message, ...unmatched.map((f) => f.message)].join('. ');
}

/**
 * The form-level error of a form that submits to the API: `clear()` before sending, `fail(error)` on failure puts
 * field errors on their fields and keeps the message for <FormError>.
 */
export function useFormError(form: FormInstance, describe: (form: FormInstance, error: unknown) => string = showApiError) {
  const [error, setError] = useState<string>();
  return { error, clear: () => setError(undefined), fail: (e: unknown) => setError(describe(form, e)) };
}
