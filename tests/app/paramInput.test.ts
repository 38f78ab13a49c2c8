// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { interpretTyped, parseTyped } from '../../src/app/paramInput.ts';
import { t } from '../../src/i18n/strings.ts';
import { noticeText } from '../../src/state/store.ts';

const en = t('en');
const zh = t('zh');
import { HARD_K_SPEC, specOf } from '../../src/params/table.ts';

const lambdaNeg = specOf('lambdaNeg');
const L = specOf('L');

describe('what a typed parameter does', () => {
  it('an in-range number applies at once, bit for bit', () => {
    expect(interpretTyped(lambdaNeg, '0.0123456789012345', false)).toEqual({
      kind: 'apply',
      value: 0.0123456789012345,
      notice: null,
    });
  });

  it('empty text is refused with a message naming the parameter', () => {
    const out = interpretTyped(lambdaNeg, '  ', true);
    expect(out.kind).toBe('refuse');
    expect(out.kind === 'refuse' && noticeText(out.message, en)).toMatch(
      /^λ− \(negative temperature\): empty/,
    );
  });

  it('unparsable text is refused as not a number', () => {
    const direct = interpretTyped(L, 'abc', true);
    expect(direct.kind === 'refuse' && noticeText(direct.message, en)).toMatch(
      /^L \(logistic sharpness\): not a number/,
    );
    const browser = interpretTyped(L, '', true, true);
    expect(browser.kind === 'refuse' && noticeText(browser.message, en)).toMatch(/not a number/);
  });

  it('out of range while typing waits (no clamp halfway through "0.05")', () => {
    const out = interpretTyped(L, '0', false);
    expect(out.kind).toBe('refuse');
    expect(out.kind === 'refuse' && noticeText(out.message, en)).toMatch(/outside \[0.1, 50\]/);
  });

  it('out of range on commit is clamped to the nearest end, with a notice', () => {
    const out = interpretTyped(L, '500', true);
    expect(out.kind === 'apply' && out.value).toBe(50);
    const notice = out.kind === 'apply' ? out.notice : null;
    if (!notice) throw new Error('notice expected');
    expect(noticeText(notice, en)).toBe(
      'L (logistic sharpness): 500 is outside [0.1, 50]; clamped to 50',
    );
    expect(noticeText(notice, zh)).toBe('L（逻辑平滑锐度）：500 超出 [0.1, 50]，已截断为 50');
  });

  it('a fractional n̂ is refused, not rounded', () => {
    expect(interpretTyped(HARD_K_SPEC, '2.5', true).kind).toBe('refuse');
  });

  it('parseTyped reads empty text as NaN, not 0', () => {
    expect(parseTyped('')).toBeNaN();
    expect(parseTyped(' 1e-3 ')).toBe(0.001);
  });
});
