/**
 * English and Chinese strings owned by engineer D: the titles of all eight explainer panels, the names
 * of the controls and readouts, notices, and the text of panels 5–8 (smoothing, gradient, recovery,
 * paper tables). Merged with strings-c.ts by strings.ts; look strings up through `t(lang)` there.
 *
 * Placeholders are written {name} and filled by `t(lang)(key, { name: value })`. Symbols (γ, λ±, P̂±,
 * ρ, L, τ) stay as in the paper in both languages.
 */

const en = {
  // Panel titles, in the order the page walks the paper's argument.
  'panel.imbalance.title': '1 · Imbalance (Eq. 1–2)',
  'panel.ranking.title': '2 · Ranking (Eq. 3–4)',
  'panel.worstCase.title': '3 · The worst case (Eq. 5)',
  'panel.distributional.title': '4 · Distributional ranking (Propositions 1–2, Eq. 6)',
  'panel.smoothing.title': '5 · Smoothing (Eq. 7–8)',
  'panel.gradient.title': '6 · The DR loss and its gradient',
  'panel.recovery.title': '7 · Recovering classification (§3.3)',
  'panel.paper.title': "8 · The paper's numbers",

  // Controls.
  'control.margin': 'margin γ',
  'control.lambdaPos': 'positive temperature λ+',
  'control.lambdaNeg': 'negative temperature λ−',
  'control.L': 'logistic sharpness L',
  'control.tau': 'classification weight τ',
  'control.rho': 'quadratic width ρ',
  'control.hardK': 'hard negatives kept n̂',
  'control.smoothing': 'surrogate ℓ',
  'control.smoothing.logistic': 'logistic (Eq. 8)',
  'control.smoothing.quad': 'quadratic (Eq. 7)',
  'control.smoothing.hinge': 'hinge',
  'control.original': 'original distribution o',
  'control.original.uniform': 'uniform (paper)',
  'control.original.hardNegative': 'hard negatives (top n̂)',
  'control.preset': 'candidate set',
  'control.seed': 'seed',
  'control.undo': 'Undo',
  'control.redo': 'Redo',
  'control.reset': 'Reset to the paper’s defaults',
  'control.addCandidate': 'Add a candidate',
  'control.deleteCandidate': 'Delete candidate {row}',
  'control.copyLink': 'Copy link',
  'control.theme': 'Theme',
  'control.theme.system': 'system',
  'control.theme.light': 'light',
  'control.theme.dark': 'dark',
  'control.language': 'Language',
  'control.language.en': 'English',
  'control.language.zh': '中文',

  // Candidate sets (PresetId).
  'preset.paper-default': 'small example (paper defaults)',
  'preset.imbalance-1000': 'imbalance: 1 positive, 1,000 negatives',
  'preset.hard-negatives': 'a few hard negatives',
  'preset.no-positives': 'no positives',
  'preset.fig2-small-var': 'Fig. 2: small variance',
  'preset.fig2-large-var': 'Fig. 2: large variance',
  'preset.detection-scale': 'detection scale (millions of entries)',

  // The candidate table and labels.
  'table.caption': 'Candidates (edit a logit, click a label to cycle it)',
  'table.row': 'row',
  'table.class': 'class',
  'table.label': 'label',
  'table.logit': 'logit x',
  'table.score': 'score p = σ(x)',
  'label.positive': 'positive',
  'label.negative': 'negative',
  'label.ignored': 'ignored',
  'label.background': 'background',

  // Readouts.
  'readout.loss': 'DR loss',
  'readout.pPlus': 'P̂+ (weighted mean of positive scores)',
  'readout.pMinus': 'P̂− (weighted mean of negative scores)',
  'readout.z': 'z = P̂− − P̂+ + γ',
  'readout.slope': 'τ·ℓ′(z)',
  'readout.nPos': 'positives n+',
  'readout.nNeg': 'negatives n−',
  'readout.klPos': 'ε+ = KL(q+‖o+)',
  'readout.klNeg': 'ε− = KL(q−‖o−)',
  'readout.essPos': 'effective sample size of q+',
  'readout.essNeg': 'effective sample size of q−',
  'readout.hardestShare': 'gradient share of the hardest 1 % of negatives',
  'readout.computeTime': 'computed in {ms} ms',
  'readout.focalLoss': 'focal loss (RetinaNet, α = 0.25, γf = 2)',
  'readout.bceTotal': 'cross-entropy, summed over entries',

  // Notices.
  'notice.clamped': '{symbol} was out of range and was set to {value}',
  'notice.notNumber': '{symbol}: not a number; kept {value}',
  'notice.noPositives': 'No positive entry: P̂+ = 1, as in the official code',
  'notice.noNegatives': 'No negative entry: P̂− = 0, as in the official code',
  'notice.histogramsOnly':
    '{n} entries is more than {limit}: the panels show histograms instead of single candidates',
  'notice.workerFallback': 'The background worker could not start; computing on the main thread',
  'notice.permalinkBad': 'The link had invalid fields; kept the defaults for: {fields}',
  'notice.computing': 'Computing…',
  'notice.copied': 'Link copied',

  // Panel 5: smoothing.
  'smoothing.caption':
    'Surrogates of the hinge [z]+ over z = P̂− − P̂+ + γ: the current z is marked with each one’s value.',
  'smoothing.axisZ': 'z = P̂− − P̂+ + γ (score units)',
  'smoothing.axisLoss': 'ℓ(z) (loss per unit τ)',
  'smoothing.hinge': 'hinge [z]+',
  'smoothing.quad': 'quadratic, ρ = {rho}',
  'smoothing.logistic': 'logistic, L = {L}',
  'smoothing.current': 'current (used by the loss)',
  'smoothing.currentZ': 'current z = {z}',
  'smoothing.errorHere': 'ℓ(z) − [z]+ at the current z',
  'smoothing.errorMax': 'largest gap over all z',
  'smoothing.errorMaxLogistic': 'log 2 / L at z = 0',
  'smoothing.errorMaxQuad': 'ρ / 4 at z = 0',
  'smoothing.aria':
    'Chart: hinge, quadratic and logistic surrogates over z from {from} to {to}; at the current z = {z} they take {hinge}, {quad} and {logistic}.',
  'smoothing.tableCaption': 'Each surrogate at the current z and its largest gap to the hinge',
  'smoothing.colSurrogate': 'surrogate',
  'smoothing.colValue': 'ℓ(z)',

  // Panel 6: gradient.
  'gradient.caption':
    'Each candidate’s gradient, sorted by score, beside the focal loss and cross-entropy gradients of the same candidates.',
  'gradient.axisScore': 'score p = σ(x) (probability; candidates sorted left to right)',
  'gradient.axisGrad': 'gradient ÷ its largest |value| (unitless)',
  'gradient.normalisation':
    'Normalisation: each curve is divided by its largest absolute value over the candidates, so all three run from −1 to 1.',
  'gradient.seriesDrLogit': '∂DR/∂x (logit)',
  'gradient.seriesDrP': '∂DR/∂p (score)',
  'gradient.seriesFocal': 'focal loss ∂/∂x',
  'gradient.seriesBce': 'cross-entropy ∂/∂x',
  'gradient.wrt': 'DR gradient with respect to',
  'gradient.wrtLogit': 'logit x',
  'gradient.wrtP': 'score p',
  'gradient.hardestShare':
    'The hardest 1 % of negatives receive {share} of the negatives’ total |∂DR/∂x|.',
  'gradient.hardestCompare':
    'The same negatives receive {focal} of the focal loss gradient and {bce} of the cross-entropy gradient.',
  'gradient.legend': 'Colour: label of the candidate',
  'gradient.paneMax': '{series}: largest |value| {max}',
  'gradient.noDetail':
    'With {n} entries the single-candidate gradients are not drawn (over {limit}); the summary numbers follow.',
  'gradient.aria':
    'Chart: gradients of {n} candidates sorted by score; DR loss {loss}, largest |∂DR/∂x| {max}; the hardest 1 % of negatives receive {share} of the negatives’ gradient.',
  'gradient.candidate': 'Candidate row {row}, class {cls}, {label}, p = {p}, ∂DR/∂x = {grad}.',
  'gradient.candidateKeys':
    'Arrow keys change the score; Enter cycles the label; Delete removes it.',
  'gradient.sign':
    'Above the zero line, gradient descent lowers a candidate’s score; below it, descent raises it.',

  // Panel 7: recovery.
  'recovery.caption':
    'P̂+ − P̂− ≥ γ with scores in [0, 1] implies P̂+ ≥ γ and P̂− ≤ 1 − γ: thresholds on the score axis.',
  'recovery.thresholdPos': 'γ = {v}',
  'recovery.thresholdNeg': '1 − γ = {v}',
  'recovery.posAbove': 'positives with p ≥ γ: {k} of {n}',
  'recovery.negBelow': 'negatives with p ≤ 1 − γ: {k} of {n}',
  'recovery.oneThreshold':
    'With γ = 0.5 the two thresholds coincide: one global threshold 0.5 separates the classes.',
  'recovery.gap': 'With γ = {g} the thresholds differ: scores between {lo} and {hi} are ambiguous.',
  'recovery.overlap':
    'With γ = {g} < 0.5 the two conditions overlap: a score between {lo} and {hi} meets both, so they imply no single threshold.',
  'recovery.countPosAbove': 'p ≥ γ: {k}',
  'recovery.countPosBelow': 'p < γ: {k}',
  'recovery.countNegBelow': 'p ≤ 1 − γ: {k}',
  'recovery.countNegAbove': 'p > 1 − γ: {k}',
  'recovery.aria':
    'Chart: score axis from 0 to 1 with thresholds γ = {g} and 1 − γ = {h}; {pa} of {pn} positives at or above γ, {nb} of {nn} negatives at or below 1 − γ.',

  // Panel 8: paper tables.
  'paper.caption':
    'COCO minival AP of RetinaNet R-50-FPN 1×, as reported by the paper; the row nearest the current settings is marked.',
  'paper.table1': 'Table 1: the temperatures (λ+ = 1/ln h+, λ− = 0.1/ln h−)',
  'paper.table2': 'Table 2: the surrogate ℓ',
  'paper.table3': 'Table 3: which pairs are ranked',
  'paper.colSetting': 'setting',
  'paper.colAP': 'AP',
  'paper.nearest': 'nearest to the current settings',
  'paper.distance': 'distance {d}',
  'paper.distanceNote1':
    'Distance for Table 1, on the log scale of the sliders: |ln(λ+ / λ+ of the row)| + |ln(λ− / λ− of the row)|, with the row’s λ+ = 1/ln h+ and λ− = 0.1/ln h−; the current settings read the paper’s way are h+ = e^(1/λ+) = {hPos}, h− = e^(0.1/λ−) = {hNeg}.',
  'paper.distanceNote2':
    'Distance for Table 2: only rows of the current surrogate count; among them |ln(L / L of the row)| or |ln(ρ / ρ of the row)|.',
  'paper.table3All': 'all pairs (Eq. 3): {ap} AP',
  'paper.table3Neg': 'negatives only: {ap} AP',
  'paper.table3DR': 'DR: {ap} AP',
  'paper.table3Worst': 'worst case (Eq. 5): fails to train',
  'paper.testDev': 'COCO test-dev',
  'paper.testDevRow': '{backbone}: RetinaNet {retina} → Dr.Retina {dr} AP',
  'paper.threshold':
    'Score threshold before NMS 0.05 → 0.5: focal loss {f1} → {f2} AP, DR {d1} → {d2} AP (DR scores are calibrated).',
  'paper.focal': 'focal loss',
  'paper.hinge': 'hinge',
  'paper.quad': 'quadratic, ρ = {rho}',
  'paper.logistic': 'logistic, L = {L}',
  'paper.best': 'best',
} as const;

