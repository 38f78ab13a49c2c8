/**
 * Reading an import from a byte stream (a File's `stream()`, stdin, a test's chunks): UTF-8 decoding
 * that survives a character cut between chunks, progress, cancelling, and one of the incremental
 * parsers (csvStream.ts, caseStream.ts). Pure: TextDecoder and ReadableStream exist in browsers,
 * workers and Node 20 alike.
 */
import type { ParseCasesResult } from './case.ts';
import { CaseStreamParser, JsonValueStreamParser, type JsonValueResult } from './caseStream.ts';
import { CsvStreamParser, type CsvResult } from './csvStream.ts';

/** Largest piece parsed at once (a few milliseconds of work). */
const SLICE = 256 * 1024;

/** Which parser reads the stream. */
export type StreamKind = 'csv' | 'json';

/** The result of a read stopped through its AbortSignal. */
export interface Cancelled {
  readonly ok: false;
  readonly error: 'cancelled';
  readonly cancelled: true;
}

/** The one Cancelled value (results are compared by `cancelled === true`, not by identity). */
export const CANCELLED: Cancelled = { ok: false, error: 'cancelled', cancelled: true };

/** Options of readStream. */
export interface ReadOptions {
  /**
   * Called after every chunk (or 256 KiB of a larger one) with the data rows parsed so far and the
   * bytes read so far.
   */
  readonly onProgress?: (rowsRead: number, bytesRead: number) => void;
  /** Aborting stops the read (the source is cancelled) and the result is CANCELLED. */
  readonly signal?: AbortSignal;
}

/** What readStream asks of a parser. */
interface TextParser<R> {
  push(text: string): void;
  finish(): R;
  failAt(detail: string): { ok: false; error: string };
  readonly rows: number;
  readonly failed: boolean;
}

/** A source of byte chunks: an async iterable (Node streams, generators) or a web ReadableStream. */
export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/**
 * Parse a byte stream as CSV or as JSON cases. The result equals parseCsv / parseCases on the whole
 * decoded text (caseStream.ts says how a JSON syntax error's detail differs); bytes that are not
 * UTF-8 stop it with an error naming the byte offset (CSV: and the line). Never rejects: a source
 * that throws gives `{ ok: false, error: 'cannot read the input (…)' }`.
 */
export function readStream(
  source: ByteSource,
  kind: 'csv',
  options?: ReadOptions,
): Promise<CsvResult | Cancelled>;
export function readStream(
  source: ByteSource,
  kind: 'json',
  options?: ReadOptions,
): Promise<ParseCasesResult | Cancelled>;
export function readStream(
  source: ByteSource,
  kind: StreamKind,
  options?: ReadOptions,
): Promise<CsvResult | ParseCasesResult | Cancelled>;
export function readStream(
  source: ByteSource,
  kind: StreamKind,
  options: ReadOptions = {},
): Promise<CsvResult | ParseCasesResult | Cancelled> {
  return kind === 'csv'
    ? pump<CsvResult>(source, new CsvStreamParser(), options)
    : pump<ParseCasesResult>(source, new CaseStreamParser(), options);
}

/**
 * Parse a byte stream as one JSON value (JsonValueStreamParser: what JSON.parse gives for the whole
 * decoded text), for JSON inputs other than cases. Never rejects.
 */
export function readJsonValue(
  source: ByteSource,
  options: ReadOptions = {},
): Promise<JsonValueResult | Cancelled | { ok: false; error: string }> {
  return pump<JsonValueResult>(source, new JsonValueStreamParser(), options);
}

interface Chunks {
  next(): Promise<IteratorResult<Uint8Array>>;
  cancel(): void;
}

function chunksOf(source: ByteSource): Chunks {
  if ('getReader' in source) {
    const reader = source.getReader();
    return {
      next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
      cancel: () => void reader.cancel().catch(() => undefined),
    };
  }
  const it = source[Symbol.asyncIterator]();
  return {
    next: () => it.next(),
    cancel: () => void it.return?.()?.catch(() => undefined),
  };
}

