/**
 * The export card: the set and parameters shown as files. The CSV (every entry), the case JSON (the
 * CLI's format with the params: Import and `dr` read it back), the PyTorch snippet (the official
 * SigmoidDRLoss; a set over 10⁴ entries is read from the .npz exported beside it) and the .npz are
 * built in the tools worker from the store's source; BibTeX is a constant.
 */
import { useState } from 'react';
import { sourceEntries } from '../../../data/materialize.ts';
import { BIBTEX } from '../../../io/exportCase.ts';
import {
  SNIPPET_FILE_NAME,
  SNIPPET_INLINE_ENTRIES,
  SNIPPET_NPZ_NAME,
} from '../../../check/pytorchSnippet.ts';
import { toEngineParams } from '../../../params/table.ts';
import type { AppStore } from '../../../state/store.ts';
import type { ExportWhat } from '../../../worker/tools.ts';
import { useApp, useAppStore } from '../../hooks/context.tsx';
import { useT } from '../../hooks/i18n.ts';
import { downloadBlob, tools } from './download.ts';
import './export.css';
import { fmtCount } from '../../../viz/format.ts';

/** File names of the exports. */
export const EXPORT_NAMES: Record<ExportWhat, string> = {
  csv: 'dr_loss_candidates.csv',
  case: 'dr_loss_case.json',
  snippet: SNIPPET_FILE_NAME,
  npz: SNIPPET_NPZ_NAME,
};

const TYPES: Record<ExportWhat, string> = {
  csv: 'text/csv',
  case: 'application/json',
  snippet: 'text/x-python',
  npz: 'application/octet-stream',
};

/** Build one export in the tools worker and download it; notices say what happened. */
export async function exportFile(store: AppStore, what: ExportWhat): Promise<boolean> {
  const name = EXPORT_NAMES[what];
  const st = store.getState();
  const r = await tools().run({
    type: 'export',
    what,
    source: st.source,
    params: toEngineParams(st.params),
  });
  if (!r.ok) {
    store.getState().notifyKey('export.failed', { name, error: r.error }, 'error');
    return false;
  }
  const blob =
    'text' in r
      ? new Blob([r.text], { type: TYPES[what] })
      : new Blob([r.bytes as Uint8Array<ArrayBuffer>], { type: TYPES[what] });
  downloadBlob(blob, name);
  store.getState().notifyKey('export.done', { name, size: fmtCount(blob.size) }, 'info');
  return true;
}

export function ExportCard() {
  const store = useAppStore();
  const s = useT();
  const [busy, setBusy] = useState<ExportWhat | 'bib' | null>(null);
  const big = useApp((st) => sourceEntries(st.source) > SNIPPET_INLINE_ENTRIES);

  const run = async (what: ExportWhat) => {
    setBusy(what);
    try {
      await exportFile(store, what);
    } finally {
      setBusy(null);
    }
  };

  const button = (what: ExportWhat, label: string, testId: string) => (
    <button
      type="button"
      data-testid={testId}
      disabled={busy !== null}
      aria-busy={busy === what}
      onClick={() => void run(what)}
    >
      {label}
    </button>
  );

  return (
    <section className="card export-card" aria-labelledby="export-title">
      <h2 id="export-title">{s('export.title')}</h2>
      <p className="description">{s('export.intro')}</p>
      <div className="export-buttons">
        {button('csv', s('export.csv'), 'export-csv')}
        {button('case', s('export.case'), 'export-case')}
        {button('snippet', s('export.pytorch'), 'export-pytorch')}
        {big && button('npz', s('export.npz'), 'export-npz')}
        <button
          type="button"
          data-testid="export-bibtex"
          onClick={() =>
            downloadBlob(new Blob([BIBTEX], { type: 'application/x-bibtex' }), 'dr_loss.bib')
          }
        >
          {s('export.bibtex')}
        </button>
      </div>
      {big && <p className="description">{s('export.npzNeeded', { npz: SNIPPET_NPZ_NAME })}</p>}
    </section>
  );
}
