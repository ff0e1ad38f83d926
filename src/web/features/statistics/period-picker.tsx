/**
 * Chọn kỳ thống kê: calendar presets (month, quarter, half-year, year), the reform-report cut-offs (15/12 – 14/3 …),
 * the statutory periods of TT 09/2026/TT-BTP, or custom dates. Shows the resolved dates so nobody has to guess what
 * "Báo cáo CCHC quý I" covers.
 */
import { Alert, DatePicker, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { periodPresetLabels, STATUTORY_MONTHS, STATUTORY_QUARTERS, type PeriodPreset, type PeriodSpec } from '../../../shared/periods';
import { tryResolve } from './period';

const group = (label: string, presets: PeriodPreset[]) => ({ label, options: presets.map((p) => ({ value: p, label: periodPresetLabels[p] })) });
const PRESET_OPTIONS = [
  group('Theo lịch', ['month', 'quarter', 'half_year', 'year']),
  group('Kỳ báo cáo cải cách hành chính', ['reform_q1', 'reform_h1', 'reform_q3', 'reform_year']),
  group('Kỳ báo cáo kiểm soát TTHC', ['statutory_month', 'statutory_quarter', 'statutory_half_year', 'statutory_year']),
  group('Khác', ['custom']),
];
const ROMAN = ['I', 'II', 'III', 'IV'];

function yearOptions(): { value: number; label: string }[] {
  const last = new Date().getFullYear() + 1;
  const out = [];
  for (let y = last; y >= 2019; y--) out.push({ value: y, label: `Năm ${y}` });
  return out;
}

/** Completes a spec for a newly chosen preset, keeping the year and a compatible month or quarter. */
function forPreset(preset: PeriodPreset, old: PeriodSpec): PeriodSpec {
  const year = old.year ?? new Date().getFullYear();
  switch (preset) {
    case 'custom': {
      const r = tryResolve(old);
      return { preset, from: r.period?.from ?? `${year}-01-01`, to: r.period?.to ?? `${year}-12-31` };
    }
    case 'month':
      return { preset, year, month: old.month ?? 1 };
    case 'statutory_month':
      return { preset, year, month: STATUTORY_MONTHS.includes((old.month ?? 0) as 1) ? old.month : 1 };
    case 'quarter':
      return { preset, year, quarter: old.quarter ?? 1 };
    case 'statutory_quarter':
      return { preset, year, quarter: old.quarter === 3 ? 3 : 1 };
    case 'half_year':
      return { preset, year, half: old.half ?? 1 };
    default:
      return { preset, year };
  }
}

export function PeriodPicker({ value, onChange }: { value: PeriodSpec; onChange: (next: PeriodSpec) => void }) {
  const resolved = tryResolve(value);
  const set = (changes: Partial<PeriodSpec>) => onChange({ ...value, ...changes });
  const months = value.preset === 'statutory_month' ? [...STATUTORY_MONTHS] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const quarters = value.preset === 'statutory_quarter' ? [...STATUTORY_QUARTERS] : [1, 2, 3, 4];
  return (
    <div className="stat-period">
      <Space wrap align="center">
        <Select
          aria-label="Loại kỳ thống kê"
          style={{ width: 320 }}
          value={value.preset}
          options={PRESET_OPTIONS}
          onChange={(p: PeriodPreset) => onChange(forPreset(p, value))}
        />
        {value.preset !== 'custom' && (
          <Select aria-label="Năm" style={{ width: 120 }} value={value.year} options={yearOptions()} onChange={(year: number) => set({ year })} />
        )}
        {(value.preset === 'month' || value.preset === 'statutory_month') && (
          <Select aria-label="Tháng" style={{ width: 120 }} value={value.month} options={months.map((m) => ({ value: m, label: `Tháng ${m}` }))} onChange={(month: number) => set({ month })} />
        )}
        {(value.preset === 'quarter' || value.preset === 'statutory_quarter') && (
          <Select aria-label="Quý" style={{ width: 110 }} value={value.quarter} options={quarters.map((q) => ({ value: q, label: `Quý ${ROMAN[q - 1]}` }))} onChange={(quarter: number) => set({ quarter })} />
        )}
        {value.preset === 'half_year' && (
          <Select
            aria-label="Nửa năm"
            style={{ width: 180 }}
            value={value.half}
            options={[
              { value: 1, label: '6 tháng đầu năm' },
              { value: 2, label: '6 tháng cuối năm' },
            ]}
            onChange={(half: number) => set({ half })}
          />
        )}
        {value.preset === 'custom' && (
          <DatePicker.RangePicker
            aria-label="Từ ngày – đến ngày"
            format="DD/MM/YYYY"
            allowClear={false}
            placeholder={['Từ ngày', 'Đến ngày']}
            value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
            onChange={(range) => {
              const [a, b] = (range ?? [null, null]) as [Dayjs | null, Dayjs | null];
              if (a && b) set({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
            }}
          />
        )}
      </Space>
      {resolved.period ? (
        <Typography.Text type="secondary" className="stat-period-label" data-testid="period-label">
          {resolved.period.label}
          {resolved.period.reportDueOn && ` · hạn gửi báo cáo ${dayjs(resolved.period.reportDueOn).format('DD/MM/YYYY')}`}
        </Typography.Text>
      ) : (
        <Alert type="warning" showIcon title={resolved.error} style={{ marginTop: 8 }} />
      )}
    </div>
  );
}
