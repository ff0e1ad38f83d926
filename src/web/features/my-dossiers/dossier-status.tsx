/** Status tag and timeline of a dossier, shared by "Hồ sơ của tôi", the receipt and public tracking. */
import { Tag, Timeline } from 'antd';
import { formatDateTime } from '../../../shared/text';
import type { DossierStatus } from '../../../shared/workflow/dossier-workflow';

const STATUS_COLORS: Partial<Record<DossierStatus, string>> = {
  pending_acceptance: 'gold',
  received: 'blue',
  in_progress: 'blue',
  at_other_agency: 'blue',
  approved: 'geekblue',
  signed: 'geekblue',
  waiting_for_supplement: 'orange',
  result_ready: 'cyan',
  returned: 'green',
  refused: 'red',
  stopped: 'default',
  withdrawn: 'default',
  closed_no_supplement: 'default',
};

export function DossierStatusTag({ status, label }: { status: DossierStatus; label: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label}</Tag>;
}

export interface TimelineItem {
  key: string | number;
  at: string;
  title: string;
  detail?: string | null;
}

/** Oldest first, as a citizen reads the story of their dossier. */
export function DossierTimeline({ items }: { items: TimelineItem[] }) {
  return (
    <Timeline
      items={items.map((e) => ({
        key: e.key,
        content: (
          <div>
            <strong>{e.title}</strong>
            <div className="muted">{formatDateTime(e.at)}</div>
            {e.detail && <div className="pre-line">{e.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}
