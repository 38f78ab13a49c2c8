/**
 * What "Copy link" adds when a link cannot share the state: the set is too large for its values to
 * travel in a link (linkCarriesSet), or the link would be longer than LINK_MAX_CHARS. A notice says
 * so and "Download case" (data-testid case-download) saves the case JSON; importing it reopens the
 * same set and parameters. A link under the limit is left exactly as it was.
 */
import { useState } from 'react';
import { sourceEntries } from '../../../data/materialize.ts';
import * as permalink from '../../../state/permalink/index.ts';
import { linkCarriesSet } from '../../../state/permalink/schema.ts';
import { persistedOf, type AppStoreState } from '../../../state/store.ts';
import { useAppStore } from '../../hooks/context.tsx';
import { useT } from '../../hooks/i18n.ts';
import { fmtCount } from '../../../viz/format.ts';

/** Longest link "Copy link" offers without the case file. */
export const LINK_MAX_CHARS = 8_000;

export type LinkNote =
  | { readonly kind: 'notCarried'; readonly shape: string; readonly entries: number }
  | { readonly kind: 'tooLong'; readonly length: number };

/** Whether the current state's link can share it; null when it can. */
export function linkNoteFor(state: AppStoreState): LinkNote | null {
  const { source } = state;
  if (!linkCarriesSet(source) && source.kind === 'explicit') {
    const { R, K } = source.base;
    return { kind: 'notCarried', shape: `${R}×${K}`, entries: sourceEntries(source) };
  }
  const length = permalink.linkFor(
    permalink.encodePermalink(persistedOf(state), state.lesson),
  ).length;
  return length > LINK_MAX_CHARS ? { kind: 'tooLong', length } : null;
}

export function CaseLinkNotice({ note }: { readonly note: LinkNote }) {
  const s = useT();
  const store = useAppStore();
  const [busy, setBusy] = useState(false);
  const text =
    note.kind === 'tooLong'
      ? s('link.tooLong', { length: fmtCount(note.length) })
      : s('link.notCarried', { shape: note.shape, entries: fmtCount(note.entries) });
  return (
    <div className="case-link" role="status" data-testid="link-too-long">
      <span>{text}</span>{' '}
      <button
        type="button"
        data-testid="case-download"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          // The export card's module is fetched on first use (it is not part of the first load).
          void import('./ExportCard.tsx')
            .then(({ exportFile }) => exportFile(store, 'case'))
            .finally(() => setBusy(false));
        }}
      >
        {s('link.download')}
      </button>
    </div>
  );
}
