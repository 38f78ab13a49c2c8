/** Chinese strings of notices: what the app tells the person about a link, a clamped value, the engine: typed against the English keys, so a missing key fails type-check. */
import type { notices as en } from '../en/notices.ts';

export const notices: { readonly [K in keyof typeof en]: string } = {
  'notice.clamped': '{symbol} 超出范围，已设为 {value}',
  'notice.notNumber': '{symbol}：不是数字，保留 {value}',
  'notice.noPositives': '没有正样本：P̂+ = 1，与官方代码一致',
  'notice.noNegatives': '没有负样本：P̂− = 0，与官方代码一致',
  'notice.histogramsOnly': '{n} 个条目超过 {limit}：各面板改为显示直方图，不再逐个显示候选',
  'notice.workerFallback': '后台 worker 无法启动，改在主线程计算',
  'notice.permalinkBad': '链接中有无效字段，以下字段保留默认值：{fields}',
  'notice.computing': '计算中…',
  'notice.copied': '链接已复制',
  'notice.raw': '{text}',
  'notice.editNotApplied': '未应用编辑：{problem}',
  'notice.tooLargeToEdit': '这个集合太大，无法逐个编辑候选。',
  'notice.engineFailed': '引擎无法计算：{error}',
};
