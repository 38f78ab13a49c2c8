/** Undo, redo (also Ctrl+Z / Ctrl+Shift+Z) and "Copy link". */
import { useEffect, useState } from 'react';
import { useApp, useAppStore, useServices } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { historyShortcut, isTextField } from '../shortcuts.ts';
import { CaseLinkNotice, linkNoteFor, type LinkNote } from './export/CaseLink.tsx';

export function Toolbar() {
  const store = useAppStore();
  const services = useServices();
  const s = useT();
  const canUndo = useApp((s) => s.history.past.length > 0);
  const canRedo = useApp((s) => s.history.future.length > 0);
  const [copied, setCopied] = useState(false);
  // Set when the link cannot share this state (too long, or a set it cannot carry): offer the case file.
  const [note, setNote] = useState<LinkNote | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = historyShortcut(e);
      if (action === null || isTextField(e.target)) return;
      e.preventDefault();
      if (action === 'undo') store.getState().undo();
      else store.getState().redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

  const copy = async () => {
    setNote(linkNoteFor(store.getState()));
    try {
      await services.copyLink();
      setCopied(true);
      setTimeout(() => setCopied(false), 5000);
    } catch (e) {
      setCopied(false);
      store
        .getState()
        .notifyKey(
          'notice.copyFailed',
          { error: e instanceof Error ? e.message : String(e) },
          'error',
        );
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={s('app.toolbar')}>
      <button
        type="button"
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        onClick={() => store.getState().undo()}
      >
        {s('control.undo')}
      </button>
      <button
        type="button"
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
        onClick={() => store.getState().redo()}
      >
        {s('control.redo')}
      </button>
      <button type="button" onClick={() => void copy()}>
        {s('control.copyLink')}
      </button>
      <span className="copied" aria-live="polite">
        {copied ? s('notice.copied') : null}
      </span>
      {note && <CaseLinkNotice note={note} />}
    </div>
  );
}