/** The keys of D's table (every one present in both languages). */
export type StringKeyD = keyof typeof en;

const zh: { readonly [K in StringKeyD]: string } = {
  'panel.imbalance.title': '1 · 不平衡（式 1–2）',
  'panel.ranking.title': '2 · 排序（式 3–4）',
  'panel.worstCase.title': '3 · 最坏情况（式 5）',
  'panel.distributional.title': '4 · 分布排序（命题 1–2，式 6）',
  'panel.smoothing.title': '5 · 平滑（式 7–8）',
  'panel.gradient.title': '6 · DR 损失及其梯度',
  'panel.recovery.title': '7 · 恢复分类（§3.3）',
  'panel.paper.title': '8 · 论文中的数字',

  'control.margin': '间隔 γ',
  'control.lambdaPos': '正样本温度 λ+',
  'control.lambdaNeg': '负样本温度 λ−',
  'control.L': '逻辑平滑锐度 L',
  'control.tau': '分类权重 τ',
  'control.rho': '二次平滑宽度 ρ',
  'control.hardK': '保留的难负样本数 n̂',
  'control.smoothing': '替代函数 ℓ',
  'control.smoothing.logistic': '逻辑函数（式 8）',
  'control.smoothing.quad': '二次函数（式 7）',
  'control.smoothing.hinge': '铰链',
  'control.original': '原始分布 o',
  'control.original.uniform': '均匀（论文）',
  'control.original.hardNegative': '难负样本（前 n̂ 个）',
  'control.preset': '候选集',
  'control.seed': '随机种子',
  'control.undo': '撤销',
  'control.redo': '重做',
  'control.reset': '恢复论文默认值',
  'control.addCandidate': '添加候选',
  'control.deleteCandidate': '删除候选 {row}',
  'control.copyLink': '复制链接',
  'control.theme': '主题',
  'control.theme.system': '跟随系统',
  'control.theme.light': '浅色',
  'control.theme.dark': '深色',
  'control.language': '语言',
  'control.language.en': 'English',
  'control.language.zh': '中文',

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
  'label.positive': '正样本',
  'label.negative': '负样本',
  'label.ignored': '忽略',
  'label.background': '背景',

  'readout.loss': 'DR 损失',
  'readout.pPlus': 'P̂+（正样本分数的加权均值）',
  'readout.pMinus': 'P̂−（负样本分数的加权均值）',
  'readout.z': 'z = P̂− − P̂+ + γ',
  'readout.slope': 'τ·ℓ′(z)',
  'readout.nPos': '正样本数 n+',
  'readout.nNeg': '负样本数 n−',
  'readout.klPos': 'ε+ = KL(q+‖o+)',
  'readout.klNeg': 'ε− = KL(q−‖o−)',
  'readout.essPos': 'q+ 的有效样本量',
  'readout.essNeg': 'q− 的有效样本量',
  'readout.hardestShare': '最难的 1% 负样本所占梯度比例',
  'readout.computeTime': '计算用时 {ms} 毫秒',
  'readout.focalLoss': 'focal loss（RetinaNet，α = 0.25，γf = 2）',
  'readout.bceTotal': '交叉熵（对所有条目求和）',

  'notice.clamped': '{symbol} 超出范围，已设为 {value}',
  'notice.notNumber': '{symbol}：不是数字，保留 {value}',
  'notice.noPositives': '没有正样本：P̂+ = 1，与官方代码一致',
  'notice.noNegatives': '没有负样本：P̂− = 0，与官方代码一致',
  'notice.histogramsOnly': '{n} 个条目超过 {limit}：各面板改为显示直方图，不再逐个显示候选',
  'notice.workerFallback': '后台 worker 无法启动，改在主线程计算',
  'notice.permalinkBad': '链接中有无效字段，以下字段保留默认值：{fields}',
  'notice.computing': '计算中…',
  'notice.copied': '链接已复制',

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

  'gradient.caption': '每个候选的梯度（按分数排序），与同一批候选的 focal loss 和交叉熵梯度并列。',
  'gradient.axisScore': '分数 p = σ(x)（概率；候选从左到右按分数排序）',
  'gradient.axisGrad': '梯度 ÷ 其最大绝对值（无量纲）',
  'gradient.normalisation':
    '归一化：每条曲线除以其在候选上的最大绝对值，因此三者都在 −1 到 1 之间。',
  'gradient.seriesDrLogit': '∂DR/∂x（logit）',
  'gradient.seriesDrP': '∂DR/∂p（分数）',
  'gradient.seriesFocal': 'focal loss ∂/∂x',
  'gradient.seriesBce': '交叉熵 ∂/∂x',
  'gradient.wrt': 'DR 梯度的自变量',
  'gradient.wrtLogit': 'logit x',
  'gradient.wrtP': '分数 p',
  'gradient.hardestShare': '最难的 1% 负样本获得负样本总 |∂DR/∂x| 的 {share}。',
  'gradient.hardestCompare': '同样这些负样本获得 focal loss 梯度的 {focal}，交叉熵梯度的 {bce}。',
  'gradient.legend': '颜色：候选的标签',
  'gradient.paneMax': '{series}：最大 |值| 为 {max}',
  'gradient.noDetail': '共 {n} 个条目（超过 {limit}），不逐个绘制候选的梯度；以下为汇总数字。',
  'gradient.aria':
    '图表：按分数排序的 {n} 个候选的梯度；DR 损失 {loss}，最大 |∂DR/∂x| 为 {max}；最难的 1% 负样本获得负样本梯度的 {share}。',
  'gradient.candidate': '候选：行 {row}，类别 {cls}，{label}，p = {p}，∂DR/∂x = {grad}。',
  'gradient.candidateKeys': '方向键调整分数，回车切换标签，Delete 删除。',
  'gradient.sign': '零线以上，梯度下降会降低该候选的分数；零线以下则会提高。',

  'recovery.caption':
    '分数在 [0, 1] 内时，P̂+ − P̂− ≥ γ 意味着 P̂+ ≥ γ 且 P̂− ≤ 1 − γ：在分数轴上画出两条阈值。',
  'recovery.thresholdPos': 'γ = {v}',
  'recovery.thresholdNeg': '1 − γ = {v}',
  'recovery.posAbove': 'p ≥ γ 的正样本：{n} 个中 {k} 个',
  'recovery.negBelow': 'p ≤ 1 − γ 的负样本：{n} 个中 {k} 个',
  'recovery.oneThreshold': 'γ = 0.5 时两条阈值重合：一个全局阈值 0.5 即可分开两类。',
  'recovery.gap': 'γ = {g} 时两条阈值不同：介于 {lo} 与 {hi} 之间的分数无法判定。',
  'recovery.overlap':
    'γ = {g} < 0.5 时两个条件重叠：介于 {lo} 与 {hi} 之间的分数同时满足两者，因此不能推出单一阈值。',
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
  'paper.testDev': 'COCO test-dev',
  'paper.testDevRow': '{backbone}：RetinaNet {retina} → Dr.Retina {dr} AP',
  'paper.threshold':
    'NMS 前的分数阈值 0.05 → 0.5：focal loss {f1} → {f2} AP，DR {d1} → {d2} AP（DR 的分数是校准的）。',
  'paper.focal': 'focal loss',
  'paper.hinge': '铰链',
  'paper.quad': '二次，ρ = {rho}',
  'paper.logistic': '逻辑，L = {L}',
  'paper.best': '最佳',
};

/** D's strings: `{ en, zh }` with identical keys (the type of zh enforces it; a test checks it too). */
export const stringsD = { en, zh } as const;
