/**
 * An .npz read over random access, never held whole: the end of central directory from the last
 * 64 KiB + 22 bytes (with the ZIP64 locator and record np.savez writes), then the central directory,
 * then each wanted entry's local header and its data as a stream of chunks, stored ones straight into
 * an NpyStreamParser, deflated ones through npz.ts's EntryInflater (fflate's streaming Inflate, in
 * the same 16 KiB slices, never past the declared size; an entry declaring more than
 * MAX_NPZ_ENTRY_BYTES is refused before any of it is read). So a 10⁶-row archive is held once, as its
 * arrays' values.
 *
 * Results equal parseNpz / npzToCase on the same bytes, by construction: the directory and the
 * entries' checks are npz.ts's own functions, run over the parts of the file read so far (a part
 * they need and that is not read yet is read, and they run again: they are pure), in the same order,
 * and an entry's .npy goes through NpyStreamParser (parseNpy's results, npyStream.ts).
 *
 * Reading is cancellable between chunks (an AbortSignal: the result is then CANCELLED) and reports the
 * bytes read of the file's size and the rows of the array being read. The source is a small interface
 * with three implementations here: a Blob or File (blob.slice(…).stream()), a file handle read at
 * positions (Node's FileHandle), and bytes in memory (tests, and callers that already hold them).
 */
import type { NpyArray, NpyResult } from './npy.ts';
import { NpyStreamParser } from './npyStream.ts';
import {
  EOCD_SEARCH_BYTES,
  EntryInflater,
  INFLATE_SLICE,
  NPZ_CASE_ARRAYS,
  NpzError,
  arrayName,
  centralDirectory,
  entrySpan,
  npzArraysToCase,
  npzFailure,
  type ArraysCaseResult,
  type NpzResult,
  type ZipBytes,
  type ZipEntry,
} from './npz.ts';
import { CANCELLED, type Cancelled } from './stream.ts';

/** A file read at offsets. */
export interface RandomAccessSource {
  /** The file's size in bytes. */
  readonly size: number;
  /** The bytes [offset, offset + length), fewer only where the file ends. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The same bytes as a stream of chunks (each a fresh array the reader may keep). */
  stream(offset: number, length: number): AsyncIterable<Uint8Array>;
}

/** The part of a Blob (or File) blobSource uses. */
export interface BlobLike {
  readonly size: number;
  slice(
    start?: number,
    end?: number,
  ): {
    arrayBuffer(): Promise<ArrayBuffer>;
    stream(): ReadableStream<Uint8Array>;
  };
}

/** A Blob or File as a source: each range is a slice, streamed by the browser in its own chunks. */
export function blobSource(blob: BlobLike): RandomAccessSource {
  return {
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
    async *stream(offset, length) {
      const reader = blob
        .slice(offset, offset + length)
        .stream()
        .getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        void reader.cancel().catch(() => undefined);
      }
    },
  };
}

/** The part of Node's FileHandle fileHandleSource uses (a positional read). */
export interface PositionalFile {
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
}

/** Chunks of a positional file's stream. */
const FILE_CHUNK = 1 << 20;

/** An open file of `size` bytes as a source: positional reads of at most `chunk` bytes at a time. */
export function fileHandleSource(
  file: PositionalFile,
  size: number,
  chunk = FILE_CHUNK,
): RandomAccessSource {
  const read = async (offset: number, length: number): Promise<Uint8Array> => {
    const n = Math.max(0, Math.min(length, size - offset));
    const buffer = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const { bytesRead } = await file.read(buffer, filled, n - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === n ? buffer : buffer.subarray(0, filled);
  };
  return {
    size,
    read,
    async *stream(offset, length) {
      const end = offset + length;
      for (let at = offset; at < end;) {
        const got = await read(at, Math.min(chunk, end - at));
        if (got.length === 0) return;
        yield got;
        at += got.length;
      }
    },
  };
}

/** Bytes in memory as a source, streamed in chunks of `chunk` bytes (views, not copies). */
export function bytesSource(bytes: Uint8Array, chunk = FILE_CHUNK): RandomAccessSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
    async *stream(offset, length) {
      const end = Math.min(bytes.length, offset + length);
      for (let at = offset; at < end; at += chunk)
        yield bytes.subarray(at, Math.min(end, at + chunk));
    },
  };
}

