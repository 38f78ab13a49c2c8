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
    const label = name ?? 'pasted text';
    if (!parsed.ok) {
      store.getState().notify(`Import of ${label} failed: ${parsed.error}`, 'error');
      return false;
    }
    store.getState().setSource(parsed.source, parsed.params);
    for (const text of parsed.notices) store.getState().notify(text, 'info');
    const s = parsed.source;
    const shape =
      s.kind === 'explicit' ? `${s.base.R.toLocaleString('en')} × ${s.base.K}` : s.preset;
    const withParams = parsed.params ? ', with its parameters' : '';
    store.getState().notify(`Imported ${label} (${shape}${withParams}).`, 'info');
    return true;
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        store
          .getState()
          .notify(
            `Import of ${file.name} refused: ${file.size.toLocaleString('en')} bytes is over the ${MAX_IMPORT_BYTES.toLocaleString('en')}-byte limit`,
            'error',
          );
        return;
      }
      setBusy(true);
      load(await file.text(), file.name);
    } catch (err) {
      store
        .getState()
        .notify(
          `Import of ${file.name} failed: ${err instanceof Error ? err.message : String(err)}`,
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
