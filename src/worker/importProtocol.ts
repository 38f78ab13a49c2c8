/**
 * The import worker's protocol (types only): what the main thread asks (read a file, cancel) and
 * what the worker answers (progress, one result). importHandler.ts serves it; importClient.ts asks.
 */
import type { ParseCasesResult } from '../io/case.ts';
import type { CsvResult } from '../io/csvStream.ts';
import type { StreamKind } from '../io/stream.ts';

/** Which parser to use; 'auto' decides from the file name, else from the first character. */
export type ImportKind = StreamKind | 'auto';

/** What a read produces: a CSV set or JSON cases (values as parseCsv / parseCases give them). */
export type ImportReadResult =
  | Extract<CsvResult, { ok: true }>
  | Extract<ParseCasesResult, { ok: true }>
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
      readonly kind: StreamKind;
      readonly result: ImportReadResult;
    };
