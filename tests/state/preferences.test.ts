import { describe, expect, it } from 'vitest';
import {
  parsePreferences,
  preferredLang,
  serializePreferences,
  type Preferences,
} from '../../src/state/preferences.ts';

const fallback: Preferences = { lang: 'en', theme: 'system' };

describe('display preferences', () => {
  it('round-trip through their stored text', () => {
    const p: Preferences = { lang: 'zh', theme: 'dark' };
    expect(parsePreferences(serializePreferences(p), fallback)).toEqual(p);
  });

  it('nothing stored, corrupt JSON or unknown values keep the fallback per field', () => {
    expect(parsePreferences(null, fallback)).toEqual(fallback);
    expect(parsePreferences('{oops', fallback)).toEqual(fallback);
    expect(parsePreferences('[1]', fallback)).toEqual(fallback);
    expect(parsePreferences('{"lang":"fr","theme":"dark"}', fallback)).toEqual({
      lang: 'en',
      theme: 'dark',
    });
    expect(parsePreferences('{"lang":"zh","theme":"<b>"}', fallback)).toEqual({
      lang: 'zh',
      theme: 'system',
    });
  });

  it('the first browser language we have decides the default', () => {
    expect(preferredLang(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLang(['de-DE', 'en-GB', 'zh'])).toBe('en');
    expect(preferredLang(['de'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });
});