/** Options of readNpzStream. */
export interface NpzReadOptions {
  /**
   * Called as the read goes: rows of the array being read so far (the most any array reached: a
   * progress bar's value never goes back), bytes read so far, and the file's size.
   */
  readonly onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
  /** Aborting stops the read at its next chunk; the result is CANCELLED. */
  readonly signal?: AbortSignal;
}

/** Thrown by ReadParts.bytes for a range not read yet. */
class NeedBytes {
  constructor(
    readonly at: number,
    readonly n: number,
  ) {}
}

/**
 * One turn of the event loop: a message to ourselves (setTimeout(0) is clamped, ~15 ms a turn in
 * Chromium here, which doubled the read of a 16 MB archive).
 */
function macrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** A failure of the source itself (reported as one, not as a problem of the archive). */
class SourceError extends Error {}

/** Thrown to unwind a cancelled read. */
const STOP = Symbol('cancelled');

/** The parts of the file read so far, as ZipBytes (npz.ts's directory and checks run over them). */
class ReadParts implements ZipBytes {
  private readonly parts: { at: number; bytes: Uint8Array }[] = [];
  constructor(readonly length: number) {}

  bytes(at: number, n: number): Uint8Array {
    for (const p of this.parts) {
      if (at >= p.at && at + n <= p.at + p.bytes.length) {
        return p.bytes.subarray(at - p.at, at - p.at + n);
      }
    }
    throw new NeedBytes(at, n);
  }

  add(at: number, bytes: Uint8Array): void {
    this.parts.push({ at, bytes });
  }
}

/** Smallest range read for the directory and the local headers (doubling while more is asked). */
const MIN_FETCH = 4096;
/** Largest piece handed to the .npy parser at once (progress and cancel come between pieces). */
const PIECE = 256 * 1024;
/** A long read lets other tasks (a cancel message) run this often, in milliseconds. */
const BREATHE_MS = 16;

class NpzReader {
  private bytesRead = 0;
  private rows = 0;
  private lastBreath = performance.now();
  readonly parts: ReadParts;

  constructor(
    private readonly source: RandomAccessSource,
    private readonly options: NpzReadOptions,
  ) {
    this.parts = new ReadParts(source.size);
  }

  private check(): void {
    if (this.options.signal?.aborted) throw STOP;
  }

  private progress(rows: number): void {
    if (rows > this.rows) this.rows = rows;
    this.options.onProgress?.(this.rows, this.bytesRead, this.source.size);
  }

  /** Between pieces of work: every BREATHE_MS a macrotask turn (a cancel gets through), then check. */
  private async breathe(): Promise<void> {
    if (performance.now() - this.lastBreath >= BREATHE_MS) {
      await macrotask();
      this.lastBreath = performance.now();
    }
    this.check();
  }

  /** Read [at, at + n) into the parts. */
  async fetch(at: number, n: number): Promise<void> {
    let got: Uint8Array;
    try {
      got = await this.source.read(at, n);
    } catch (e) {
      throw new SourceError(e instanceof Error ? e.message : String(e));
    }
    this.check();
    if (got.length < n) throw new SourceError(`the file ended before its size (${at + n} bytes)`);
    this.bytesRead += got.length;
    this.parts.add(at, got);
    this.progress(0);
  }

  /** `fn` over the parts, reading what it asks for until it has all it needs. */
  async settle<T>(fn: () => T): Promise<T> {
    let size = MIN_FETCH;
    for (;;) {
      try {
        return fn();
      } catch (e) {
        if (!(e instanceof NeedBytes)) throw e;
        await this.fetch(e.at, Math.min(this.parts.length - e.at, Math.max(e.n, size)));
        size = Math.min(size * 2, 1 << 24);
      }
    }
  }

  /** The chunks of [at, at + n), counted, in pieces of at most PIECE, with breaths between them. */
  private async *chunks(at: number, n: number): AsyncGenerator<Uint8Array> {
    let seen = 0;
    const it = this.source.stream(at, n)[Symbol.asyncIterator]();
    try {
      for (;;) {
        let step: IteratorResult<Uint8Array>;
        try {
          step = await it.next();
        } catch (e) {
          throw new SourceError(e instanceof Error ? e.message : String(e));
        }
        this.check();
        if (step.done) break;
        const chunk = step.value;
        for (let o = 0; o < chunk.length; o += PIECE) {
          const piece = chunk.length > PIECE ? chunk.subarray(o, o + PIECE) : chunk;
          seen += piece.length;
          this.bytesRead += piece.length;
          yield piece;
          await this.breathe();
        }
      }
    } finally {
      void it.return?.()?.catch(() => undefined);
    }
    if (seen !== n) throw new SourceError(`the file ended before its size (${at + n} bytes)`);
  }

