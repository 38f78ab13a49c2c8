// @vitest-environment jsdom
// The import panel with a file read by the import worker (a fake service here; the real worker runs in
// tests/e2e/import.spec.ts): progress shows the rows read, Cancel keeps the set loaded before, and a
// finished read becomes the source with the same notices as a paste; NumPy files take the same path.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../../src/app/components/ImportPanel.tsx';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { parseCsv } from '../../../src/io/csv.ts';
import { npzToCase } from '../../../src/io/npz.ts';
import { npzBytes } from '../../../src/io/npzWrite.ts';
import { createAppStore } from '../../../src/state/store.ts';
import type { ImportProgress } from '../../../src/worker/importClient.ts';

type Settle = Parameters<ConstructorParameters<typeof Promise<unknown>>[0]>[0];

/** A readFile service whose job the test drives: progress, then a result or a cancel. */
function fakeReader() {
  const jobs: {
    progress: (p: ImportProgress) => void;
    settle: Settle;
    cancelled: boolean;
  }[] = [];
  const start = (onProgress: (p: ImportProgress) => void) => {
    let settle!: Settle;
    const result = new Promise<never>((resolve) => (settle = resolve as Settle));
    const job = { progress: onProgress, settle, cancelled: false };
    jobs.push(job);
    return {
      result,
      cancel() {
        job.cancelled = true;
        settle({ kind: 'csv', result: { ok: false, error: 'cancelled', cancelled: true } });
      },
    };
  };
  const readFile: NonNullable<AppServices['readFile']> = (_file, onProgress) => start(onProgress);
  const numpyFiles: (readonly File[])[] = [];
  const readNumpy: NonNullable<AppServices['readNumpy']> = (files, onProgress) => {
    numpyFiles.push(files);
    return start(onProgress);
  };
  return { jobs, readFile, readNumpy, numpyFiles };
}

function setup() {
  const store = createAppStore();
  const reader = fakeReader();
  const services: AppServices = {
    copyLink: async () => 'link',
    readFile: reader.readFile,
    readNumpy: reader.readNumpy,
  };
  render(
    <AppContext.Provider value={{ store, services }}>
      <ImportPanel />
    </AppContext.Provider>,
  );
  const file = new File(['score,label\n0.9,1\n0.2,0\n'], 'mine.csv', { type: 'text/csv' });
  const input = screen.getByLabelText(/JSON case/) as HTMLInputElement;
  return { store, reader, file, input };
}

afterEach(cleanup);

describe('importing a file through the import worker', () => {
  it('shows a progress bar with the rows read, and Cancel keeps the set loaded before', async () => {
    const { store, reader, file, input } = setup();
    const before = store.getState().source;
    fireEvent.change(input, { target: { files: [file] } });
    const job = reader.jobs[0]!;
    act(() => job.progress({ rowsRead: 12_345, bytesRead: 50, totalBytes: 100 }));
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('12,345 rows read');
    expect(screen.getByTestId('import-rows').textContent).toBe('12,345 rows read');
    expect(input.disabled).toBe(true);
    await act(async () => screen.getByRole('button', { name: 'Cancel import' }).click());
    expect(job.cancelled).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(store.getState().source).toBe(before);
    expect(store.getState().notices.at(-1)).toMatchObject({ key: 'import.cancelled' });
  });

  it('a finished read becomes the source, as the same text pasted would', async () => {
    const { store, reader, file, input } = setup();
    fireEvent.change(input, { target: { files: [file] } });
    const parsed = parseCsv('score,label\n0.9,1\n0.2,0\n');
    await act(async () => reader.jobs[0]!.settle({ kind: 'csv', result: parsed }));
    // The parsers' module is its own chunk, fetched when a file is chosen.
    await vi.waitFor(() => expect(store.getState().source.kind).toBe('explicit'));
    const source = store.getState().source;
    expect(source.kind).toBe('explicit');
    if (source.kind !== 'explicit') return;
    expect(source.name).toBe('mine.csv');
    expect(source.base.R).toBe(2);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('a failed read names the file and keeps the set loaded before', async () => {
    const { store, reader, file, input } = setup();
    const before = store.getState().source;
    fireEvent.change(input, { target: { files: [file] } });
    const bad = parseCsv('score,label\n0.9,x\n');
    await act(async () => reader.jobs[0]!.settle({ kind: 'csv', result: bad }));
    await vi.waitFor(() =>
      expect(store.getState().notices.at(-1)).toMatchObject({
        key: 'import.failed',
        level: 'error',
      }),
    );
    expect(store.getState().source).toBe(before);
  });

  it('NumPy files go through the same job: progress, Cancel keeps the set, then the arrays import', async () => {
    const { store, reader, input } = setup();
    const before = store.getState().source;
    const bytes = npzBytes({
      logits: { values: Float64Array.from([2, -1, 0.5]), shape: [3] },
      targets: { values: Int32Array.from([1, 0, 0]), shape: [3] },
    });
    const npz = new File([bytes.slice()], 'case.npz');
    fireEvent.change(input, { target: { files: [npz] } });
    expect(reader.numpyFiles[0]!.map((f) => f.name)).toEqual(['case.npz']);
    act(() => reader.jobs[0]!.progress({ rowsRead: 2, bytesRead: 10, totalBytes: 100 }));
    expect(screen.getByRole('progressbar').getAttribute('aria-label')).toBe('Reading case.npz');
    expect(screen.getByTestId('import-rows').textContent).toBe('2 rows read');
    await act(async () => screen.getByRole('button', { name: 'Cancel import' }).click());
    expect(store.getState().source).toBe(before);
    expect(store.getState().notices.at(-1)).toMatchObject({
      key: 'import.cancelled',
      vars: { name: 'case.npz' },
    });

    fireEvent.change(input, { target: { files: [npz] } });
    const result = npzToCase(bytes, undefined);
    await act(async () => reader.jobs[1]!.settle({ kind: 'numpy', result }));
    await vi.waitFor(() => expect(store.getState().source.kind).toBe('explicit'));
    const source = store.getState().source;
    if (source.kind !== 'explicit') return;
    expect(source.name).toBe('case.npz');
    expect(source.base.R).toBe(3);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