async function pump<R>(
  source: ByteSource,
  parser: TextParser<R>,
  { onProgress, signal }: ReadOptions,
): Promise<R | { ok: false; error: string } | Cancelled> {
  if (signal?.aborted) return CANCELLED;
  const chunks = chunksOf(source);
  const utf8 = new Utf8Stream();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (;;) {
      const step = signal ? await Promise.race([chunks.next(), aborted]) : await chunks.next();
      if (step === 'aborted' || signal?.aborted) {
        chunks.cancel();
        return CANCELLED;
      }
      if (step.done) break;
      // A source may hand over megabytes at once (Node's Blob does): parse them in slices, with
      // progress after each and a macrotask between them, so a cancel message gets through.
      const chunk = step.value;
      for (let o = 0; o < chunk.length || o === 0; o += SLICE) {
        if (o > 0) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (signal?.aborted) {
            chunks.cancel();
            return CANCELLED;
          }
        }
        const decoded = utf8.decode(chunk.length > SLICE ? chunk.subarray(o, o + SLICE) : chunk);
        parser.push(decoded.text);
        if (decoded.error !== undefined) {
          chunks.cancel();
          return parser.failAt(decoded.error);
        }
        onProgress?.(parser.rows, utf8.bytes);
        if (parser.failed) {
          // The first error is known; the rest of the input cannot change it.
          chunks.cancel();
          return parser.finish();
        }
      }
    }
    const tail = utf8.end();
    if (tail !== undefined) return parser.failAt(tail);
    return parser.finish();
  } catch (e) {
    chunks.cancel();
    return { ok: false, error: `cannot read the input (${e instanceof Error ? e.message : e})` };
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Streaming UTF-8 decoding that says where bad bytes are. The decoder itself keeps a character cut
 * between chunks; on a bad byte it only throws, so the position comes from `firstBadByte` on the
 * bytes it held plus the chunk, and the good text before it is still returned (the CSV parser then
 * knows the line).
 */
export class Utf8Stream {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The last (up to) 3 bytes seen: a character the decoder holds is among them. */
  private last = new Uint8Array(0);
  /** Bytes decoded so far. */
  bytes = 0;

  /** Decode the next chunk: its text, or the text up to a bad byte and the error detail. */
  decode(chunk: Uint8Array): { text: string; error?: string } {
    const held = heldBytes(this.last);
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      const joined = concat(held, chunk);
      let at = firstBadByte(joined);
      if (at < 0) at = 0; // not expected: the decoder and firstBadByte follow the same rules
      const good = new TextDecoder('utf-8', { ignoreBOM: true }).decode(joined.subarray(0, at));
      const offset = this.bytes - held.length + at;
      return {
        text: good,
        error: `not UTF-8 text (byte 0x${joined[at].toString(16).padStart(2, '0')} at offset ${offset})`,
      };
    }
    this.bytes += chunk.length;
    this.last = concat(this.last, chunk.subarray(Math.max(0, chunk.length - 3))).slice(-3);
    return { text };
  }

  /** End of input: undefined, or the error when it stops inside a character. */
  end(): string | undefined {
    try {
      this.decoder.decode();
      return undefined;
    } catch {
      const offset = this.bytes - heldBytes(this.last).length;
      return `not UTF-8 text (the input ends inside a character that starts at offset ${offset})`;
    }
  }
}

/** a then b in one array (b itself when a is empty). */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Length of a sequence a UTF-8 lead byte starts (0 for a byte that cannot start one). */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** The trailing bytes of valid UTF-8 that start a character not yet complete (what a decoder holds). */
function heldBytes(last: Uint8Array): Uint8Array {
  for (let k = 1; k <= last.length; k++) {
    const b = last[last.length - k];
    if (b >= 0x80 && b <= 0xbf) continue;
    return sequenceLength(b) > k ? last.subarray(last.length - k) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/**
 * Offset of the first byte where UTF-8 decoding fails (the start of the bad sequence), or -1 when
 * every byte is valid or only the end is an unfinished character. The WHATWG decoder's rules: no
 * overlong forms, no surrogates, nothing above U+10FFFF.
 */
export function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = sequenceLength(b);
    if (len === 0) return i;
    let lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    let hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let j = 1; j < len; j++) {
      if (i + j >= bytes.length) return -1;
      const c = bytes[i + j];
      if (c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += len;
  }
  return -1;
}
