/** The notices of panels 1–4 (notices.ts) as notes under a panel's chart. */
import type { Translate } from '../../i18n/strings.ts';
import type { ExplainerData } from '../../explain/types.ts';
import { setNotices } from './notices.ts';

/** One <p class="notice" role="note"> per notice that applies to `data` (none: nothing). */
export function SetNotices({ data, s }: { readonly data: ExplainerData; readonly s: Translate }) {
  return setNotices(data, s).map((n) => (
    <p key={n} className="notice" role="note">
      {n}
    </p>
  ));
}
