/** Vietnamese labels of the back-office queues (the tabs of the dossier list). */
import type { DossierQueue } from '../../../shared/schemas/dossiers';

export interface QueueTab {
  key: DossierQueue;
  label: string;
  hint: string;
}

export const queueTabs: QueueTab[] = [
  { key: 'mine', label: 'Việc của tôi', hint: 'Hồ sơ đang chờ bạn xử lý' },
  { key: 'department', label: 'Của phòng', hint: 'Hồ sơ đang ở phòng, ban của bạn' },
  { key: 'due_soon', label: 'Sắp đến hạn', hint: 'Sắp đến thời hạn giải quyết' },
  { key: 'overdue', label: 'Quá hạn', hint: 'Đã quá thời hạn giải quyết' },
  { key: 'waiting_for_supplement', label: 'Chờ bổ sung', hint: 'Đang chờ người nộp bổ sung hồ sơ' },
  {
    key: 'pending_acceptance',
    label: 'Chờ tiếp nhận trực tuyến',
    hint: 'Hồ sơ nộp trực tuyến: báo cho Bộ phận Một cửa trong 2 giờ, tiếp nhận hoặc trả lại trong 8 giờ làm việc',
  },
  { key: 'result_ready', label: 'Chờ trả kết quả', hint: 'Đã có kết quả, chờ trả cho người nộp' },
  { key: 'all', label: 'Tất cả', hint: 'Mọi hồ sơ trong phạm vi của bạn' },
];

export function isQueue(value: string | null): value is DossierQueue {
  return !!value && queueTabs.some((t) => t.key === value);
}
