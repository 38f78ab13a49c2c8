/**
 * A small writer of NumPy files: .npy (format 1.0, little-endian, C order) and .npz (a zip of .npy
 * entries, stored, as np.savez writes; no ZIP64, so at most 4 GiB). Pure: arrays in, bytes out. The
 * readers (npy.ts, npz.ts) and numpy's np.load read what it writes.
 */

/** An array to write: float64 or int64 (from an Int32Array), shape given. */
export interface NpyOut {
  readonly values: Float64Array | Int32Array;
  readonly shape: readonly number[];
}

/** The bytes of one .npy file: '<f8' for a Float64Array, '<i8' for an Int32Array. */
export function npyBytes(a: NpyOut): Uint8Array {
  const isFloat = a.values instanceof Float64Array;
  const shape = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
  let header = `{'descr': '${isFloat ? '<f8' : '<i8'}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const n = a.values.length;
  const out = new Uint8Array(10 + header.length + n * 8);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const at = 10 + header.length;
  if (a.values instanceof Float64Array) {
    for (let i = 0; i < n; i++) view.setFloat64(at + i * 8, a.values[i], true);
  } else {
    for (let i = 0; i < n; i++) view.setBigInt64(at + i * 8, BigInt(a.values[i]), true);
  }
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (the zip polynomial). */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of the named entries, stored (no compression). */
export function zipStored(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = crc32(e.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed
    lv.setUint16(6, 0, true); // flags
    lv.setUint16(8, 0, true); // stored
    lv.setUint16(10, 0, true); // time
    lv.setUint16(12, 0x21, true); // date: 1980-01-01
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // made by
    cv.setUint16(6, 20, true); // needed
    cv.setUint16(8, 0, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, 0, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An .npz of named arrays (np.savez's layout: entries "<name>.npy", stored). */
export function npzBytes(arrays: Readonly<Record<string, NpyOut>>): Uint8Array {
  return zipStored(
    Object.entries(arrays).map(([name, a]) => ({ name: `${name}.npy`, data: npyBytes(a) })),
  );
}
