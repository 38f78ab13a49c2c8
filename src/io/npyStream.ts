/**
 * An .npy file read as a stream (npy.ts is the format): the preamble and header are held until
 * complete, then the data goes chunk by chunk straight into the Float64Array of values, an item cut
 * between chunks carried over. The file's bytes are never held whole, so `dr --logits a.npy` holds a
 * 10⁶-entry array once, as its values.
 *
 * Results are parseNpy's on the whole file, by construction: the header goes through the same
 * npyLayout (on a prefix that holds all it reads), the data's size and integer checks are npy.ts's
 * own, and they are reported in its order (a size error before a bad integer, wherever each lies).
 * A stream ending before its header is complete is handed to parseNpy itself (a few bytes).
 */
import {
  NPY_PREAMBLE_BYTES,
  npyArray,
  npyDataSizeError,
  npyFailure,
  npyHeaderEnd,
  npyLayout,
  npyUnsafeIntError,
  parseNpy,
  type NpyLayout,
  type NpyResult,
} from './npy.ts';
import { concat, type ByteSource } from './stream.ts';

/** An incremental .npy reader: `push` byte chunks in order, then `finish` once. Never throws. */
export class NpyStreamParser {
  /** The bytes before the data, until the header is complete. */
  private head: Uint8Array = new Uint8Array(0);
  private layout: NpyLayout | null = null;
  private error: string | null = null;
  private values = new Float64Array(0);
  /** Items stored so far. */
  private n = 0;
  /** Data bytes received (beyond what the header declares too: the size error counts them). */
  private have = 0;
  /** The bytes of an item cut at the end of the last chunk. */
  private carry: Uint8Array = new Uint8Array(0);
  /** The first integer beyond ±2^53: reported only when the data's size is right. */
  private unsafe: string | null = null;

  /** True once the result is settled by an error in the preamble or header. */
  get failed(): boolean {
    return this.error !== null;
  }

  /**
   * Rows stored so far, for progress: items over the items of one row (the shape past its first
   * axis; file order, so a Fortran-order array counts columns' items alike).
   */
  get rows(): number {
    const layout = this.layout;
    if (layout === null) return 0;
    let row = 1;
    for (let d = 1; d < layout.shape.length; d++) row *= layout.shape[d];
    return row === 0 ? 0 : Math.floor(this.n / row);
  }

  /** Feed the next chunk (any length, cut anywhere). */
  push(chunk: Uint8Array): void {
    if (this.error !== null || chunk.length === 0) return;
    if (this.layout === null) {
      this.head = concat(this.head, chunk);
      if (this.head.length < NPY_PREAMBLE_BYTES) return;
      const end = npyHeaderEnd(this.head);
      if (end !== null && this.head.length < end) return;
      try {
        this.layout = npyLayout(this.head);
      } catch (e) {
        this.error = npyFailure(e).error;
        return;
      }
      const data = this.head.subarray(this.layout.dataStart);
      this.head = new Uint8Array(0);
      this.data(data);
      return;
    }
    this.data(chunk);
  }

  /** End of input: what parseNpy gives for the whole file. */
  finish(): NpyResult {
    if (this.error !== null) return { ok: false, error: this.error };
    const layout = this.layout;
    if (layout === null) return parseNpy(this.head);
    const sizeError = npyDataSizeError(layout, this.have);
    if (sizeError !== null) return { ok: false, error: sizeError };
    if (this.unsafe !== null) return { ok: false, error: this.unsafe };
    const values = this.values.length === this.n ? this.values : this.values.slice(0, this.n);
    return { ok: true, array: npyArray(layout, values) };
  }

  private data(chunk: Uint8Array): void {
    const layout = this.layout!;
    const { itemSize } = layout.type;
    const need = layout.count * itemSize;
    const room = Math.max(0, need - this.have); // bytes the header still expects
    this.have += chunk.length;
    let bytes = chunk.subarray(0, Math.min(chunk.length, room));
    if (this.carry.length > 0) {
      bytes = concat(this.carry, bytes);
      this.carry = new Uint8Array(0);
    }
    const items = Math.floor(bytes.length / itemSize);
    if (items > 0) this.store(bytes, items);
    if (bytes.length > items * itemSize) this.carry = bytes.slice(items * itemSize);
  }

  private store(bytes: Uint8Array, items: number): void {
    const layout = this.layout!;
    const { read, little, itemSize, kind } = layout.type;
    // Grown as the data arrives (doubling), so a header declaring much more than the file holds
    // costs no more memory than the bytes that came.
    if (this.n + items > this.values.length) {
      const next = new Float64Array(
        Math.min(layout.count, Math.max(this.n + items, 2 * this.values.length, 1024)),
      );
      next.set(this.values.subarray(0, this.n));
      this.values = next;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values = this.values;
    for (let k = 0; k < items; k++) {
      const v = read(view, k * itemSize, little);
      if (kind === 'int' && this.unsafe === null && !Number.isSafeInteger(v)) {
        this.unsafe = npyUnsafeIntError(v, this.n);
      }
      values[this.n++] = v;
    }
  }
}

/** Read an .npy file from a byte stream (a file's chunks). Never rejects: a read error is returned. */
export async function readNpyStream(source: ByteSource): Promise<NpyResult> {
  const parser = new NpyStreamParser();
  try {
    if ('getReader' in source) {
      const reader = source.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done || parser.failed) break;
          parser.push(value);
        }
      } finally {
        void reader.cancel().catch(() => undefined);
      }
    } else {
      for await (const chunk of source) {
        parser.push(chunk);
        if (parser.failed) break;
      }
    }
  } catch (e) {
    return { ok: false, error: `cannot read the input (${e instanceof Error ? e.message : e})` };
  }
  return parser.finish();
}
