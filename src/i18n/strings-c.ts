/**
 * English and Chinese strings owned by engineer C: the text of panels 1–4 (imbalance, ranking, the
 * worst case, distributional ranking) and of the score-axis lanes they share. Merged with
 * strings-d.ts by strings.ts; look strings up through `t(lang)` there.
 *
 * Placeholders are written {name}. Symbols (γ, λ±, P̂±, q, o, ε, τ, ℓ) stay as in the paper in both
 * languages. Correct where the seed blog is wrong: q+ ∝ exp(−p/λ+), and DR replaces the focal loss.
 */

const en = {
  // The score axis with one lane per label (panels 1, 3).
  'lanes.axisScore': 'score p = σ(x) (probability)',
  'lanes.positives': 'positives (n+ = {n})',
  'lanes.negatives': 'negatives (n− = {n})',
  'lanes.count': 'count',
  'lanes.candidate':
    'Candidate row {row}, class {cls}, {label}, p = {p}. Arrow keys change the score, Enter or Space cycles the label, Delete removes it.',
  'lanes.candidateReadOnly': 'Candidate row {row}, class {cls}, {label}, p = {p}.',
  'lanes.canvasNote':
    '{n} candidates are drawn as dots on a canvas: drag one to change its score, click it to cycle its label; the candidate table reaches each of them from the keyboard.',
  'lanes.histogramNote':
    '{n} candidates: histograms of the scores (40 bins on [0, 1]), each lane with its own count axis.',

  // Panel 1: imbalance (Eq. 1–2).
  'imbalance.caption':
    'Every candidate’s score, by label. A plain cross-entropy adds one term per candidate (Eq. 1–2), so the many easy negatives outweigh the few positives.',
  'imbalance.chartTitle': 'Scores by label',
  'imbalance.aria':
    'Chart: scores of {nPos} positives and {nNeg} negatives on an axis from 0 to 1; mean positive score {mPos}, mean negative score {mNeg}.',
  'imbalance.ratio': 'negatives per positive n−/n+',
  'imbalance.bceTotal': 'cross-entropy over all candidates',
  'imbalance.bcePos': 'from the positives',
  'imbalance.bceNeg': 'from the negatives',
  'imbalance.share':
    'The negatives contribute {share} of the plain cross-entropy ({neg} of {total}).',

  // Panel 2: ranking (Eq. 3–4).
  'ranking.caption':
    'Eq. 3 asks every positive to outscore every negative by the margin γ; Eq. 4 is the same sum divided by n+·n−, the expected hinge of a random pair. The pairs replace the per-candidate terms, so the imbalance of counts no longer matters — but there are n+·n− of them.',
  'ranking.chartTitle': 'The hinge [p− − p+ + γ]+ of every pair',
  'ranking.axisNeg': 'negatives, highest score first',
  'ranking.axisPos': 'positives, lowest score first',
  'ranking.aria':
    'Chart: a grid of {rows} positives by {cols} negatives; {violating} of {pairs} pairs violate the margin γ = {g}.',
  'ranking.legend': 'Darker cell: larger hinge. Empty cell: the pair is ranked with margin γ.',
  'ranking.pairs': 'pairs n+·n−',
  'ranking.violating': 'violating pairs (p− − p+ + γ > 0)',
  'ranking.loss': 'Σ over pairs of [p− − p+ + γ]+ (Eq. 3)',
  'ranking.mean': 'mean over pairs (Eq. 4)',
  'ranking.share': '{share} of the pairs violate the margin',
  'ranking.tooMany':
    '{pairs} pairs are too many to draw one by one; the numbers are exact (sorted scores and prefix sums, no pair is visited).',

  // Panel 3: the worst case (Eq. 5).
  'worst.caption':
    'Eq. 5 keeps only the hardest pair: the highest-scoring negative against the lowest-scoring positive. The shaded band is the margin γ below min p+: a negative inside it or above violates the margin. DR (Eq. 6) tends to this pair as λ± → 0.',
  'worst.chartTitle': 'The worst pair on the score axis',
  'worst.maxNeg': 'max p− = {v}',
  'worst.minPos': 'min p+ = {v}',
  'worst.pMinus': 'P̂− = {v}',
  'worst.pPlus': 'P̂+ = {v}',
  'worst.aria':
    'Chart: scores with the worst pair marked: max p− = {maxNeg}, min p+ = {minPos}, margin γ = {g}, z = {z}, worst-case loss {loss}.',
  'worst.z': 'z = max p− − min p+ + γ',
  'worst.loss': 'worst-case loss τ·ℓ(z)',
  'worst.drLoss': 'DR loss, for comparison',
  'worst.dashed': 'Dashed lines: DR’s P̂− and P̂+, the softened versions of the two extremes.',
  'worst.paper':
    'The paper reports that training on the worst case alone fails (Table 3): a single pair carries the whole loss and its gradient.',

  // Panel 4: distributional ranking (Propositions 1–2, Eq. 6).
  'dist.caption':
    'The original distribution o (grey) against the reweighted q (colour) of each set. q− puts its weight on the high-scoring negatives, q+ on the low-scoring positives (note the minus sign in exp(−p/λ+)); their means are P̂− and P̂+.',
  'dist.negTitle': 'Negatives: o− against q−',
  'dist.posTitle': 'Positives: o+ against q+',
  'dist.axisMass': 'probability mass',
  'dist.original': 'original o',
  'dist.reweighted': 'reweighted q',
  'dist.mean': 'mean {v}',
  'dist.pMinus': 'P̂− = {v}',
  'dist.pPlus': 'P̂+ = {v}',
  'dist.ariaNeg':
    'Chart: {n} negatives, original against reweighted distribution; plain mean {mean}, P̂− = {p}, ε− = {kl}, effective sample size {ess}.',
  'dist.ariaPos':
    'Chart: {n} positives, original against reweighted distribution; plain mean {mean}, P̂+ = {p}, ε+ = {kl}, effective sample size {ess}.',
  'dist.stems':
    'Each stem is one candidate: its height is its weight (grey tick: o, coloured dot: q). Drag a dot along the axis to change its score.',
  'dist.histNote': 'Histograms (40 bins): o as grey bars, q as a coloured outline.',
  'dist.limits':
    'Drag λ− or λ+: as λ → ∞, q → o and P̂ → the plain mean; as λ → 0, P̂− → max p− and P̂+ → min p+, the worst case of Eq. 5.',
  'dist.fig2':
    'The presets “Fig. 2: small variance” and “Fig. 2: large variance” reproduce the paper’s Fig. 2.',
  'dist.kl': 'ε = KL(q‖o)',
  'dist.ess': 'effective sample size 1/Σq²',
  'dist.essOf': '{ess} of {n}',
  'dist.set': 'set',
  'dist.neg': 'negatives',
  'dist.pos': 'positives',
  'dist.weightedMean': 'P̂ = Σ q·p',
  'dist.plainMean': 'plain mean',
} as const;

const zh = {
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
    '拖动 λ− 或 λ+：当 λ → ∞ 时，q → o，P̂ → 普通均值；当 λ → 0 时，P̂− → max p−，P̂+ → min p+，即式 5 的最坏情况。',
  'dist.fig2': '预设“图 2：小方差”和“图 2：大方差”重现论文的图 2。',
  'dist.kl': 'ε = KL(q‖o)',
  'dist.ess': '有效样本量 1/Σq²',
  'dist.essOf': '{n} 中的 {ess}',
  'dist.set': '集合',
  'dist.neg': '负样本',
  'dist.pos': '正样本',
  'dist.weightedMean': 'P̂ = Σ q·p',
  'dist.plainMean': '普通均值',
} as const;

/** C's part of the string table: identical keys in both languages (tests/panels/strings.test.ts). */
export const stringsC = { en, zh } as const;
