// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fill, t } from '../../src/i18n/strings.ts';
import { STRING_PARTS, strings } from '../../src/i18n/allStrings.ts';

const sorted = (o: object) => Object.keys(o).sort();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('string table', () => {
  for (const [name, part] of Object.entries(STRING_PARTS)) {
    it(`part ${name}: English and Chinese have the same keys`, () => {
      expect(sorted(part.zh)).toEqual(sorted(part.en));
    });
    it(`part ${name}: every string is non-empty and has the same placeholders in both languages`, () => {
      const en: Record<string, string> = part.en;
      const zh: Record<string, string> = part.zh;
      for (const key of Object.keys(en)) {
        expect(en[key].trim().length, key).toBeGreaterThan(0);
        expect(zh[key].trim().length, key).toBeGreaterThan(0);
        expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      }
    });
  }

  it('the parts do not define the same key twice', () => {
    const seen = new Map<string, string>();
    for (const [name, part] of Object.entries(STRING_PARTS)) {
      for (const key of Object.keys(part.en)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
    expect(seen.size).toBe(Object.keys(strings.en).length);
  });

  it('the merged table has the same keys in both languages', () => {
    expect(sorted(strings.zh)).toEqual(sorted(strings.en));
  });

  it('holds a title for each of the eight panels in both languages', () => {
    const titles = Object.keys(strings.en).filter((k) => /^panel\.\w+\.title$/.test(k));
    expect(titles).toHaveLength(8);
    for (const k of titles) expect(strings.zh[k as keyof typeof strings.zh]).toMatch(/^\d · /);
  });

  it('the seed blog’s errors are not repeated in any string', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const s of Object.values(strings[lang])) {
        expect(s).not.toMatch(/exp\(\s*p\s*\/\s*λ\+\)/);
        expect(s).not.toMatch(/1\s*\/\s*z\)?\s*·?\s*log/);
      }
    }
  });
});

describe('t(lang)', () => {
  it('returns the string of the key in the chosen language', () => {
    expect(t('en')('panel.smoothing.title')).toBe('5 · Smoothing (Eq. 7–8)');
    expect(t('zh')('panel.smoothing.title')).toBe('5 · 平滑（式 7–8）');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('en')('smoothing.quad', { rho: 0.2 })).toBe('quadratic, ρ = 0.2');
    expect(t('en')('smoothing.quad')).toBe('quadratic, ρ = {rho}');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fill('{a} of {b} ({c})', { a: 3, b: '12' })).toBe('3 of 12 ({c})');
  });

  it('does not read placeholders from the object prototype', () => {
    expect(fill('{toString}', {})).toBe('{toString}');
  });

  it('is memoised per language', () => {
    expect(t('en')).toBe(t('en'));
    expect(t('en')).not.toBe(t('zh'));
  });
});

describe('loadLang: Chinese is fetched on demand', () => {
  it('t("zh") is English until loadLang("zh") brings the table, then Chinese; listeners hear it', async () => {
    // A fresh copy of the module: the test setup registered Chinese in the shared one.
    vi.resetModules();
    const fresh = await import('../../src/i18n/strings.ts');
    expect(fresh.hasLang('en')).toBe(true);
    expect(fresh.hasLang('zh')).toBe(false);
    expect(fresh.t('zh')).toBe(fresh.t('en'));
    expect(fresh.t('zh')('panel.smoothing.title')).toBe('5 · Smoothing (Eq. 7–8)');
    let heard = 0;
    const stop = fresh.onLangLoaded(() => heard++);
    await fresh.loadLang('zh');
    stop();
    expect(heard).toBe(1);
    expect(fresh.hasLang('zh')).toBe(true);
    expect(fresh.t('zh')('panel.smoothing.title')).toBe('5 · 平滑（式 7–8）');
    expect(fresh.t('zh')).not.toBe(fresh.t('en'));
    await fresh.loadLang('zh'); // already here: nothing happens
    expect(heard).toBe(1);
  });
});
