/**
 * The notices region: one live region (role="status", test id "notices") listing every notice's
 * text in the current language (a notice is a key and values, so a language switch re-renders it);
 * errors are also alerts. Texts from links or files are rendered as text, never as HTML.
 */
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { noticeText } from '../../state/store.ts';

export function Notices() {
  const store = useAppStore();
  const s = useT();
  const notices = useApp((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.length > 0 && (
        <ul>
          {notices.map((n) => (
            <li key={n.id} className={`notice notice-${n.level}`}>
              <span role={n.level === 'error' ? 'alert' : undefined}>{noticeText(n, s)}</span>
              <button
                type="button"
                className="dismiss"
                aria-label={s('app.dismiss', { text: noticeText(n, s) })}
                onClick={() => store.getState().dismissNotice(n.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
