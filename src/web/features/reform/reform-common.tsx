/** Pieces shared by the reform records pages: area tags, number formats (the import panel is components/import-panel). */
import { Tag } from 'antd';
import { isReformArea, reformAreaShortLabels } from '../../../shared/reform-areas';

const AREA_COLORS: Record<string, string> = {
  direction: '#531dab',
  institutions: '#0958d9',
  procedures: '#006d75',
  organisation: '#1d39c4',
  civil_service: '#874d00',
  public_finance: '#237804',
  digital_government: '#9e1068',
};

export function AreaTags({ areas }: { areas: readonly string[] }) {
  return (
    <>
      {areas.map((a) => (
        <Tag key={a} color={AREA_COLORS[a]} style={{ marginBottom: 2 }}>
          {isReformArea(a) ? reformAreaShortLabels[a] : a}
        </Tag>
      ))}
    </>
  );
}

export const areaOptions = Object.entries(reformAreaShortLabels).map(([value, label]) => ({ value, label }));

export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
export const number = (n: number) => n.toLocaleString('vi-VN');

export { ImportPanel } from '../../components/import-panel';
