/**
 * Byte-level building blocks of the permalink's binary payload: LEB128 varints (zigzag for signed
 * integers), little-endian float64, and base64url. The reader is bounds-checked: malformed input
 * throws a PayloadError, which the codec turns into a notice (decoding as a whole never throws).
 */

/** A malformed payload; the message says what was wrong (shown in a notice). */
export class PayloadError extends Error {}

/** Growable byte buffer (doubling), for building a payload of unknown size. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private n = 0;

  private reserve(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.n + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.n++] = b & 0xff;
  }

  /** Unsigned LEB128 of a whole number 0 ≤ x ≤ 2^53 − 1 (arithmetic, not 32-bit shifts). */
  uvarint(x: number): void {
    this.reserve(8);
    while (x >= 0x80) {
      this.buf[this.n++] = (x % 0x80) | 0x80;
      x = Math.floor(x / 0x80);
    }
    this.buf[this.n++] = x;
  }

  /** Zigzag + LEB128 of an integer |x| < 2^52: 0, −1, 1, −2, … → 0, 1, 2, 3, … */
  svarint(x: number): void {
    this.uvarint(x >= 0 ? 2 * x : -2 * x - 1);
  }

  /** Unsigned 32-bit little-endian. */
  u32(x: number): void {
    for (let i = 0; i < 4; i++) this.byte(Math.floor(x / 2 ** (8 * i)) & 0xff);
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

/** Bounds-checked reader over a payload; every read past the end or out of range throws PayloadError. */
export class ByteReader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}

  get remaining(): number {
    return this.buf.length - this.at;
  }

  byte(): number {
    if (this.at >= this.buf.length) throw new PayloadError('truncated');
    return this.buf[this.at++];
  }

  /** Unsigned LEB128, at most 2^53 − 1. */
  uvarint(): number {
    let x = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      x += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (!Number.isSafeInteger(x)) break;
        return x;
      }
      scale *= 0x80;
    }
    throw new PayloadError('a number field is too long');
  }

  u32(): number {
    const b = this.bytes(4);
    return b[0] + b[1] * 0x100 + b[2] * 0x10000 + b[3] * 0x1000000;
  }

  svarint(): number {
    const z = this.uvarint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  /** The next n bytes (a view, no copy). */
  bytes(n: number): Uint8Array {
    if (!(n >= 0 && n <= this.remaining)) throw new PayloadError('truncated');
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 §5): URL-safe, never needs percent-encoding. */
export function toBase64Url(bytes: Uint8Array): string {
  const n = bytes.length;
  const chars = new Uint8Array(Math.ceil((n * 4) / 3));
  let o = 0;
  for (let i = 0; i < n; i += 3) {
    const a = bytes[i];
    const b = i + 1 < n ? bytes[i + 1] : 0;
    const c = i + 2 < n ? bytes[i + 2] : 0;
    chars[o++] = CODES[a >> 2];
    chars[o++] = CODES[((a & 3) << 4) | (b >> 4)];
    if (i + 1 < n) chars[o++] = CODES[((b & 15) << 2) | (c >> 6)];
    if (i + 2 < n) chars[o++] = CODES[c & 63];
  }
  // ASCII bytes to a string in one native call (no per-character string building).
  return new TextDecoder().decode(chars.subarray(0, o));
}

/**
 * Inverse of toBase64Url. Throws PayloadError on a character outside the alphabet or an impossible
 * length (n mod 4 = 1); `=` padding is not accepted (the encoder never writes it).
 */
export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new PayloadError('truncated (impossible base64 length)');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let acc = 0;
    const m = Math.min(4, text.length - i);
    for (let j = 0; j < 4; j++) {
      let v = 0;
      if (j < m) {
        const code = text.charCodeAt(i + j);
        v = code < 128 ? LOOKUP[code] : -1;
        if (v < 0)
          throw new PayloadError(`character ${JSON.stringify(text[i + j])} is not base64url`);
      }
      acc = (acc << 6) | v;
    }
    out[o++] = (acc >> 16) & 0xff;
    if (m > 2) out[o++] = (acc >> 8) & 0xff;
    if (m > 3) out[o++] = acc & 0xff;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/**
 * CRC-32 (IEEE 802.3, the checksum of zip and PNG) of `bytes`, as an unsigned 32-bit number.
 * Raw deflate carries no checksum, so without it a mistyped link could inflate to other valid numbers.
 */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
