import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODULE_PATH, WAT_PATH, compileWat, renderModule } from '../../../scripts/buildWasm.ts';
import { SIMD_WASM_BASE64 } from '../../../src/engine/kernels/simdWasm.ts';

describe('simdWasm.ts, the committed WebAssembly of simd.wat', () => {
  it('is exactly what compiling simd.wat with wabt gives (`npm run build:wasm` after editing it)', async () => {
    const bytes = await compileWat(readFileSync(WAT_PATH, 'utf8'));
    expect(Buffer.from(SIMD_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(renderModule(bytes));
  });

  it('stays under the 4 KB Chrome compiles synchronously on the main thread', () => {
    expect(Buffer.from(SIMD_WASM_BASE64, 'base64').length).toBeLessThanOrEqual(4096);
  });
});
