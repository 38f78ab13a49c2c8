// A small .npy and zip writer for the tests of src/io/npy.ts and src/io/npz.ts: builds files byte by
// byte (any header text, version, byte order, layout), so malformed and hostile inputs can be made too.
import { deflateSync } from 'fflate';

/** The .npy preamble and header for `header` (padded to 64 bytes with spaces and a newline). */
export function npyFile(header: string, data: Uint8Array, version = 1, pad = true): Uint8Array {
  const lenBytes = version === 1 ? 2 : 4;
  let text = header;
  if (pad) {
    const total = 8 + lenBytes + text.length + 1;
    text += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  }
  const head = new TextEncoder().encode(text);
  const out = new Uint8Array(8 + lenBytes + head.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, head.length, true);
  else view.setUint32(8, head.length, true);
  out.set(head, 8 + lenBytes);
  out.set(data, 8 + lenBytes + head.length);
  return out;
}

/** The bytes of `values` as dtype `code` (f4, f8, i4, i8, u1…) in the given byte order. */
export function encode(values: readonly number[], code: string, little: boolean): Uint8Array {
  const size = Number(code.slice(1));
  const out = new Uint8Array(values.length * size);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => {
    const at = i * size;
    switch (code) {
      case 'f4':
        return v.setFloat32(at, x, little);
      case 'f8':
        return v.setFloat64(at, x, little);
      case 'i1':
        return v.setInt8(at, x);
      case 'i2':
        return v.setInt16(at, x, little);
      case 'i4':
        return v.setInt32(at, x, little);
      case 'i8':
        return v.setBigInt64(at, BigInt(x), little);
      case 'u1':
        return v.setUint8(at, x);
      case 'u2':
        return v.setUint16(at, x, little);
      case 'u4':
        return v.setUint32(at, x, little);
      case 'u8':
        return v.setBigUint64(at, BigInt(x), little);
      default:
        throw new Error(code);
    }
  });
  return out;
}

/** A numpy-style header dict. */
export function header(descr: string, shape: readonly number[], fortran = false): string {
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  return `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${dims}, }`;
}

/** Row-major R×K values in Fortran (column-major) order. */
export function toFortran(values: readonly number[], R: number, K: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < K; k++) for (let r = 0; r < R; r++) out.push(values[r * K + k]);
  return out;
}

export interface ZipEntrySpec {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** Override the uncompressed size written in the headers (to make lying archives). */
  declaredSize?: number;
  /** Write sizes and offset as ZIP64 extra fields in the central directory. */
  zip64?: boolean;
}

/** A zip archive of the entries (with a ZIP64 end of central directory when any entry is ZIP64). */
export function zipFile(entries: readonly ZipEntrySpec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  let anyZip64 = false;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const body = e.deflate === true ? deflateSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.deflate === true ? 8 : 0, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const z = e.zip64 === true;
    anyZip64 ||= z;
    const extra = z ? 4 + 24 : 0;
    const cd = new Uint8Array(46 + name.length + extra);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 45, true);
    cv.setUint16(10, e.deflate === true ? 8 : 0, true);
    cv.setUint32(20, z ? 0xffffffff : body.length, true);
    cv.setUint32(24, z ? 0xffffffff : size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra, true);
    cv.setUint32(42, z ? 0xffffffff : offset, true);
    cd.set(name, 46);
    if (z) {
      const x = 46 + name.length;
      cv.setUint16(x, 1, true);
      cv.setUint16(x + 2, 24, true);
      cv.setBigUint64(x + 4, BigInt(size), true);
      cv.setBigUint64(x + 12, BigInt(body.length), true);
      cv.setBigUint64(x + 20, BigInt(offset), true);
    }
    parts.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  }
  const cdStart = offset;
  const cdLen = central.reduce((n, c) => n + c.length, 0);
  const tail: Uint8Array[] = [];
  if (anyZip64) {
    const z = new Uint8Array(56);
    const zv = new DataView(z.buffer);
    zv.setUint32(0, 0x06064b50, true);
    zv.setBigUint64(4, 44n, true);
    zv.setBigUint64(24, BigInt(entries.length), true);
    zv.setBigUint64(32, BigInt(entries.length), true);
    zv.setBigUint64(40, BigInt(cdLen), true);
    zv.setBigUint64(48, BigInt(cdStart), true);
    const loc = new Uint8Array(20);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x07064b50, true);
    lv.setBigUint64(8, BigInt(cdStart + cdLen), true);
    lv.setUint32(16, 1, true);
    tail.push(z, loc);
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, anyZip64 ? 0xffff : entries.length, true);
  ev.setUint16(10, anyZip64 ? 0xffff : entries.length, true);
  ev.setUint32(12, cdLen, true);
  ev.setUint32(16, anyZip64 ? 0xffffffff : cdStart, true);
  const all = [...parts, ...central, ...tail, eocd];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
