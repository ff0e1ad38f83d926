/** A searchable agency picker over the public organisation chart (GET /api/agencies, diacritics ignored). */
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { AgencyListResponse } from '../../../shared/schemas/units';
import { api } from '../../api/client';

export function AgencySelect({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const query = useQuery({
    queryKey: ['agencies', 'search', q],
    queryFn: ({ signal }) => api.get<AgencyListResponse>('/api/agencies', { q, pageSize: 50 }, signal),
    placeholderData: (prev) => prev,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      loading={query.isFetching}
      placeholder="Gõ tên cơ quan để tìm, ví dụ: Sở Tư pháp"
      notFoundContent={query.isFetching ? 'Đang tìm...' : 'Không tìm thấy cơ quan'}
      options={(query.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}
