import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseCases } from '../../src/io/case.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { CANCELLED, firstBadByte, readStream, Utf8Stream } from '../../src/io/stream.ts';
import { byteChunks, cutsArb, fromChunks } from './streamHelpers.ts';

// Thousands of property runs: seconds on a busy machine, more than the default 5 s timeout.
vi.setConfig({ testTimeout: 120_000 });

const encoder = new TextEncoder();

/** Bytes that are mostly UTF-8 text with, sometimes, bad or cut sequences. */
const mostlyUtf8 = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => encoder.encode(s)),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(
            fc.constantFrom(0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xa0, 0xf0, 0xf4, 0x90, 0xff, 0x41),
            {
              minLength: 1,
              maxLength: 3,
            },
          )
          .map((a) => Uint8Array.from(a)),
      },
    ),
    { maxLength: 12 },
  )
  .map((parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  });

function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('UTF-8 decoding across chunks', () => {
  it('firstBadByte agrees with TextDecoder on where decoding fails', () => {
    fc.assert(
      fc.property(mostlyUtf8, (bytes) => {
        const at = firstBadByte(bytes);
        if (at >= 0) {
          expect(decodes(bytes)).toBe(false);
          expect(decodes(bytes.subarray(0, at))).toBe(true);
        } else {
          // Valid, or valid but for a character cut at the very end.
          const ok = decodes(bytes);
          if (!ok) expect(new TextDecoder().decode(bytes).endsWith('\ufffd')).toBe(true);
        }
      }),
      { seed: 1, numRuns: 3000 },
    );
  });

  it('decodes the same text, or fails at the same byte, however the bytes are cut', () => {
    fc.assert(
      fc.property(mostlyUtf8, cutsArb, (bytes, cuts) => {
        const once = new Utf8Stream();
        const whole = once.decode(bytes);
        const wholeEnd = whole.error ?? once.end();
        const cut = new Utf8Stream();
        let text = '';
        let error: string | undefined;
        for (const chunk of byteChunks(bytes, cuts)) {
          const d = cut.decode(chunk);
          text += d.text;
          if (d.error !== undefined) {
            error = d.error;
            break;
          }
        }
        error ??= cut.end();
        expect([text, error]).toEqual([whole.text, wholeEnd]);
        if (error === undefined)
          expect(text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      }),
      { seed: 2, numRuns: 3000 },
    );
  });

  it('names the line of a CSV and the byte offset of a bad byte', async () => {
    const bytes = Uint8Array.from([
      ...encoder.encode('logit,label\n0.5,1\n# caf'),
      0xe9,
      ...encoder.encode('\n1,0\n'),
    ]);
    for (const size of [1, 2, 5, 100]) {
      const chunks = byteChunks(bytes, { size });
      expect(await readStream(fromChunks(chunks), 'csv')).toEqual({
        ok: false,
        error: 'line 3: not UTF-8 text (byte 0xe9 at offset 23)',
      });
    }
    // A row error before the bad byte comes first, as it would in the text.
    const early = Uint8Array.from([...encoder.encode('logit,label\nx,1\n'), 0xff]);
    expect(await readStream(fromChunks([early]), 'csv')).toEqual(parseCsv('logit,label\nx,1\n'));
    const cut = encoder.encode('{"logits":[1],"targets":[0], "é').slice(0, -1);
    expect(await readStream(fromChunks([cut]), 'json')).toEqual({
      ok: false,
      error: 'input: not UTF-8 text (the input ends inside a character that starts at offset 30)',
    });
  });
});

describe('readStream', () => {
  const csv = `logit,label\n${'0.5,1\n-1,0\n'.repeat(500)}`;

  it('reads a web ReadableStream and an async iterable alike, reporting rows and bytes', async () => {
    const bytes = encoder.encode(csv);
    const progress: Array<[number, number]> = [];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of byteChunks(bytes, { size: 1000 })) controller.enqueue(c);
        controller.close();
      },
    });
    const r = await readStream(stream, 'csv', {
      onProgress: (rows, n) => progress.push([rows, n]),
    });
    expect(r).toEqual(parseCsv(csv));
    expect(progress.length).toBe(Math.ceil(bytes.length / 1000));
    expect(progress.at(-1)).toEqual([1000, bytes.length]);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
      expect(progress[i][1]).toBeGreaterThan(progress[i - 1][1]);
    }
    expect(await readStream(fromChunks(byteChunks(bytes, { size: 333 })), 'csv')).toEqual(r);
  });

  it('returns CANCELLED when aborted, before or while reading, and cancels the source', async () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(
      await readStream(fromChunks([encoder.encode(csv)]), 'csv', { signal: aborted.signal }),
    ).toBe(CANCELLED);

    const controller = new AbortController();
    let pulls = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulls++;
        c.enqueue(encoder.encode('0.5,1\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const r = await readStream(endless, 'csv', {
      signal: controller.signal,
      onProgress: (rows) => {
        if (rows >= 50) controller.abort();
      },
    });
    expect(r).toEqual({ ok: false, error: 'cancelled', cancelled: true });
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(60);

    // A read waiting for a chunk that never comes is cancelled too.
    const stuck = new AbortController();
    const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const pending = readStream(never, 'json', { signal: stuck.signal });
    stuck.abort();
    expect(await pending).toBe(CANCELLED);
  });

  it('stops reading at the first CSV row error or JSON syntax error', async () => {
    let pulls = 0;
    const bad = new ReadableStream<Uint8Array>({
      pull(c) {
        pulls++;
        c.enqueue(encoder.encode(pulls === 1 ? 'logit,label\nx,1\n' : '0.5,1\n'));
      },
    });
    expect(await readStream(bad, 'csv')).toEqual(parseCsv('logit,label\nx,1\n'));
    expect(pulls).toBeLessThan(3);
    let jsonPulls = 0;
    const badJson = new ReadableStream<Uint8Array>({
      pull(c) {
        jsonPulls++;
        c.enqueue(encoder.encode(jsonPulls === 1 ? '{"logits": [1, 2,, ' : '3, '));
      },
    });
    const j = await readStream(badJson, 'json');
    expect(!j.ok && j.error).toMatch(/^input: not valid JSON \(line 1, column 18: unexpected ","/);
    expect(jsonPulls).toBeLessThan(3);
  });

  it('parses a large chunk in slices, with progress and a chance to cancel between them', async () => {
    const big = encoder.encode(`logit,label\n${'0.5,1\n'.repeat(200_000)}`);
    const progress: number[] = [];
    const r = await readStream(fromChunks([big]), 'csv', {
      onProgress: (_rows, bytes) => progress.push(bytes),
    });
    expect(r).toEqual(parseCsv(new TextDecoder().decode(big)));
    expect(progress.length).toBe(Math.ceil(big.length / (256 * 1024)));
    const controller = new AbortController();
    const cancelled = await readStream(fromChunks([big]), 'csv', {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(cancelled).toBe(CANCELLED);
  });

  it('turns a source that throws into an error result', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield encoder.encode('0.5,1\n');
      throw new Error('disk gone');
    }
    expect(await readStream(failing(), 'csv')).toEqual({
      ok: false,
      error: 'cannot read the input (disk gone)',
    });
  });

  it('reads a Node file stream (as the CLI would) without a whole-file string', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-stream-'));
    try {
      const path = join(dir, 'scores.csv');
      writeFileSync(path, csv);
      const r = await readStream(createReadStream(path, { highWaterMark: 1000 }), 'csv');
      expect(r).toEqual(parseCsv(csv));
      writeFileSync(path, '{"logits": [1, 2], "targets": [0, 1]}');
      expect(await readStream(createReadStream(path), 'json')).toEqual(
        parseCases('{"logits": [1, 2], "targets": [0, 1]}'),
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reads JSON cases as parseCases does', async () => {
    const text = '\ufeff{"logits": [[0.5, -1], [2, 0]], "targets": [1, 0], "params": {"L": 3}}';
    const r = await readStream(fromChunks(byteChunks(encoder.encode(text), { size: 3 })), 'json');
    expect(r).toEqual(parseCases(text));
  });
});
