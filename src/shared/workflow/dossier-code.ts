/**
 * Dossier codes (mã số hồ sơ): a versioned pattern filled with the agency identifier, the receipt date and the
 * day's sequence number. TT 01/2018/TT-VPCP: `{agency}-{yy}{mm}{dd}-{seq:4}` → `000.00.06.H56-231027-0361`.
 * The sequence is padded to its width and grows past it rather than wrapping (10 000th dossier of a day: 10000).
 */

const TOKEN = /\{(agency|yyyy|yy|mm|dd|seq(?::(\d))?)\}/g;

/** Why a pattern cannot make unique codes, or undefined when it can. */
export function dossierCodePatternProblem(pattern: string): string | undefined {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]!.split(':')[0]);
  if (!tokens.includes('agency')) return 'Mẫu mã hồ sơ phải có {agency} (mã định danh cơ quan)';
  if (tokens.filter((t) => t === 'seq').length !== 1) return 'Mẫu mã hồ sơ phải có đúng một {seq:N} (số thứ tự trong ngày)';
  const hasYear = tokens.includes('yy') || tokens.includes('yyyy');
  if (!hasYear || !tokens.includes('mm') || !tokens.includes('dd')) return 'Mẫu mã hồ sơ phải có năm ({yy} hoặc {yyyy}), tháng {mm} và ngày {dd} tiếp nhận';
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return 'Mẫu mã hồ sơ có ký hiệu không hợp lệ';
  return undefined;
}

export interface DossierCodeParts {
  agencyCode: string;
  /** Local receipt date, 'YYYY-MM-DD'. */
  date: string;
  seq: number;
}

export function formatDossierCode(pattern: string, parts: DossierCodeParts): string {
  const problem = dossierCodePatternProblem(pattern);
  if (problem) throw new Error(problem);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parts.date)) throw new RangeError(`date must be YYYY-MM-DD, got ${parts.date}`);
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError(`seq must be a positive integer, got ${parts.seq}`);
  const [yyyy, mm, dd] = parts.date.split('-') as [string, string, string];
  return pattern.replace(TOKEN, (_all, token: string, width?: string) => {
    switch (token.split(':')[0]) {
      case 'agency':
        return parts.agencyCode;
      case 'yyyy':
        return yyyy;
      case 'yy':
        return yyyy.slice(2);
      case 'mm':
        return mm;
      case 'dd':
        return dd;
      default:
        return String(parts.seq).padStart(Number(width ?? 4), '0');
    }
  });
}
