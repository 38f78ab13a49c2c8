// The app's exports as text and bytes: the case JSON reads back exactly (the CLI's parser and the
// app's import), the CSV has every entry with the engine's numbers, the .npz writer's files read back
// with our reader and with numpy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drLoss, entryObjectives, FOCAL_DEFAULTS, DEFAULT_PARAMS } from '../../src/engine/index.ts';
import type { DRParams } from '../../src/engine/types.ts';
import type { CandidateSet } from '../../src/data/types.ts';
import { parseCases } from '../../src/io/case.ts';
import { BIBTEX, CSV_COLUMNS, candidateCsv, caseJson } from '../../src/io/exportCase.ts';
import { parseImport } from '../../src/io/import.ts';
import { npzToCase } from '../../src/io/npz.ts';
import { crc32, npzBytes } from '../../src/io/npzWrite.ts';

function randomSet(R: number, K: number, seed: number): CandidateSet {
  let a = seed;
  const u = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const logits = Float64Array.from({ length: R * K }, () => (u() * 2 - 1) * 5);
  const targets = Int32Array.from({ length: R }, () => {
    const v = u();
    return v < 0.1 ? -1 : v < 0.4 ? 1 + Math.floor(u() * K) : 0;
  });
  return { R, K, logits, targets };
}

const PARAMS: DRParams = { ...DEFAULT_PARAMS, lambdaNeg: 0.07, margin: 0.4, L: 5.5 };

describe('caseJson', () => {
  it('reads back exactly with the CLI parser (K = 3) and keeps the parameters', () => {
    const set = randomSet(40, 3, 7);
    const parsed = parseCases(caseJson(set, PARAMS));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const c = parsed.cases[0];
    expect([c.R, c.K]).toEqual([40, 3]);
    expect(Array.from(c.logits)).toEqual(Array.from(set.logits));
    expect(Array.from(c.targets)).toEqual(Array.from(set.targets));
    expect(c.params).toEqual(PARAMS);
    expect(drLoss(c.logits, c.targets, c.K, c.params).result.loss).toBe(
      drLoss(set.logits, set.targets, 3, PARAMS).result.loss,
    );
  });

  it('writes flat logits for K = 1 and the hard-negative prior as negTopK; the import reads it', () => {
    const set = randomSet(25, 1, 3);
    const params: DRParams = { ...DEFAULT_PARAMS, original: { kind: 'hardNegative', k: 5 } };
    const text = caseJson(set, params);
    expect(JSON.parse(text).logits.every((x: unknown) => typeof x === 'number')).toBe(true);
    expect(JSON.parse(text).params.negTopK).toBe(5);
    const imported = parseImport(text, 'case.json');
    expect(imported.ok).toBe(true);
    if (!imported.ok || imported.source.kind !== 'explicit') return;
    expect(Array.from(imported.source.base.logits)).toEqual(Array.from(set.logits));
    expect(imported.params?.original).toBe('hardNegative');
    expect(imported.params?.hardK).toBe(5);
  });
});

describe('candidateCsv', () => {
  it('has the header and one line per entry with the engine gradients, exact', () => {
    const set = randomSet(30, 2, 11);
    const text = candidateCsv(set, PARAMS);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[0].startsWith('row,class,label,logit,p,q,gradDR,gradFocal,gradBCE')).toBe(true);
    expect(lines).toHaveLength(61);
    const { gradLogits } = drLoss(set.logits, set.targets, 2, PARAMS);
    const focal = new Float64Array(60);
    const bce = new Float64Array(60);
    entryObjectives(set.logits, set.targets, 2, FOCAL_DEFAULTS, { focal, bce });
    let qPos = 0;
    let qNeg = 0;
    for (let i = 0; i < 60; i++) {
      const f = lines[i + 1].split(',');
      expect(Number(f[0]) * 2 + Number(f[1]) - 1).toBe(i);
      expect(Number(f[3])).toBe(set.logits[i]);
      expect(Number(f[6])).toBe(gradLogits[i]);
      expect(Number(f[7])).toBe(focal[i]);
      expect(Number(f[8])).toBe(bce[i]);
      const label = Number(f[2]);
      if (label === -1) expect(f[5]).toBe('');
      else if (label === 1) qPos += Number(f[5]);
      else qNeg += Number(f[5]);
    }
    expect(qPos).toBeCloseTo(1, 12);
    expect(qNeg).toBeCloseTo(1, 12);
  });
});

describe('npz writer', () => {
  it('crc32 of "123456789" is the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes an .npz that our reader turns into the same case', () => {
    const set = randomSet(17, 4, 5);
    const bytes = npzBytes({
      logits: { values: set.logits, shape: [17, 4] },
      targets: { values: set.targets, shape: [17] },
    });
    const c = npzToCase(bytes, undefined);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(Array.from(c.value.logits)).toEqual(Array.from(set.logits));
    expect(Array.from(c.value.targets)).toEqual(Array.from(set.targets));
  });

  const python = ['python3', '/usr/bin/python3'].find((p) => {
    try {
      execFileSync(p, ['-c', 'import numpy'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  it.skipIf(python === undefined)(
    `numpy's np.load reads it${python === undefined ? ' (skipped: no python3 with numpy)' : ''}`,
    () => {
      const set = randomSet(9, 3, 2);
      const dir = mkdtempSync(join(tmpdir(), 'npz-'));
      const file = join(dir, 'case.npz');
      writeFileSync(
        file,
        npzBytes({
          logits: { values: set.logits, shape: [9, 3] },
          targets: { values: set.targets, shape: [9] },
        }),
      );
      const out = execFileSync(python!, [
        '-c',
        'import sys, json, numpy as np; d = np.load(sys.argv[1]); ' +
          'print(json.dumps([d["logits"].dtype.str, list(d["logits"].shape), d["logits"].ravel().tolist(), d["targets"].dtype.str, d["targets"].tolist()]))',
        file,
      ]).toString();
      const [ld, shape, logits, td, targets] = JSON.parse(out) as [
        string,
        number[],
        number[],
        string,
        number[],
      ];
      expect([ld, shape, td]).toEqual(['<f8', [9, 3], '<i8']);
      expect(logits).toEqual(Array.from(set.logits));
      expect(targets).toEqual(Array.from(set.targets));
    },
  );
});

describe('BibTeX', () => {
  it('names the paper, its authors, CVPR 2020 and the arXiv id', () => {
    expect(BIBTEX).toMatch(/^@inproceedings\{/);
    expect(BIBTEX).toContain('Improving Object Detection by Distributional Ranking');
    expect(BIBTEX).toContain('Qian, Qi and Chen, Lei and Li, Hao and Jin, Rong');
    expect(BIBTEX).toContain('1907.10156');
    expect(BIBTEX).toContain('2020');
  });
});
