/** Chinese strings of the page around the panels: header, candidate picker and table, import, history and sharing, status: typed against the English keys, so a missing key fails type-check. */
import type { app as en } from '../en/app.ts';

export const app: { readonly [K in keyof typeof en]: string } = {
  'preset.paper-default': '小例子（论文默认参数）',
  'preset.imbalance-1000': '不平衡：10 个正样本，10,000 个负样本',
  'preset.hard-negatives': '少量难负样本',
  'preset.no-positives': '没有正样本',
  'preset.fig2-small-var': '图 2：小方差',
  'preset.fig2-large-var': '图 2：大方差',
  'preset.detection-scale': '检测规模（数百万个条目）',

  'presetDesc.paper-default':
    '一张多类别的小图：{R} 个锚框 × {K} 个类别，{anchors} 个正锚框（logit ~ N(0.4, 1)），其余为负样本（logit ~ N(−2, 1)），另有 {ignored} 个忽略的锚框。正锚框在其他类别上的条目也是负样本，所以 n+ = {nPos}，n− = {nNeg}。',
  'presetDesc.paper-default.top':
    '较小的 λ− 把 q− 集中在最难的负样本上：得分最高的 1 %（{k} 个负样本）占其中的 {share}。',
  'presetDesc.imbalance-1000':
    '{nPos} 个正样本（logit ~ N(0.5, 1)）混在 {nNeg} 个负样本（logit ~ N(−3, 1.2)）中，单一类别：这正是 DR 要处理的不平衡。DR 比较的是两个分布，而不是 {pairs} 个样本对。',
  'presetDesc.imbalance-1000.top':
    '上尾中少数负样本决定了 P̂−：得分最高的 1 %（{k} 个负样本，平均分数 {mTop}）占 q− 的 {share}。',
  'presetDesc.hard-negatives':
    '{nPos} 个正样本（logit ~ N(1, 0.7²)），{easy} 个简单负样本（logit ~ N(−3, 0.8²)）和 {hard} 个难负样本（logit ~ N(1.5, 0.5²)，平均 logit 高于正样本）。',
  'presetDesc.hard-negatives.top':
    '在默认 λ− 下，得分最高的 {k} 个负样本（平均分数 {mTop}；正样本为 {mPos}）占 q− 的 {share}；难负样本先验（前 n̂ 个）则直接把 o 限制在它们身上。',
  'presetDesc.no-positives':
    '只有背景的图像：{nNeg} 个负样本（logit ~ N(−2, 1.5)；普通平均分数 {mNeg}），{ignored} 个忽略的行，没有正样本条目，因此 P̂+ := 1，z = P̂− − 1 + γ。',
  'presetDesc.no-positives.raised':
    '梯度下降降低的是加权均值 P̂−，而不是每个负样本：{nNeg} 个负样本中有 {raised} 个满足 ∂DR/∂p < 0，梯度下降反而提高它们的分数。负样本的因子 1 + (p − P̂−)/λ− 在 p < P̂− − λ− = {c} 时为负；只有高于该值的 {lowered} 个负样本被压低。',
  'presetDesc.fig2-small-var':
    '{nNeg} 个负样本分数 ~ N(0.3, 0.02²)，对 {nPos} 个正样本分数 ~ N(0.7, 0.1²)，截断到 [0.001, 0.999]。它用来示意论文的图 2，数值并非取自论文。',
  'presetDesc.fig2-large-var':
    '负样本分数 ~ N(0.3, 0.15²)：均值与小方差预设相同，但有一条难负样本的尾巴；同一种子下两者的正样本相同。它用来示意论文的图 2，数值并非取自论文。',
  'presetDesc.fig2-large-var.compare':
    '与同一种子的小方差预设相比，负样本的普通均值基本不变（那里 {mNegSmall}，这里 {mNeg}），但尾巴把 P̂− 从 {pMinusSmall} 变为 {pMinus}：z 从 {zSmall} 变为 {z}（{zRatio} 倍），损失从 {lossSmall} 变为 {loss}（{lossRatio} 倍）。',
  'presetDesc.gap.below': '普通均值 {mPos}（正样本）与 {mNeg}（负样本）相差 {gap}，小于 γ = {g}。',
  'presetDesc.gap.atLeast':
    '普通均值 {mPos}（正样本）与 {mNeg}（负样本）相差 {gap}，不小于 γ = {g}。',
  'presetDesc.detection-scale':
    'RetinaNet 规模的一张图像：{R} 个锚框 × {K} 个类别 = {entries} 个条目，{anchors} 个正锚框，{ignored} 个忽略的锚框；正样本 logit ~ N(−2, 1.5²)。负样本 logit ~ N(−4.6, 1)，在 logit(0.01) ≈ −4.6 附近：这是 RetinaNet 的起点，因为它用先验 π = 0.01 初始化分类器偏置。DR 则用 π = 0.5 初始化：所有 logit 为 0，所有分数为 0.5，于是 z = γ，默认参数下损失为 τ·ℓ(γ) = {dr0}。',
  'presetDesc.pHat':
    '在论文默认参数下（种子 {seed}）：P̂+ = {pPlus}，P̂− = {pMinus}，z = P̂− − P̂+ + γ = {z}，DR 损失 {loss}。',
  'presetDesc.order.negAbove': 'P̂− 高于 P̂+；普通均值为 {mNeg}（负样本）和 {mPos}（正样本）。',
  'presetDesc.order.negBelow': 'P̂− 低于 P̂+；普通均值为 {mNeg}（负样本）和 {mPos}（正样本）。',
  'presetDesc.margin.violated': 'z > 0：排序约束 P̂+ − P̂− ≥ γ 不成立。',
  'presetDesc.margin.met': 'z ≤ 0：排序约束 P̂+ − P̂− ≥ γ 成立。',

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
  'app.importProgress': '正在读取 {name}',
  'app.importRows': '已读取 {rows} 行',
  'app.loadProgress': '正在构建大规模候选集',
  'app.loadShards': '已生成 {done} / {total} 个分块（共 {entries} 个条目）',
  'app.loadSort': '正在对 {entries} 个分数排序并计算损失',
  'app.importCancel': '取消导入',

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
  'app.engineLineAhead': '{R} 个锚框 × {K} 个类别 · 请求前已算好，用时 {ms} 毫秒 · 往返 {rt} 毫秒',
  'app.engineWorker': '引擎：后台线程',
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
