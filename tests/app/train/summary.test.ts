import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/strings.ts';
import { recallKept, trainSummary } from '../../../src/app/components/train/summary.ts';

const runs = [
  { run: 'dr', ap: 0.86349, recall05: 1, recall5: 0.94 },
  { run: 'focal', ap: 0.8631, recall05: 1, recall5: 0.3131 },
  { run: 'bce', ap: 0.8629, recall05: 0, recall5: 0 },
] as const;

describe('train summary sentence', () => {
  it('states the recall each run keeps from 0.05 to 0.5, and the AP comparison, in English', () => {
    expect(trainSummary(t('en'), 200, runs, true)).toBe(
      'At step 200, when the threshold rises from 0.05 to 0.5, DR keeps 94 % of its recall; ' +
        'focal keeps 31 % of its recall; BCE has no recall at 0.05. ' +
        'AP: DR 0.8635, focal 0.8631, BCE 0.8629; the runs rank about equally.',
    );
  });

  it('says the same in Chinese, and names the best AP when the gap is real', () => {
    const apart = [{ ...runs[0], ap: 0.9 }, runs[1]];
    expect(trainSummary(t('zh'), 12, apart, true)).toBe(
      '第 12 步，阈值从 0.05 升到 0.5 时，DR 保留了 94 % 的召回率；焦点损失 保留了 31 % 的召回率。' +
        ' AP：DR 0.9000，焦点损失 0.8631；最好的是 DR。',
    );
  });

  it('waits for a step not computed yet; recall kept is null without recall at 0.05', () => {
    expect(trainSummary(t('en'), 5, runs, false)).toBe('Step 5 is not computed yet.');
    expect(recallKept(runs[2])).toBeNull();
    expect(recallKept(runs[0])).toBe(94);
  });
});
