/** Chinese strings of the page around the panels: header, candidate picker and table, import, history and sharing, status: typed against the English keys, so a missing key fails type-check. */
import type { app as en } from '../en/app.ts';

export const app: { readonly [K in keyof typeof en]: string } = {
  'preset.paper-default': '小例子（论文默认参数）',
  'preset.imbalance-1000': '不平衡：1 个正样本，1,000 个负样本',
  'preset.hard-negatives': '少量难负样本',
  'preset.no-positives': '没有正样本',
  'preset.fig2-small-var': '图 2：小方差',
  'preset.fig2-large-var': '图 2：大方差',
  'preset.detection-scale': '检测规模（数百万个条目）',

  'table.caption': '候选（可编辑 logit，点击标签切换）',
  'table.row': '行',
  'table.class': '类别',
  'table.label': '标签',
  'table.logit': 'logit x',
  'table.score': '分数 p = σ(x)',

  'app.title': 'DR 损失探索器',
  'app.tagline': '分布排序损失（Qian 等，CVPR 2020）：实时、精确。',
  'app.intro':
    '检测器面对的是少量正样本和海量简单负样本。本页按论文的思路展开：普通损失为何被负样本淹没、样本对排序、最坏的一对，然后是 DR 的重加权分布、平滑、梯度，以及论文中的数字。所有数字都实时计算；可以拖动候选。',
  'app.preferences': '显示',

  'app.parameters': '参数',
  'app.logScale': '（对数刻度）',
  'app.valueOf': '{symbol} 数值',
  'app.resetParam': '将 {symbol} 恢复为默认值 {value}',
  'app.resetTitle': '恢复为 {value}',

  'app.candidates': '候选',
  'app.presetLabel': '候选集',
  'app.seedLabel': '随机种子',
  'app.nextSeed': '下一个种子',
  'app.importedOption': '已导入：{name}',
  'app.importedShape': '已导入“{name}”：{R} 个锚框 × {K} 个类别。',
  'app.editCount': '在此集合上有 {n} 处编辑。',
  'app.entries': '{n} 个条目',

  'app.import': '导入',
  'app.importFile': 'JSON 用例（logits + targets）或 CSV（分数或 logit，标签）',
  'app.paste': '……或粘贴到这里',
  'app.importPasted': '导入粘贴的文本',

  'app.toolbar': '历史与分享',
  'app.dismiss': '关闭通知：{text}',

  'app.readouts': '读数',
  'app.lossTerm': 'DR 损失 = τ·ℓ(z)',
  'app.counts': '正样本数 n+ / 负样本数 n−',
  'app.kl': 'ε+ = KL(q+‖o+) / ε− = KL(q−‖o−)',
  'app.ess': 'q+ / q− 的有效样本量',
  'app.status': '状态：',
  'app.status.ready': '就绪',
  'app.status.computing': '计算中',
  'app.status.error': '出错',
  'app.engineLine': '{R} 个锚框 × {K} 个类别 · 计算用时 {ms} 毫秒 · 往返 {rt} 毫秒',
  'app.engineWorker': '引擎：worker',
  'app.engineFallback': '引擎：主线程（后备）',
  'app.notComputed': '未能计算：{error}',
  'app.waiting': '第一个结果出来后显示各面板。',

  'app.table.title': '编辑候选',
  'app.table.intro':
    '每一行是一个条目（行、类别）。输入 logit 或分数后按回车；选择标签；删除一行。每次修改都是一个撤销步骤，并写入链接。',
  'app.table.tooMany':
    '{n} 个条目太多，无法逐个列出和编辑（最多 {limit} 个）：请选择较小的预设或导入较小的集合来编辑候选。',
  'app.table.editAs': '输入的数值为',
  'app.table.page': '第 {from}–{to} 行，共 {R} 行',
  'app.table.prev': '上一页',
  'app.table.next': '下一页',
  'app.table.grad': '∂DR/∂x',
  'app.table.delete': '删除',
  'app.table.classN': '类别 {k}',
  'app.table.cellName': '第 {row} 行，{column}',
  'app.table.cellError': '第 {row} 行，{column}：{error}；未做任何修改。',
  'app.table.none': '—',

  'app.add.title': '添加候选',
  'app.add.score': '新候选的分数 p',
  'app.add.label': '新候选的标签',
  'app.add.hint': '新的一行在其 {K} 个类别上都取这个分数；可在表中修改。',
  'app.add.error': '新候选，分数 p：{error}；未添加。',
};
