/** A searchable agency picker over the public organisation chart (GET /api/agencies, diacritics ignored). */
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { AgencyListResponse } from '../../../shared/schemas/units';
import { api } from '../../api/client';

type Option = { value: string; label: string };

export function AgencySelect({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [search, setSearch] = useState('');
  // The chosen agency stays among the options when the search is cleared, so its name (not its id) is shown.
  const [picked, setPicked] = useState<Option>();
  const q = useDeferredValue(search.trim());
  const query = useQuery({
    queryKey: ['agencies', 'search', q],
    queryFn: ({ signal }) => api.get<AgencyListResponse>('/api/agencies', { q, pageSize: 50 }, signal),
    placeholderData: (prev) => prev,
  });
  const options: Option[] = (query.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (picked && picked.value === value && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  return (
    <Select<string, Option>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(v, option) => {
        if (option && !Array.isArray(option)) setPicked({ value: option.value, label: option.label });
        onChange?.(v);
      }}
      loading={query.isFetching}
      placeholder="Gõ tên cơ quan để tìm, ví dụ: Sở Tư pháp"
      notFoundContent={query.isFetching ? 'Đang tìm...' : 'Không tìm thấy cơ quan'}
      options={options}
    />
  );
}
