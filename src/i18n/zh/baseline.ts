/** Chinese strings of the pinned baseline A: typed against the English keys, so a missing key fails type-check. */
import type { baseline as en } from '../en/baseline.ts';

export const baseline: { readonly [K in keyof typeof en]: string } = {
  'ghost.a': 'A',
  'baseline.title': '与基线比较',
  'baseline.pin': '固定为基线',
  'baseline.repin': '将当前状态固定为 A',
  'baseline.swap': '交换 A 与当前',
  'baseline.clear': '清除 A',
  'baseline.none':
    '把当前设置固定为 A，然后随意修改：每个面板都会在下方淡淡地画出 A，下面的数字比较 A 与当前。',
  'baseline.caption': '基线 A 与当前状态',
  'baseline.colQuantity': '量',
  'baseline.colA': 'A（基线）',
  'baseline.colNow': '当前',
  'baseline.colDiff': '当前 − A',
  'baseline.loss': 'DR 损失',
  'baseline.differs': 'A 与当前不同之处：{list}。',
  'baseline.same': 'A 的参数和候选与当前相同。',
  'baseline.otherSet': '候选集',
  'baseline.computing': '正在计算 A…',
  'baseline.pinned': '已固定基线 A。修改参数即可比较。',
  'baseline.swapped': '已交换 A 与当前。',
  'baseline.cleared': '已清除基线 A。',
  'baseline.paperNearest': '最接近基线 A',
  'baseline.equationHover': '基线 A：{value}',
};
