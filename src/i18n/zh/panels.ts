/** Chinese strings of the eight explainer panels, in the order of the paper's argument, and the candidate labels they share: typed against the English keys, so a missing key fails type-check. */
import type { panels as en } from '../en/panels.ts';

export const panels: { readonly [K in keyof typeof en]: string } = {
  'lanes.axisScore': '分数 p = σ(x)（概率）',
  'lanes.positives': '正样本（n+ = {n}）',
  'lanes.negatives': '负样本（n− = {n}）',
  'lanes.count': '个数',
  'lanes.candidate':
    '候选：第 {row} 行，第 {cls} 类，{label}，p = {p}。方向键调整分数，回车或空格切换标签，Delete 删除。',
  'lanes.candidateReadOnly': '候选：第 {row} 行，第 {cls} 类，{label}，p = {p}。',
  'lanes.canvasNote':
    '{n} 个候选以画布上的点显示：拖动一个点可改变其分数，点击可切换其标签；候选表可用键盘访问每一个候选。',
  'lanes.histogramNote':
    '{n} 个候选：分数直方图（[0, 1] 上 40 个区间），每条泳道有各自的个数坐标轴。',

  'imbalance.caption':
    '按标签显示每个候选的分数。普通交叉熵对每个候选各加一项（式 1–2），因此大量简单负样本的总和压倒了少数正样本。',
  'imbalance.chartTitle': '按标签的分数',
  'imbalance.aria':
    '图表：{nPos} 个正样本和 {nNeg} 个负样本在 0 到 1 坐标轴上的分数；正样本平均分数 {mPos}，负样本平均分数 {mNeg}。',
  'imbalance.ratio': '每个正样本对应的负样本数 n−/n+',
  'imbalance.bceTotal': '所有候选的交叉熵',
  'imbalance.bcePos': '来自正样本',
  'imbalance.bceNeg': '来自负样本',
  'imbalance.share': '负样本贡献了普通交叉熵的 {share}（{total} 中的 {neg}）。',
  'imbalance.sharePending': '负样本在普通交叉熵中所占的比例正在计算…',
  'readout.pending': '计算中…',

  'ranking.caption':
    '式 3 要求每个正样本的分数都比每个负样本高出间隔 γ；式 4 是同一求和除以 n+·n−，即随机样本对铰链损失的期望。样本对取代了逐个候选的损失项，数量上的不平衡不再起作用——但样本对共有 n+·n− 个。',
  'ranking.chartTitle': '每个样本对的铰链损失 [p− − p+ + γ]+',
  'ranking.axisNeg': '负样本，分数从高到低',
  'ranking.axisPos': '正样本，分数从低到高',
  'ranking.aria':
    '图表：{rows} 个正样本乘 {cols} 个负样本的网格；{pairs} 个样本对中有 {violating} 个违反间隔 γ = {g}。',
  'ranking.legend': '格子越深：铰链损失越大。空格子：该样本对已按间隔 γ 正确排序。',
  'ranking.pairs': '样本对数 n+·n−',
  'ranking.violating': '违反间隔的样本对（p− − p+ + γ > 0）',
  'ranking.loss': '所有样本对的 [p− − p+ + γ]+ 之和（式 3）',
  'ranking.mean': '样本对上的平均值（式 4）',
  'ranking.share': '{share} 的样本对违反间隔',
  'ranking.noPairs.pos':
    '没有正样本，因此没有可排序的样本对：式 3 是空和，等于 0。DR 仍有损失（{loss}），来自 P̂+ := 1。',
  'ranking.noPairs.neg':
    '没有负样本，因此没有可排序的样本对：式 3 是空和，等于 0。DR 仍有损失（{loss}），来自 P̂− := 0。',
  'ranking.noPairs.both': '既没有正样本也没有负样本，因此没有可排序的样本对。',
  'ranking.tooMany':
    '{pairs} 个样本对太多，无法逐一绘制；数值是精确的（排序分数加前缀和，不逐对计算）。',

  'worst.caption':
    '式 5 只保留最难的一对：分数最高的负样本对分数最低的正样本。阴影带是 min p+ 以下宽度为间隔 γ 的区域：落在其中或其上方的负样本违反间隔。当 λ± → 0 时，DR（式 6）趋于这一对。',
  'worst.chartTitle': '分数轴上的最坏样本对',
  'worst.maxNeg': 'max p− = {v}',
  'worst.minPos': 'min p+ = {v}',
  'worst.pMinus': 'P̂− = {v}',
  'worst.pPlus': 'P̂+ = {v}',
  'worst.aria':
    '图表：标出最坏样本对的分数：max p− = {maxNeg}，min p+ = {minPos}，间隔 γ = {g}，z = {z}，最坏情况损失 {loss}。',
  'worst.z': 'z = max p− − min p+ + γ',
  'worst.loss': '最坏情况损失 τ·ℓ(z)',
  'worst.drLoss': 'DR 损失（对比）',
  'worst.dashed': '虚线：DR 的 P̂− 和 P̂+，即两个极值的平滑版本。',
  'worst.paper': '论文报告仅用最坏情况训练会失败（表 3）：整个损失及其梯度只由一对样本承担。',

  'dist.caption':
    '每个集合的原始分布 o（灰色）与重新加权的分布 q（彩色）对比。q− 把权重放在高分负样本上，q+ 放在低分正样本上（注意 exp(−p/λ+) 中的负号）；它们的均值即 P̂− 和 P̂+。',
  'dist.negTitle': '负样本：o− 与 q−',
  'dist.posTitle': '正样本：o+ 与 q+',
  'dist.axisMass': '概率质量',
  'dist.original': '原始分布 o',
  'dist.reweighted': '重新加权的 q',
  'dist.mean': '均值 {v}',
  'dist.pMinus': 'P̂− = {v}',
  'dist.pPlus': 'P̂+ = {v}',
  'dist.ariaNeg':
    '图表：{n} 个负样本的原始分布与重新加权分布；普通均值 {mean}，P̂− = {p}，ε− = {kl}，有效样本量 {ess}。',
  'dist.ariaPos':
    '图表：{n} 个正样本的原始分布与重新加权分布；普通均值 {mean}，P̂+ = {p}，ε+ = {kl}，有效样本量 {ess}。',
  'dist.stems':
    '每根竖线是一个候选：高度是它的权重（灰色短横：o，彩色圆点：q）。沿坐标轴拖动圆点可改变其分数。',
  'dist.histNote': '直方图（40 个区间）：o 为灰色柱，q 为彩色轮廓线。',
  'dist.limits':
    '拖动 λ− 或 λ+：当 λ → ∞ 时，q → o，在均匀先验下 P̂ → 普通均值（负样本 {mNeg}，正样本 {mPos}）；当 λ → 0 时，P̂− → max p−，P̂+ → min p+，即式 5 的最坏情况。',
  'dist.limitsHard':
    '拖动 λ− 或 λ+：当 λ → ∞ 时，q → o。在难负样本先验下，P̂− 趋于得分最高的 n̂ = {k} 个负样本的均值 {topMean}，而不是全部负样本的普通均值（{mNeg}，灰色标记）；P̂+ 趋于正样本的普通均值 {mPos}。当 λ → 0 时，P̂− → max p−，P̂+ → min p+，即式 5 的最坏情况。',
  'dist.fig2':
    '预设“图 2：小方差”和“图 2：大方差”用来示意论文的图 2（负样本均值相同、离散程度不同），其数值并非取自论文。',
  'dist.kl': 'ε = KL(q‖o)',
  'dist.ess': '有效样本量 1/Σq²',
  'dist.essOf': '{n} 中的 {ess}',
  'dist.set': '集合',
  'dist.neg': '负样本',
  'dist.pos': '正样本',
  'dist.weightedMean': 'P̂ = Σ q·p',
  'dist.plainMean': '普通均值',
  'why.summary': '为什么：论文的论证',
  'why.ranking.easy':
    '这里 {pairs} 对中已有 {easy} 对（{share}）满足间隔：它们的铰链损失为 0，却都计入式 4 的均值。在检测器中，几乎每一对都是简单负样本对正样本，均值被这些学不到东西的样本对稀释：论文报告对所有样本对排序只有 {apAll} AP（表 3）。',
  'why.ranking.next': '式 5 走向另一个极端，只保留最难的一对（面板 3）。',
  'why.worst.fragile':
    '单一最坏样本对很脆弱：损失及其全部梯度只依赖两个候选，这里是 max p− = {maxNeg} 与 min p+ = {minPos}，一个离群点或一个标错的框就能决定它。DR 保留对难样本的关注，但把它分散到一个分布上（面板 4）。',
  'why.worst.fragileEmpty':
    '单一最坏样本对很脆弱：损失及其全部梯度只依赖两个候选，一个离群点或一个标错的框就能决定它。DR 保留对难样本的关注，但把它分散到一个分布上（面板 4）。',
  'why.dist.collapse':
    '若不加约束，在所有分布 q 上取最坏情况会把全部权重放在一个候选上（q− 在 max p− 上，q+ 在 min p+ 上）：又回到式 5。命题 1 让 q 靠近先验 o：它最大化 Σ q·p − λ·KL(q‖o)，等价于在 KL(q‖o) ≤ ε 的约束下最大化 Σ q·p。目前 q− 分布在 {nNeg} 个负样本中有效的 {essNeg} 个上，ε− = {klNeg}。',
  'why.dist.h':
    'h 的含义：λ− = 0.1/ln h−，所以 q− ∝ h−^(p/0.1)：分数高 0.1 的负样本得到 h− = {hNeg} 倍的权重，在整个 [0, 1] 上是 {hNeg10} 倍（论文：h− = 3.5，约 {def10}）。λ+ = 1/ln h+，所以 q+ ∝ h+^(−p)：分数低 1.0 的正样本只得到 h+ = {hPos} 倍的权重，因此 q+ 接近均匀（论文：h+ = e）。',
  'why.dist.remark1':
    '注 1：候选的权重 q_j = o_j·e^(±p_j/λ) / Σ_k o_k·e^(±p_k/λ) 通过分母依赖同一图像中的每一个其他候选：移动任何另一个负样本，每个 q−_j 都会改变。',
  'why.grad.init':
    '初始化：DR 按先验 π = 0.5 设置分类器偏置（RetinaNet 用 π = 0.01），所以每个 logit 从 0 开始，每个分数从 0.5 开始：P̂+ = P̂− = 0.5，z = γ，损失为 τ·ℓ(γ)，当前设置下为 {dr0}（论文默认参数下为 {dr0Paper}，即作者所说的“≈ 2”）。',
  'why.grad.eq9':
    '式 9：论文的损失是对一个批次中各图像求和，每张图像有自己的 q±。官方代码则对传入的全部内容为每个集合计算一个分布，所以一次调用传入的一个批次被当作一张图像。本页只有一张图像（N = 1），此时两者一致。',
  'why.grad.objective':
    '检测器最小化 Σ_i τ·ℓ_DR,i + ℓ_Reg：τ（当前 {tau}；论文用 4）平衡分类损失与边框回归损失 ℓ_Reg，DR 不改变后者。',
  'why.grad.focal':
    '此处比较的焦点损失（RetinaNet）：正样本 p_t = p、α_t = α，负样本 p_t = 1 − p、α_t = 1 − α；对条目求和，再除以正锚框数 N+（至少为 1）。',
  'why.paper.table1':
    '用 h 来读表 1：h+ = e 时，分数低 1.0 的正样本权重只多 {fPos} 倍，正样本几乎均匀加权；把权重集中到难正样本上（h+ = 5.5 或 {fPos20}）分别损失 {dPos1} 和 {dPos2} AP。对负样本，较强的集中最好：h− = 3.5 时 [0, 1] 顶端的权重约为底端的 {f35} 倍；h− = e（约 {fe}）更平，h− = 20（约 {f20}）接近式 5 的最坏情况，两者得分都更低。',
  'tex.negatives': '负样本',
  'tex.total': '总和',
  'tex.violating': '违反间隔',
  'tex.of': ' / ',
  'tex.pending': '计算中…',
  'panel.imbalance.title': '1 · 不平衡（式 1–2）',
  'panel.ranking.title': '2 · 排序（式 3–4）',
  'panel.worstCase.title': '3 · 最坏情况（式 5）',
  'panel.distributional.title': '4 · 分布排序（命题 1–2，式 6）',
  'panel.smoothing.title': '5 · 平滑（式 7–8）',
  'panel.gradient.title': '6 · DR 损失及其梯度',
  'panel.recovery.title': '7 · 恢复分类（§3.3）',
  'panel.paper.title': '8 · 论文中的数字',
  'label.positive': '正样本',
  'label.negative': '负样本',
  'label.ignored': '忽略',
  'label.background': '背景',

  'smoothing.caption': '铰链 [z]+ 的替代函数，横轴为 z = P̂− − P̂+ + γ；标出当前 z 处各函数的取值。',
  'smoothing.axisZ': 'z = P̂− − P̂+ + γ（分数单位）',
  'smoothing.axisLoss': 'ℓ(z)（每单位 τ 的损失）',
  'smoothing.hinge': '铰链 [z]+',
  'smoothing.quad': '二次，ρ = {rho}',
  'smoothing.logistic': '逻辑，L = {L}',
  'smoothing.current': '当前（损失所用）',
  'smoothing.currentZ': '当前 z = {z}',
  'smoothing.errorHere': '当前 z 处的 ℓ(z) − [z]+',
  'smoothing.errorMax': '所有 z 上的最大差距',
  'smoothing.errorMaxLogistic': 'z = 0 处为 log 2 / L',
  'smoothing.errorMaxQuad': 'z = 0 处为 ρ / 4',
  'smoothing.aria':
    '图表：z 从 {from} 到 {to} 的铰链、二次与逻辑替代函数；当前 z = {z} 处三者分别为 {hinge}、{quad} 和 {logistic}。',
  'smoothing.tableCaption': '各替代函数在当前 z 处的取值及其与铰链的最大差距',
  'smoothing.colSurrogate': '替代函数',
  'smoothing.colValue': 'ℓ(z)',

  'gradient.caption': '每个候选的梯度（按分数排序），与同一批候选的 焦点损失 和交叉熵梯度并列。',
  'gradient.axisScore': '分数 p = σ(x)（概率；候选从左到右按分数排序）',
  'gradient.axisGrad': '梯度 ÷ 其最大绝对值（无量纲）',
  'gradient.normalisation':
    '归一化：每条曲线除以其在候选上的最大绝对值，因此它位于 [−1, 1] 之内，最大的 |值| 被缩放为 1（只有一种符号的曲线只在 0 的一侧）。',
  'gradient.raised':
    '{n} 个负样本中有 {raised} 个满足 ∂DR/∂p < 0：梯度下降反而提高它们的分数。负样本的因子 1 + (p − P̂−)/λ− 在 p < P̂− − λ− = {c} 时为负；只有高于该值的 {lowered} 个负样本被压低。梯度下降一定降低的是加权均值 P̂−。每个推动都按 q− 加权，所以对最简单的负样本最弱。',
  'gradient.raisedNone':
    '目前没有负样本满足 ∂DR/∂p < 0：没有负样本的分数低于 p = P̂− − λ− = {c}；低于该值时负样本的因子 1 + (p − P̂−)/λ− 为负，梯度下降会提高其分数。',
  'gradient.raisedNoDetail':
    '分数低于 p = P̂− − λ− = {c} 的负样本满足 ∂DR/∂p < 0（因子 1 + (p − P̂−)/λ− 为负）：梯度下降提高它们的分数，而加权均值 P̂− 下降。',
  'gradient.seriesDrLogit': '∂DR/∂x（logit）',
  'gradient.seriesDrP': '∂DR/∂p（分数）',
  'gradient.seriesFocal': '焦点损失 ∂/∂x',
  'gradient.seriesBce': '交叉熵 ∂/∂x',
  'gradient.wrt': 'DR 梯度的自变量',
  'gradient.wrtLogit': 'logit x',
  'gradient.wrtP': '分数 p',
  'gradient.hardestShare': '最难的 1% 负样本获得负样本总 |∂DR/∂x| 的 {share}。',
  'gradient.hardestCompare': '同样这些负样本获得 焦点损失 梯度的 {focal}，交叉熵梯度的 {bce}。',
  'gradient.legend': '颜色：候选的标签',
  'gradient.paneMax': '{series}：最大 |值| 为 {max}',
  'gradient.noDetail': '共 {n} 个条目（超过 {limit}），不逐个绘制候选的梯度；以下为汇总数字。',
  'gradient.aria':
    '图表：按分数排序的 {n} 个候选的梯度；DR 损失 {loss}，最大 |∂DR/∂x| 为 {max}；最难的 1% 负样本获得负样本梯度的 {share}。',
  'gradient.candidate': '候选：行 {row}，类别 {cls}，{label}，p = {p}，∂DR/∂x = {grad}。',
  'gradient.candidateKeys': '方向键调整分数，回车切换标签，Delete 删除。',
  'gradient.sign': '零线以上，梯度下降会降低该候选的分数；零线以下则会提高。',

  'recovery.caption':
    '论文的论证是逐对的：若每一对都满足 p+ − p− ≥ γ 且分数在 [0, 1] 内，则每个 p+ ≥ γ、每个 p− ≤ 1 − γ。DR 把间隔施加在加权均值上，即 P̂+ − P̂− ≥ γ（z ≤ 0），由此得到 P̂+ ≥ γ 且 P̂− ≤ 1 − γ：这是关于 P̂± 的结论，而不是关于每个候选。',
  'recovery.thresholdPos': 'γ = {v}',
  'recovery.thresholdNeg': '1 − γ = {v}',
  'recovery.posAbove': 'p ≥ γ 的正样本：{n} 个中 {k} 个',
  'recovery.negBelow': 'p ≤ 1 − γ 的负样本：{n} 个中 {k} 个',
  'recovery.pairHolds':
    '目前每一对都满足：min p+ − max p− = {d} ≥ γ = {g}。因此每个正样本的分数至少为 γ，每个负样本至多为 1 − γ。',
  'recovery.pairFails':
    '目前前提不成立：min p+ − max p− = {d} < γ = {g}，{pairs} 对中有 {violating} 对违反间隔。因此对单个候选推不出任何结论：{pb} 个正样本低于 γ，{na} 个负样本高于 1 − γ。',
  'recovery.pairNone': '没有样本对（没有正样本或没有负样本），逐对的论证对这些分数不给出任何结论。',
  'recovery.drHolds':
    'DR 的约束目前成立：P̂+ − P̂− = {d} ≥ γ，因此 P̂+ = {pp} ≥ γ，P̂− = {pm} ≤ 1 − γ。这约束的是加权均值；单个候选仍可能在错误的一侧。',
  'recovery.drFails':
    'DR 的约束目前不成立：P̂+ − P̂− = {d} < γ = {g}（z = {z} > 0），所以关于 P̂± 的推论不适用。',
  'recovery.oneThreshold.holds':
    'γ = 0.5 时两条阈值都是 0.5；由于目前每一对都满足间隔，单一阈值 0.5 即可分开两类。',
  'recovery.oneThreshold.fails':
    'γ = 0.5 时两条阈值都是 0.5：若每一对都满足间隔，单一阈值 0.5 就能分开两类。目前并非如此：有 {k} 个候选在错误的一侧。',
  'recovery.gap.holds':
    'γ = {g} > 0.5 时两条阈值不同；由于目前每一对都满足间隔，没有候选的分数介于 {lo} 与 {hi} 之间。',
  'recovery.gap.fails':
    'γ = {g} > 0.5 时两条阈值不同：若每一对都满足间隔，就不会有候选的分数介于 {lo} 与 {hi} 之间。目前前提不成立，所以这一点不能推出。',
  'recovery.overlap':
    'γ = {g} < 0.5 时两个结论重叠：介于 {lo} 与 {hi} 之间的分数对两种标签都允许，所以即使每一对都满足间隔，也推不出单一阈值。',
  'recovery.countPosAbove': 'p ≥ γ：{k}',
  'recovery.countPosBelow': 'p < γ：{k}',
  'recovery.countNegBelow': 'p ≤ 1 − γ：{k}',
  'recovery.countNegAbove': 'p > 1 − γ：{k}',
  'recovery.aria':
    '图表：0 到 1 的分数轴，阈值 γ = {g} 与 1 − γ = {h}；{pn} 个正样本中 {pa} 个不低于 γ，{nn} 个负样本中 {nb} 个不高于 1 − γ。',

  'paper.caption':
    'RetinaNet R-50-FPN 1× 在 COCO minival 上的 AP（论文报告值）；标出与当前设置最接近的一行。',
  'paper.table1': '表 1：温度（λ+ = 1/ln h+，λ− = 0.1/ln h−）',
  'paper.table2': '表 2：替代函数 ℓ',
  'paper.table3': '表 3：对哪些样本对排序',
  'paper.colSetting': '设置',
  'paper.colAP': 'AP',
  'paper.nearest': '与当前设置最接近',
  'paper.distance': '距离 {d}',
  'paper.distanceNote1':
    '表 1 的距离（与滑块一致，取对数）：|ln(λ+ / 该行的 λ+)| + |ln(λ− / 该行的 λ−)|，其中该行的 λ+ = 1/ln h+，λ− = 0.1/ln h−；按论文的读法，当前设置为 h+ = e^(1/λ+) = {hPos}，h− = e^(0.1/λ−) = {hNeg}。',
  'paper.distanceNote2':
    '表 2 的距离：只比较当前替代函数的行；其间为 |ln(L / 该行的 L)| 或 |ln(ρ / 该行的 ρ)|。',
  'paper.table3All': '所有样本对（式 3）：{ap} AP',
  'paper.table3Neg': '仅负样本：{ap} AP',
  'paper.table3DR': 'DR：{ap} AP',
  'paper.table3Worst': '最坏情况（式 5）：无法训练',
  'paper.testDev': 'COCO test-dev，更长的训练周期（与上面的消融实验设置不同）',
  'paper.testDevRow': '{backbone}：RetinaNet {retina} → Dr.Retina {dr} AP',
  'paper.threshold':
    'NMS 前的分数阈值 0.05 → 0.5：焦点损失 {f1} → {f2} AP，DR {d1} → {d2} AP（DR 的分数是校准的）。',
  'paper.focal': '焦点损失',
  'paper.hinge': '铰链',
  'paper.quad': '二次，ρ = {rho}',
  'paper.logistic': '逻辑，L = {L}',
  'paper.best': '最佳',
};
