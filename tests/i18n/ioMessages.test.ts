/**
 * The import layer's English messages (shared with the CLI) are translated at the UI boundary: every
 * pattern is produced here by the real parser from a bad input, and its Chinese text must hold no
 * English word outside field names, quoted input and the JavaScript engine's own JSON message.
 */
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/io/import.ts';
import { translateIoMessage } from '../../src/i18n/ioMessages.ts';
import { t } from '../../src/i18n/strings.ts';
import { noticeText } from '../../src/state/store.ts';

const zh = t('zh');
const en = t('en');

const INPUTS: readonly [string, string][] = [
  ['3', 'json'],
  ['[]', 'json'],
  ['[1]', 'json'],
  ['{"logits": "x", "targets": []}', 'json'],
  ['{"logits": [[1, 2], [3]], "targets": [0, 0]}', 'json'],
  ['{"logits": [[1, 2], 3], "targets": [0, 0]}', 'json'],
  ['{"logits": [1, 2], "targets": [0]}', 'json'],
  ['{"logits": [1, 2], "targets": "x"}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 1.5]}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 5]}', 'json'],
  ['{"logits": [1, "2"], "targets": [0, 0]}', 'json'],
  ['{"logits": [1, [2]], "targets": [0, 0]}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "params": 3}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "features": 3}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "features": [[1]]}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "features": [1, 2]}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "features": [[], []]}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "features": [[1], 2]}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "features": [[1], [2, 3]]}', 'json'],
  ['{"logits": [1, 2], "targets": [0, 0], "features": [[1], ["x"]]}', 'json'],
  ['logit,label\n1,x\n', 'csv'],
  ['logit,label\n1,7\n', 'csv'],
  ['logit,label\nx,1\n', 'csv'],
  ['foo,label\n1,1\n', 'csv'],
  ['logit,lab\n1,1\n', 'csv'],
  ['logit,score,label\n1,0.5,1\n', 'csv'],
  ['1\n', 'csv'],
  ['logit,label\n1,1\n1,1,1\n', 'csv'],
  ['logit,label\n', 'csv'],
];

/** Latin words left after removing quoted input, field names and formula letters. */
function english(text: string): string[] {
  const stripped = text
    .replace(/"[^"]*"/g, '')
    .replace(
      /\b(logits|targets|params|features|logit|label|score|JSON|CSV|float64|Infinity)\b/g,
      '',
    );
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => w !== 'K');
}

describe('io messages in Chinese', () => {
  it.each(INPUTS)('%j', (input, kind) => {
    const r = parseImport(input, `x.${kind}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(translateIoMessage(r.error, en, true)).toBe(r.error);
    const out = translateIoMessage(r.error, zh, false);
    expect(out).not.toBe(r.error);
    expect(english(out), `${r.error} → ${out}`).toEqual([]);
  });

  it.each([
    ['logit,label\n0.5,1\n2,1\n', 'x.csv'],
    ['0.5,1\n0.7,0\n', 'x.csv'],
    ['2,1\n0.7,0\n', 'x.csv'],
    ['[{"logits": [1], "targets": [0]}, {"logits": [1], "targets": [1]}]', 'x.json'],
    ['{"logits": [1, 2], "targets": [0, 1], "features": [[1, 2], [3, 4]]}', 'x.json'],
  ])('the notice of a successful import of %j', (input, name) => {
    const r = parseImport(input, name);
    if (!r.ok) throw new Error(r.error);
    expect(r.notices.length).toBeGreaterThan(0);
    for (const n of r.notices) {
      const out = noticeText({ key: 'import.note', vars: { error: n } }, zh);
      expect(out).not.toBe(n);
      expect(english(out), `${n} → ${out}`).toEqual([]);
      expect(noticeText({ key: 'import.note', vars: { error: n } }, en)).toBe(n);
    }
  });

  it('keeps the JavaScript engine’s JSON message as a value inside a translated frame', () => {
    const r = parseImport('{', 'x.json');
    if (r.ok) throw new Error('expected an error');
    expect(translateIoMessage(r.error, zh, false)).toMatch(/^JSON 输入：不是有效的 JSON（.+）$/);
  });

  it('an import notice renders the io message in the reader’s language', () => {
    const r = parseImport('{"logits": [1, 2], "targets": [0]}', 'case.json');
    if (r.ok) throw new Error('expected an error');
    const notice = { key: 'import.failed' as const, vars: { name: 'case.json', error: r.error } };
    expect(noticeText(notice, en)).toBe(`Import of case.json failed: ${r.error}`);
    expect(noticeText(notice, zh)).toBe(
      '导入 case.json 失败：JSON 用例 0：targets 的长度为 1，而 logits 有 2 行',
    );
  });
});
