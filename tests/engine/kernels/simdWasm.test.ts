import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  INPLACE_SPEC,
  NORMALS_SPEC,
  SIMD_SPEC,
  WASM_SPECS,
  compileWat,
  definitionText,
  expandIncludes,
  renderModule,
} from '../../../scripts/buildWasm.ts';
import { INPLACE_WASM_BASE64 } from '../../../src/engine/kernels/inplaceWasm.ts';
import { NORMALS_WASM_BASE64 } from '../../../src/engine/kernels/normalsWasm.ts';
import { SIMD_WASM_BASE64 } from '../../../src/engine/kernels/simdWasm.ts';

const committed = new Map([
  [SIMD_SPEC, SIMD_WASM_BASE64],
  [INPLACE_SPEC, INPLACE_WASM_BASE64],
  [NORMALS_SPEC, NORMALS_WASM_BASE64],
]);

describe.each(WASM_SPECS.map((spec) => [spec.wat.replace(/.*\//, ''), spec] as const))(
  'the committed WebAssembly of %s',
  (wat, spec) => {
    it(`is exactly what compiling ${wat} with wabt gives (\`npm run build:wasm\` after editing it)`, async () => {
      const bytes = await compileWat(readFileSync(spec.wat, 'utf8'));
      expect(Buffer.from(committed.get(spec)!, 'base64').equals(Buffer.from(bytes))).toBe(true);
      expect(readFileSync(spec.module, 'utf8')).toBe(renderModule(bytes, spec));
    });
  },
);

describe('simdWasm.ts', () => {
  it('stays under the 4 KB Chrome compiles synchronously on the main thread', () => {
    expect(Buffer.from(SIMD_WASM_BASE64, 'base64').length).toBeLessThanOrEqual(4096);
  });
});

describe('inplace.wat includes from simd.wat', () => {
  it('splices the named definitions, whole, in the order listed', () => {
    const lib =
      ';; c\n(global $A i32 (i32.const 1))\n(func $f (param $x i32) ;; (unbalanced in a comment\n  (drop (local.get $x)))\n';
    expect(definitionText(lib, '$f')).toBe(
      '(func $f (param $x i32) ;; (unbalanced in a comment\n  (drop (local.get $x)))',
    );
    expect(() => definitionText(lib, '$g')).toThrow(/no \(global\|func\) \$g/);
  });

  it('takes the exp, sigmoid and table code from simd.wat, not a copy', () => {
    const source = readFileSync(INPLACE_SPEC.wat, 'utf8');
    const lib = readFileSync(SIMD_SPEC.wat, 'utf8');
    const expanded = expandIncludes(source, INPLACE_SPEC.wat.replace(/[^/]*$/, ''));
    for (const name of ['$exp1', '$exp4', '$sigmoid', '$grid4', '$grid_table']) {
      expect(source).not.toContain(`(func ${name} `);
      expect(expanded).toContain(definitionText(lib, name));
    }
  });
});
