/**
 * The embed view (`#…&embed=<panel>`): one panel alone, for an iframe in a course page, computed live
 * like the full page, with a link back to the full app in the same state.
 */
import { useMemo } from 'react';
import { encodePermalink, linkFor } from '../../state/permalink/index.ts';
import { useApp } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { Explainer } from './Explainer.tsx';

export function EmbedView() {
  const s = useT();
  const params = useApp((st) => st.params);
  const source = useApp((st) => st.source);
  const baseline = useApp((st) => st.baseline);
  const lesson = useApp((st) => st.lesson);
  const full = useMemo(
    () =>
      linkFor(
        encodePermalink(baseline ? { params, source, baseline } : { params, source }, {
          ...lesson,
          embed: null,
        }),
      ),
    [params, source, baseline, lesson],
  );
  return (
    <div className="app app-embed">
      <main className="embed-main" aria-label={s('embed.label')}>
        <Explainer />
      </main>
      <p className="embed-footer">
        <a href={full} target="_blank" rel="noopener" data-testid="embed-full-link">
          {s('embed.full')}
        </a>
      </p>
    </div>
  );
}