  /** One entry's array (its data at [start, end)), as parseNpy gives it on the extracted bytes. */
  async entry(e: ZipEntry, start: number, end: number): Promise<NpyResult> {
    const parser = new NpyStreamParser();
    const total = end - start;
    if (e.method === 0) {
      for await (const chunk of this.chunks(start, total)) {
        parser.push(chunk);
        this.progress(parser.rows);
        // Stored data holds nothing more to check: the parser's first error is the entry's.
        if (parser.failed) break;
      }
      return parser.finish();
    }
    const inflater = new EntryInflater(e, (chunk) => parser.push(chunk));
    // The compressed bytes regrouped into npz.ts's slices: INFLATE_SLICE from the data's start.
    let fed = 0;
    let held: Uint8Array[] = [];
    let heldBytes = 0;
    read: for await (const chunk of this.chunks(start, total)) {
      let o = 0;
      while (o < chunk.length) {
        const want = Math.min(INFLATE_SLICE, total - fed) - heldBytes;
        const take = Math.min(want, chunk.length - o);
        const part = chunk.subarray(o, o + take);
        o += take;
        if (take < want) {
          held.push(part);
          heldBytes += take;
          continue;
        }
        let slice = part;
        if (heldBytes > 0) {
          slice = new Uint8Array(heldBytes + take);
          let k = 0;
          for (const h of held) {
            slice.set(h, k);
            k += h.length;
          }
          slice.set(part, k);
          held = [];
          heldBytes = 0;
        }
        fed += slice.length;
        inflater.push(slice, fed === total);
        this.progress(parser.rows);
        if (inflater.overflow) break read;
      }
    }
    inflater.finish();
    return parser.finish();
  }
}

/**
 * Read the arrays named in `wanted` (without ".npy") from an .npz at random access; others are not
 * read. What parseNpz gives on the file's bytes, or CANCELLED, or `cannot read the input (…)` when
 * the source fails. Never rejects.
 */
export async function readNpzStream(
  source: RandomAccessSource,
  wanted: readonly string[],
  options: NpzReadOptions = {},
): Promise<NpzResult | Cancelled> {
  if (options.signal?.aborted) return CANCELLED;
  const reader = new NpzReader(source, options);
  const size = source.size;
  try {
    // The start (what kind of file this is) and the end (where the directory is), read at once.
    const low = Math.max(0, size - EOCD_SEARCH_BYTES);
    if (low > 64) await reader.fetch(0, 64);
    await reader.fetch(low > 64 ? low : 0, low > 64 ? size - low : size);
    const parts = reader.parts;
    const entries = await reader.settle(() => centralDirectory(parts));
    const arrays = new Map<string, NpyArray>();
    for (const e of entries) {
      const name = arrayName(e);
      if (!wanted.includes(name) || arrays.has(name)) continue;
      const { start, end } = await reader.settle(() => entrySpan(parts, e));
      const parsed = await reader.entry(e, start, end);
      if (!parsed.ok) throw new NpzError(`${e.name}: ${parsed.error}`);
      arrays.set(name, parsed.array);
    }
    return { ok: true, arrays, names: entries.map(arrayName) };
  } catch (e) {
    if (e === STOP) return CANCELLED;
    if (e instanceof SourceError)
      return { ok: false, error: `cannot read the input (${e.message})` };
    return npzFailure(e);
  }
}

/** The case held by an .npz at random access: npzToCase's result on its bytes, or CANCELLED. */
export async function readNpzCase(
  source: RandomAccessSource,
  params: unknown,
  options: NpzReadOptions = {},
): Promise<ArraysCaseResult | Cancelled> {
  const r = await readNpzStream(source, NPZ_CASE_ARRAYS, options);
  if (!r.ok && 'cancelled' in r) return r;
  return npzArraysToCase(r, params);
}
