/**
 * Plain-text notices of lower layers (the engine worker client, the link decoder) are translated at the
 * UI boundary: each is produced here by the real code, and its Chinese must hold no English word
 * outside field names, quoted input and values.
 */
import { describe, expect, it } from 'vitest';
import { translateRawMessage } from '../../src/i18n/ioMessages.ts';
import { t } from '../../src/i18n/strings.ts';
import { decodePermalink } from '../../src/state/permalink/codec.ts';
import { createEngineClient } from '../../src/worker/client.ts';

const zh = t('zh');
const en = t('en');

function english(text: string): string[] {
  const stripped = text.replace(/"[^"]*"|“[^”]*”|'[^']*'/g, '');
  return stripped.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('worker notices in Chinese', () => {
  it('a worker that cannot start: the fallback notice', () => {
    const notices: string[] = [];
    const client = createEngineClient({
      createWorker: () => {
        throw new Error('blocked');
      },
      onResult: () => {},
      onError: () => {},
      onNotice: (text) => notices.push(text),
    });
    client.dispose();
    expect(notices.length).toBe(1);
    const out = translateRawMessage(notices[0], zh, false);
    expect(translateRawMessage(notices[0], en, true)).toBe(notices[0]);
    expect(out).toMatch(/^引擎后台线程无法启动（.*）；改在主线程计算（大集合会让页面卡顿）。$/);
  });
});

describe('link notices in Chinese', () => {
  it.each([
    ['#v=1&zz=1'],
    ['#v=1&g=abc'],
    ['#v=1&g=0.3&g=0.4'],
    ['#v=1&oops'],
    ['#g=0.3'],
    ['#v=1&set=abc'],
    ['#v=1&set=paper-default&seed=1.5'],
    ['#v=9&set=paper-default'],
  ])('%s', (hash) => {
    const { notices } = decodePermalink(hash);
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) {
      const out = translateRawMessage(n, zh, false);
      expect(out, n).not.toBe(n);
      expect(out.startsWith('链接'), out).toBe(true);
      expect(english(out.replace(/^链接中的字段 [^：]+：/, '')), `${n} → ${out}`).toEqual([]);
    }
  });
});

describe('a raw notice in the store', () => {
  it('renders through the translation in Chinese and unchanged in English', async () => {
    const { noticeText } = await import('../../src/state/store.ts');
    const text = 'Link: unknown field "zz" ignored';
    const n = { key: 'notice.raw' as const, vars: { text } };
    expect(noticeText(n, en)).toBe(text);
    expect(noticeText(n, zh)).toBe('链接：未知字段 "zz"，已忽略');
  });
});
