/** Filters of the statistics tables: agency subtree, administrative unit subtree, level, field, procedure, channel. */
import { useDeferredValue, useState } from 'react';
import { Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FieldListResponse, ProcedureListResponse } from '../../../shared/schemas/catalog';
import { levelLabels, statChannelLabels } from '../../../shared/schemas/statistics';
import type { AgencyListResponse, UnitSearchResponse } from '../../../shared/schemas/units';
import { api } from '../../api/client';
import type { Slice, SliceKey } from './period';

/** A Select searching the server as the user types (diacritics ignored server-side). */
function SearchSelect({ label, placeholder, value, onChange, load, width = 260 }: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  load: (q: string, signal: AbortSignal) => Promise<{ value: string; label: string }[]>;
  width?: number;
}) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const options = useQuery({ queryKey: ['statistics-filter', label, q], queryFn: ({ signal }) => load(q, signal), placeholderData: (p) => p, staleTime: 60_000 });
  return (
    <Select
      aria-label={label}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      style={{ width }}
      placeholder={placeholder}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      loading={options.isFetching}
      notFoundContent={options.isFetching ? 'Đang tìm...' : 'Không tìm thấy'}
      options={options.data ?? []}
    />
  );
}

export function SliceFilters({ slice, onChange, show = ['agencyId', 'unitId', 'level', 'fieldId', 'procedureId', 'channel'] }: { slice: Slice; onChange: (changes: Slice) => void; show?: SliceKey[] }) {
  const fields = useQuery({ queryKey: ['catalog', 'fields'], queryFn: ({ signal }) => api.get<z.infer<typeof FieldListResponse>>('/api/catalog/fields', undefined, signal), staleTime: 5 * 60_000, enabled: show.includes('fieldId') });
  const set = (key: SliceKey) => (v: string | undefined) => onChange({ [key]: v });
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {show.includes('agencyId') && (
        <SearchSelect
          label="Cơ quan"
          placeholder="Cơ quan (và đơn vị trực thuộc)"
          value={slice.agencyId}
          onChange={set('agencyId')}
          load={async (q, signal) => (await api.get<AgencyListResponse>('/api/agencies', { q, pageSize: 30 }, signal)).items.map((a) => ({ value: a.id, label: a.name }))}
        />
      )}
      {show.includes('unitId') && (
        <SearchSelect
          label="Đơn vị hành chính"
          placeholder="Địa bàn (tỉnh, huyện, xã)"
          value={slice.unitId}
          onChange={set('unitId')}
          load={async (q, signal) =>
            (await api.get<UnitSearchResponse>('/api/units', { q, pageSize: 30 }, signal)).items.map((u) => ({ value: u.id, label: u.parent ? `${u.name} (${u.parent.name})` : u.name }))
          }
        />
      )}
      {show.includes('level') && (
        <Select
          aria-label="Cấp thực hiện"
          allowClear
          style={{ width: 150 }}
          placeholder="Cấp thực hiện"
          value={slice.level}
          onChange={set('level')}
          options={Object.entries(levelLabels).map(([value, label]) => ({ value, label }))}
        />
      )}
      {show.includes('fieldId') && (
        <Select
          aria-label="Lĩnh vực"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          placeholder="Lĩnh vực"
          value={slice.fieldId}
          onChange={set('fieldId')}
          loading={fields.isFetching}
          options={(fields.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
        />
      )}
      {show.includes('procedureId') && (
        <SearchSelect
          label="Thủ tục"
          placeholder="Thủ tục hành chính"
          width={320}
          value={slice.procedureId}
          onChange={set('procedureId')}
          load={async (q, signal) =>
            (await api.get<ProcedureListResponse>('/api/catalog/procedures', { q: q || undefined, pageSize: 30 }, signal)).items.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))
          }
        />
      )}
      {show.includes('channel') && (
        <Select
          aria-label="Hình thức tiếp nhận"
          allowClear
          style={{ width: 220 }}
          placeholder="Hình thức tiếp nhận"
          value={slice.channel}
          onChange={set('channel')}
          options={[{ value: 'online', label: 'Trực tuyến (toàn trình và một phần)' }, ...Object.entries(statChannelLabels).map(([value, label]) => ({ value, label }))]}
        />
      )}
    </Space>
  );
}
