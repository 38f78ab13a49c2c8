/**
 * Notices panels 1–4 show under their charts when a set is empty or too large for single candidates
 * (the official code's conventions P̂+ = 1, P̂− = 0 are stated, not hidden).
 */
import { fmtCount } from '../../viz/format.ts';
import { DETAIL_LIMIT, type ExplainerData } from '../../explain/types.ts';
import type { Translate } from '../../i18n/strings.ts';

/** The notices that apply to `data`, as sentences. */
export function setNotices(data: ExplainerData, s: Translate): string[] {
  const out: string[] = [];
  if (data.result.nPos === 0) out.push(s('notice.noPositives'));
  if (data.result.nNeg === 0) out.push(s('notice.noNegatives'));
  if (data.detail === null) {
    out.push(
      s('notice.histogramsOnly', {
        n: fmtCount(data.result.nPos + data.result.nNeg),
        limit: fmtCount(DETAIL_LIMIT),
      }),
    );
  }
  return out;
}
