/** Small pieces shared by the administration pages: the page heading, an API error banner, field errors, pickers. */
import { useState, type ReactNode } from 'react';
import { Alert, Select, Tag, Typography, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { toLocalDate } from '../../../shared/calendar';
import type { AgencyListResponse, UnitSearchResponse, UnitLevel } from '../../../shared/schemas/units';
import { api, ApiError, errorMessageOf } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';

export function AdminHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title, site.backOfficeTitle);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children && <Typography.Paragraph type="secondary">{children}</Typography.Paragraph>}
    </>
  );
}

export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessageOf(error)} style={{ marginBottom: 16 }} role="alert" />;
}

/** Puts the API's per-field messages under the form's fields (paths relative to the submitted object). */
export function showFieldErrors(form: FormInstance, error: unknown, prefix: (string | number)[] = []) {
  if (!(error instanceof ApiError)) return;
  form.setFields(
    error.fields
      .filter((f) => prefix.every((p, i) => String(p) === f.name[i]))
      .map((f) => ({ name: f.name.slice(prefix.length).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] }))
      .filter((f) => f.name.length > 0)
      .map((f) => ({ name: f.name as never, errors: f.errors })),
  );
}

interface PickerProps {
  style?: React.CSSProperties;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
  /** Shown before the list has loaded or when the current value is not in the first page of results. */
  initialLabel?: string;
}

/** Searchable agency picker (server-side, diacritics-insensitive search). */
export function AgencySelect({ initialLabel, ...props }: PickerProps) {
  const [q, setQ] = useState('');
  const agencies = useQuery({
    queryKey: ['agencies', 'pick', q],
    queryFn: ({ signal }) => api.get<AgencyListResponse>('/api/agencies', { q: q || undefined, pageSize: 30 }, signal),
  });
  const options = (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (props.value && initialLabel && !options.some((o) => o.value === props.value)) options.unshift({ value: props.value, label: initialLabel });
  return <Select {...props} showSearch={{ filterOption: false, onSearch: setQ }} loading={agencies.isFetching} options={options} placeholder="Gõ tên cơ quan để tìm" />;
}

/** Searchable administrative-unit picker (one or several), units valid today (Vietnam time). */
export function UnitSelect({ level, initialLabel, multiple, value, onChange, ...props }: Omit<PickerProps, 'value' | 'onChange'> & {
  level?: UnitLevel;
  multiple?: boolean;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
}) {
  const [q, setQ] = useState('');
  // Labels of chosen units, kept while another search shows other units.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const units = useQuery({
    queryKey: ['units', 'pick', level, q],
    queryFn: ({ signal }) => api.get<UnitSearchResponse>('/api/units', { q: q || undefined, level, asOf: toLocalDate(new Date()), pageSize: 30 }, signal),
  });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (mã ${u.code})` }));
  const chosen = value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const id of chosen) {
    if (!options.some((o) => o.value === id)) options.unshift({ value: id, label: labels[id] ?? initialLabel ?? id });
  }
  return (
    <Select
      {...props}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(v: string | string[]) => {
        const ids = Array.isArray(v) ? v : [v];
        setLabels((prev) => ({ ...prev, ...Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label])) }));
        onChange?.(v);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={units.isFetching}
      options={options}
      placeholder="Gõ tên đơn vị để tìm"
    />
  );
}

/** Displayed format of dates in forms (values stay ISO 'YYYY-MM-DD' strings in the form's store). */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** A picked date as ISO 'YYYY-MM-DD' (undefined when empty). */
export const isoOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Form.Item props that keep an ISO date string in the store while a DatePicker shows DD/MM/YYYY. */
export const isoDateItem = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};

/**
 * Text and background pairs with at least 4.5:1 contrast at the tag's 12 px (Ant Design's preset tag colours,
 * e.g. green #389e0d on #f6ffed at 3.4:1, fall short of WCAG AA).
 */
const TONES = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  blue: { color: '#0b4a8b', background: '#e6f4ff', borderColor: '#91caff' },
  grey: { color: '#3d4650', background: '#f5f5f5', borderColor: '#d9d9d9' },
} as const;
export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
