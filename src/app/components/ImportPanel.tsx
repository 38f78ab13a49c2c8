/**
 * Import candidates: a JSON file in the CLI's case format (logits + targets, optional params), a CSV
 * (score or logit, label), or NumPy arrays (one .npz, or a pair of .npy files), from a file input or
 * pasted text. A file is read off the main thread by the import worker, streamed into typed arrays,
 * with a progress bar (rows read) and Cancel; a paste is parsed here. The io layer decides the format
 * and names the line or field of any error; on an error or a cancel nothing already loaded changes.
 * Text is only ever shown as text (React escapes it), never inserted as HTML.
 */
import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type * as ioModule from '../../io/import.ts';
import type { ImportResult } from '../../io/import.ts';
import type { ImportJob, ImportProgress } from '../../worker/importClient.ts';
import type * as numpyModule from '../../worker/importNumpy.ts';
import { useAppStore, useServices } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { fmtCount } from '../../viz/format.ts';

/**
 * The io layer's import (the parsers): its own chunk, fetched when the import card is first used
 * (focus, a file chosen), not at page load. Once here it is used synchronously, so a paste is
 * applied in the click that asks for it.
 */
type ImportModule = typeof ioModule;
let loaded: ImportModule | null = null;
const io = async (): Promise<ImportModule> => (loaded ??= await import('../../io/import.ts'));

/** A NumPy file (.npz, or one of a .npy pair): read as arrays, not as text. */
const isNumpy = (f: File) => /\.np[yz]$/i.test(f.name);

/**
 * Without the worker service (tests without workers): the worker's own NumPy reader, run on this
 * thread as a job (still streamed and cancellable), loaded when first asked for.
 */
function numpyInThread(files: readonly File[], onProgress: (p: ImportProgress) => void): ImportJob {
  const abort = new AbortController();
  const read = import('../../worker/importNumpy.ts').then(
    ({ readNumpyFiles }: typeof numpyModule) =>
      readNumpyFiles(files, {
        signal: abort.signal,
        onProgress: (rowsRead, bytesRead, totalBytes) =>
          onProgress({ rowsRead, bytesRead, totalBytes }),
      }),
  );
  return {
    result: read.then((result) => ({ kind: 'numpy' as const, result })),
    cancel: () => abort.abort(),
  };
}

