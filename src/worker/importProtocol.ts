/**
 * The import worker's protocol (types only): what the main thread asks (read a file, read NumPy
 * files, cancel) and what the worker answers (progress, one result). importHandler.ts serves it;
 * importClient.ts asks.
 */
import type { ParseCasesResult } from '../io/case.ts';
import type { CsvResult } from '../io/csvStream.ts';
import type { ArraysCaseResult } from '../io/npz.ts';
import type { StreamKind } from '../io/stream.ts';
import type { NumpyFile } from './importNumpy.ts';

export type { NumpyFile } from './importNumpy.ts';

/** Which parser to use; 'auto' decides from the file name, else from the first character. */
export type ImportKind = StreamKind | 'auto';

/** Which reader produced a result: a text parser, or the NumPy one (an .npz or a .npy pair). */
export type ImportedKind = StreamKind | 'numpy';

/**
 * What a read produces: a CSV set, JSON cases (values as parseCsv / parseCases give them), or a case
 * from NumPy arrays (as npzToCase / arraysToCase give it; its errors already name the file).
 */
export type ImportReadResult =
  | Extract<CsvResult, { ok: true }>
  | Extract<ParseCasesResult, { ok: true }>
  | Extract<ArraysCaseResult, { ok: true }>
  | { readonly ok: false; readonly error: string; readonly cancelled?: true };

/** Anything with a byte stream: a File or a Blob. */
export interface StreamableFile {
  stream(): ReadableStream<Uint8Array>;
  readonly size: number;
}

/** Main thread → worker. */
export type ImportRequest =
  | {
      readonly type: 'read';
      readonly id: number;
      readonly file: StreamableFile;
      readonly name: string;
      readonly kind: ImportKind;
    }
  | { readonly type: 'numpy'; readonly id: number; readonly files: readonly NumpyFile[] }
  | { readonly type: 'cancel'; readonly id: number };

/** Worker → main thread. */
export type ImportReply =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly rowsRead: number;
      readonly bytesRead: number;
      readonly totalBytes: number;
    }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly kind: ImportedKind;
      readonly result: ImportReadResult;
    };
