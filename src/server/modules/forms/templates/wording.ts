/** Wording that differs between the 2018 and 2025 sets. */
import type { FormAgency, FormSet } from '../../../../shared/schemas/forms';

/** The desk's name: "Bộ phận Tiếp nhận và Trả kết quả" (NĐ 61/2018) became "Bộ phận Một cửa" (NĐ 118/2025). */
export function deskNameFor(set: FormSet, agency: FormAgency): string {
  return agency.deskName ?? (set === '2018' ? 'Bộ phận Tiếp nhận và Trả kết quả' : 'Bộ phận Một cửa');
}

/** "Bộ phận Một cửa Sở Tư pháp": the desk named with its agency, as the subject of a sentence. */
export function deskPhrase(set: FormSet, agency: FormAgency): string {
  return `${deskNameFor(set, agency)} ${agency.name}`;
}

/** The decree the set implements, cited in letters. */
export function decreeCitation(set: FormSet): string {
  return set === '2018' ? 'Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ' : 'Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ';
}