/** Files larger than this are refused before being read (a text import this big would not be sane). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export function ImportPanel() {
  const store = useAppStore();
  const s = useT();
  const [pasted, setPasted] = useState('');
  const services = useServices();
  const [reading, setReading] = useState<{ name: string; progress: ImportProgress } | null>(null);
  const job = useRef<ImportJob | null>(null);
  const id = useId();

  const apply = (parsed: ImportResult, name: string | undefined) => {
    const st = store.getState();
    if (!parsed.ok) {
      // The io layer's message (English, shared with the CLI) is the value of a translated frame.
      if (name === undefined) st.notifyKey('import.failedPasted', { error: parsed.error }, 'error');
      else st.notifyKey('import.failed', { name, error: parsed.error }, 'error');
      return false;
    }
    st.setSource(parsed.source, parsed.params);
    for (const text of parsed.notices) st.notifyKey('import.note', { error: text }, 'info');
    const src = parsed.source;
    const shape = src.kind === 'explicit' ? `${fmtCount(src.base.R)} × ${src.base.K}` : src.preset;
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

  const [dragging, setDragging] = useState(false);

  /**
   * Follow a read job (a file's or NumPy files'): its progress in the bar, then the set it gives, or
   * the error, or the cancel (the set loaded before stays in both).
   */
  const follow = async (
    name: string,
    totalBytes: number,
    start: (onProgress: (p: ImportProgress) => void) => ImportJob,
  ) => {
    try {
      void io(); // in parallel with the worker's read: the result needs it
      setReading({ name, progress: { rowsRead: 0, bytesRead: 0, totalBytes } });
      const current = start((progress) => setReading({ name, progress }));
      job.current = current;
      const { kind, result } = await current.result;
      if (job.current !== current) return;
      if (!result.ok && 'cancelled' in result) {
        store.getState().notifyKey('import.cancelled', { name }, 'info');
        return;
      }
      const { importParsed } = loaded ?? (await io());
      apply(importParsed({ kind, result } as Parameters<typeof importParsed>[0], name), name);
    } catch (err) {
      store
        .getState()
        .notifyKey(
          'import.failed',
          { name, error: err instanceof Error ? err.message : String(err) },
          'error',
        );
    } finally {
      job.current = null;
      setReading(null);
    }
  };

  /** An .npz or a pair of .npy files, streamed into arrays by the import worker. */
  const readNumpy = (files: File[]) =>
    follow(
      files.map((f) => f.name).join(' + '),
      files.reduce((n, f) => n + f.size, 0),
      (onProgress) =>
        services.readNumpy
          ? services.readNumpy(files, onProgress)
          : numpyInThread(files, onProgress),
    );

  /** Chosen or dropped files: NumPy ones together, else the first file as JSON or CSV. */
  const readFiles = async (files: File[]) => {
    if (files.length === 0) return;
    if (files.some(isNumpy)) await readNumpy(files);
    else await readFile(files[0]);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    try {
      await readFiles([...(input.files ?? [])]);
    } finally {
      input.value = ''; // the same file can be chosen again
    }
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    if (reading !== null) return;
    void readFiles([...e.dataTransfer.files]);
  };

  const readFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      store.getState().notifyKey(
        'import.tooLarge',
        {
          name: file.name,
          size: fmtCount(file.size),
          limit: fmtCount(MAX_IMPORT_BYTES),
        },
        'error',
      );
      return;
    }
    const readFileService = services.readFile;
    if (!readFileService) {
      try {
        const { parseImport } = await io();
        apply(parseImport(await file.text(), file.name), file.name);
      } catch (err) {
        store
          .getState()
          .notifyKey(
            'import.failed',
            { name: file.name, error: err instanceof Error ? err.message : String(err) },
            'error',
          );
      }
      return;
    }
    await follow(file.name, file.size, (onProgress) => readFileService(file, onProgress));
  };
  const busy = reading !== null;

  return (
    <section
      className={dragging ? 'card import-card dragging' : 'card import-card'}
      aria-labelledby={`${id}-title`}
      data-testid="import-card"
      // Fetch the parsers as soon as the card is approached, before they are asked for.
      onFocus={() => void io()}
      onPointerEnter={() => void io()}
      onDragOver={(e) => {
        void io();
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={`${id}-title`}>{s('app.import')}</h2>
      <div className="choice">
        <label htmlFor={`${id}-file`}>{s('app.importFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,.csv,.txt,.npz,.npy,application/json,text/csv,text/plain"
          multiple
          disabled={busy}
          onChange={(e) => void onFile(e)}
        />
      </div>
      <p className="description">
        {dragging ? s('import.dropActive') : s('import.drop')}. {s('import.numpyHint')}
      </p>
      {reading && (
        <div className="import-progress">
          <div
            role="progressbar"
            aria-label={s('app.importProgress', { name: reading.name })}
            aria-valuemin={0}
            aria-valuemax={Math.max(1, reading.progress.totalBytes)}
            aria-valuenow={reading.progress.bytesRead}
            aria-valuetext={s('app.importRows', { rows: fmtCount(reading.progress.rowsRead) })}
            data-testid="import-progress"
          >
            <div
              className="import-progress-bar"
              style={{
                width: `${(100 * reading.progress.bytesRead) / Math.max(1, reading.progress.totalBytes)}%`,
              }}
            />
          </div>
          <span data-testid="import-rows">
            {s('app.importRows', { rows: fmtCount(reading.progress.rowsRead) })}
          </span>
          <button type="button" onClick={() => job.current?.cancel()}>
            {s('app.importCancel')}
          </button>
        </div>
      )}
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
          const paste = ({ parseImport }: ImportModule) => {
            if (apply(parseImport(pasted, undefined), undefined)) setPasted('');
          };
          if (loaded) paste(loaded);
          else void io().then(paste);
        }}
      >
        {s('app.importPasted')}
      </button>
    </section>
  );
}
