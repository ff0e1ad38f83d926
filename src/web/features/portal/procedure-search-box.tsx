import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';

/**
 * The catalogue search: sends the citizen to /thu-tuc?q=..., where the results are listed. A plain form (it works
 * before the scripts load, and keeps the form library out of the portal home's bundle).
 */
export function ProcedureSearchBox({ defaultValue, large = true }: { defaultValue?: string; large?: boolean }) {
  const navigate = useNavigate();
  return (
    <form
      role="search"
      action="/thu-tuc"
      method="get"
      className={large ? 'search-form large' : 'search-form'}
      onSubmit={(event) => {
        event.preventDefault();
        const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
        navigate(q ? `/thu-tuc?q=${encodeURIComponent(q)}` : '/thu-tuc');
      }}
    >
      <input
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Tìm thủ tục hành chính..."
        aria-label="Tìm thủ tục hành chính"
        autoComplete="off"
        enterKeyHint="search"
        maxLength={200}
      />
      <button type="submit">
        <SearchOutlined aria-hidden />
        <span className="search-label">Tìm kiếm</span>
      </button>
    </form>
  );
}
