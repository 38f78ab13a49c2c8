/**
 * Import candidates: a JSON file in the CLI's case format (logits + targets, optional params) or a CSV
 * (score or logit, label), from a file input or pasted text. parseImport decides the format and names
 * the line or field of any error; on an error nothing already loaded changes. Text is only ever shown
 * as text (React escapes it), never inserted as HTML.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { parseImport } from '../../io/import.ts';
import { useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';

/** Files larger than this are refused before being read (a text import this big would not be sane). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export function ImportPanel() {
  const store = useAppStore();
  const s = useT();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  const load = (text: string, name: string | undefined) => {
    const parsed = parseImport(text, name);
    const st = store.getState();
    if (!parsed.ok) {
      // The io layer's message (English, shared with the CLI) is the value of a translated frame.
      if (name === undefined) st.notifyKey('import.failedPasted', { error: parsed.error }, 'error');
      else st.notifyKey('import.failed', { name, error: parsed.error }, 'error');
      return false;
    }
    st.setSource(parsed.source, parsed.params);
    for (const text of parsed.notices) st.notify(text, 'info');
    const src = parsed.source;
    const shape =
      src.kind === 'explicit' ? `${src.base.R.toLocaleString('en')} × ${src.base.K}` : src.preset;
    const key = parsed.params
      ? name === undefined
        ? 'import.donePastedWithParams'
        : 'import.doneWithParams'
      : name === undefined
        ? 'import.donePasted'
        : 'import.done';
    st.notifyKey(key, { name: name ?? '', shape }, 'info');
    return true;
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        store.getState().notifyKey(
          'import.tooLarge',
          {
            name: file.name,
            size: file.size.toLocaleString('en'),
            limit: MAX_IMPORT_BYTES.toLocaleString('en'),
          },
          'error',
        );
        return;
      }
      setBusy(true);
      load(await file.text(), file.name);
    } catch (err) {
      store
        .getState()
        .notifyKey(
          'import.failed',
          { name: file.name, error: err instanceof Error ? err.message : String(err) },
          'error',
        );
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be chosen again
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s('app.import')}</h2>
      <div className="choice">
        <label htmlFor={`${id}-file`}>{s('app.importFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,.csv,.txt,application/json,text/csv,text/plain"
          disabled={busy}
          onChange={(e) => void onFile(e)}
        />
      </div>
      <div className="choice">
        <label htmlFor={`${id}-paste`}>{s('app.paste')}</label>
        <textarea
          id={`${id}-paste`}
          rows={4}
          spellCheck={false}
          placeholder={'{"logits": [2, -1, 0.5], "targets": [1, 0, 0]}\nor\nscore,label\n0.9,1'}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
        />
      </div>
      <button
        type="button"
        disabled={pasted.trim() === ''}
        onClick={() => {
          if (load(pasted, undefined)) setPasted('');
        }}
      >
        {s('app.importPasted')}
      </button>
    </section>
  );
}
