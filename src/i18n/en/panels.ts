/** English strings of the eight explainer panels, in the order of the paper's argument, and the candidate labels they share. The Chinese table (../zh/panels.ts) must have every key. */
export const panels = {
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
  'imbalance.sharePending':
    'The share of the plain cross-entropy that comes from the negatives is being computed…',
  // A value the background workers still compute (BCE and focal loss of a detection-scale set).
  'readout.pending': 'computing…',

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
  'ranking.noPairs.pos':
    'There are no positives, so there is no pair to rank: Eq. 3 is an empty sum, 0. DR still has a loss ({loss}), through P̂+ := 1.',
  'ranking.noPairs.neg':
    'There are no negatives, so there is no pair to rank: Eq. 3 is an empty sum, 0. DR still has a loss ({loss}), through P̂− := 0.',
  'ranking.noPairs.both': 'There are no positives and no negatives, so there is no pair to rank.',
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
    'Drag λ− or λ+: as λ → ∞, q → o, and with the uniform prior P̂ → the plain mean ({mNeg} for the negatives, {mPos} for the positives); as λ → 0, P̂− → max p− and P̂+ → min p+, the worst case of Eq. 5.',
  'dist.limitsHard':
    'Drag λ− or λ+: as λ → ∞, q → o. With the hard-negative prior, P̂− then tends to the mean of the top n̂ = {k} negatives, {topMean}, not to the plain mean over all negatives ({mNeg}, the grey mark); P̂+ tends to the positives’ plain mean {mPos}. As λ → 0, P̂− → max p− and P̂+ → min p+, the worst case of Eq. 5.',
  'dist.fig2':
    'The presets “Fig. 2: small variance” and “Fig. 2: large variance” illustrate the paper’s Fig. 2 (same mean, different spread of the negatives); their numbers are not taken from the paper.',
  'dist.kl': 'ε = KL(q‖o)',
  'dist.ess': 'effective sample size 1/Σq²',
  'dist.essOf': '{ess} of {n}',
  'dist.set': 'set',
  'dist.neg': 'negatives',
  'dist.pos': 'positives',
  'dist.weightedMean': 'P̂ = Σ q·p',
  'dist.plainMean': 'plain mean',
  // The paper's argument, under each panel (src/panels/common/whyTexts.ts fills every number).
  'why.summary': 'Why: the paper’s argument',
  'why.ranking.easy':
    'Here {easy} of the {pairs} pairs ({share}) already meet the margin: their hinge is 0, yet each counts in the mean of Eq. 4. In a detector nearly every pair is an easy negative against a positive, so the mean is diluted by pairs that teach nothing: the paper reports {apAll} AP for ranking all pairs (Table 3).',
  'why.ranking.next': 'Eq. 5 goes to the other extreme and keeps only the hardest pair (panel 3).',
  'why.worst.fragile':
    'A single worst pair is fragile: the loss and its whole gradient rest on two candidates, here max p− = {maxNeg} and min p+ = {minPos}, so one outlier or one mislabelled box decides it. DR keeps the focus on hard candidates but spreads it over a distribution (panel 4).',
  'why.worst.fragileEmpty':
    'A single worst pair is fragile: the loss and its whole gradient rest on two candidates, so one outlier or one mislabelled box decides it. DR keeps the focus on hard candidates but spreads it over a distribution (panel 4).',
  'why.dist.collapse':
    'Unconstrained, the worst case over all distributions q puts all its weight on one candidate (q− on max p−, q+ on min p+): Eq. 5 again. Proposition 1 keeps q near the prior o: it maximises Σ q·p − λ·KL(q‖o), the same as maximising Σ q·p subject to KL(q‖o) ≤ ε. Now q− spreads over an effective {essNeg} of the {nNeg} negatives, at ε− = {klNeg}.',
  'why.dist.h':
    'What h means: λ− = 0.1/ln h−, so q− ∝ h−^(p/0.1): a negative whose score is 0.1 higher gets h− = {hNeg} times the weight, {hNeg10} times across the whole of [0, 1] (paper: h− = 3.5, about {def10}). λ+ = 1/ln h+, so q+ ∝ h+^(−p): a positive whose score is 1.0 lower gets only h+ = {hPos} times the weight, so q+ stays close to uniform (paper: h+ = e).',
  'why.dist.remark1':
    'Remark 1: a candidate’s weight q_j = o_j·e^(±p_j/λ) / Σ_k o_k·e^(±p_k/λ) depends, through the sum, on every other candidate of its image: move any other negative and every q−_j changes.',
  'why.grad.init':
    'Initialisation: DR sets the classifier’s bias from the prior π = 0.5 (RetinaNet uses π = 0.01), so every logit starts at 0 and every score at 0.5: P̂+ = P̂− = 0.5, z = γ and the loss is τ·ℓ(γ) = {dr0} at the current settings ({dr0Paper} at the paper’s defaults, the authors’ “≈ 2”).',
  'why.grad.eq9':
    'Eq. 9: the paper’s loss is a sum over the images of a batch, each image with its own q±. The official code computes one distribution per set over whatever it is given, so a batch passed in one call is treated as one image. This page holds one image (N = 1), where the two agree.',
  'why.grad.objective':
    'The detector minimises Σ_i τ·ℓ_DR,i + ℓ_Reg: τ (now {tau}; the paper uses 4) balances the classification loss against the box-regression loss ℓ_Reg, which DR leaves unchanged.',
  'why.grad.focal':
    'The focal loss compared here (RetinaNet): p_t = p and α_t = α for a positive, p_t = 1 − p and α_t = 1 − α for a negative; summed over the entries and divided by the number of positive anchors N+ (at least 1).',
  'why.paper.table1':
    'Table 1 read through h: with h+ = e a positive 1.0 lower weighs only {fPos} times more, so the positives are weighted almost uniformly; concentrating them (h+ = 5.5 or {fPos20}) costs {dPos1} and {dPos2} AP. For the negatives a strong focus is best: h− = 3.5 weighs the top of [0, 1] about {f35} times the bottom; h− = e (about {fe}) is flatter and h− = 20 (about {f20}) is close to the worst case of Eq. 5, and both score lower.',

  // Words inside the typeset equations (\text{…}).
  'tex.negatives': 'negatives',
  'tex.total': 'total',
  'tex.violating': 'violating',
  'tex.of': ' of ',
  'tex.pending': 'computing…',
  // Panel titles, in the order the page walks the paper's argument.
  'panel.imbalance.title': '1 · Imbalance (Eq. 1–2)',
  'panel.ranking.title': '2 · Ranking (Eq. 3–4)',
  'panel.worstCase.title': '3 · The worst case (Eq. 5)',
  'panel.distributional.title': '4 · Distributional ranking (Propositions 1–2, Eq. 6)',
  'panel.smoothing.title': '5 · Smoothing (Eq. 7–8)',
  'panel.gradient.title': '6 · The DR loss and its gradient',
  'panel.recovery.title': '7 · Recovering classification (§3.3)',
  'panel.paper.title': "8 · The paper's numbers",
  'label.positive': 'positive',
  'label.negative': 'negative',
  'label.ignored': 'ignored',
  'label.background': 'background',

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
    'Normalisation: each curve is divided by its largest absolute value over the candidates, so it lies within [−1, 1] with its largest |value| scaled to 1 (a curve of one sign stays on one side of 0).',
  'gradient.raised':
    '{raised} of the {n} negatives have ∂DR/∂p < 0: gradient descent raises their scores. A negative’s factor 1 + (p − P̂−)/λ− is negative below p = P̂− − λ− = {c}; only {lowered} negatives above it are pushed down. What descent always lowers is the weighted mean P̂−. Each push is weighted by q−, so it is weakest for the easiest negatives.',
  'gradient.raisedNone':
    'No negative has ∂DR/∂p < 0 now: none scores below p = P̂− − λ− = {c}, where a negative’s factor 1 + (p − P̂−)/λ− turns negative and gradient descent would raise its score.',
  'gradient.raisedNoDetail':
    'Negatives scoring below p = P̂− − λ− = {c} have ∂DR/∂p < 0 (their factor 1 + (p − P̂−)/λ− is negative): gradient descent raises them, while the weighted mean P̂− goes down.',
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
    'The paper’s argument is per pair: if every pair satisfies p+ − p− ≥ γ and scores lie in [0, 1], then every p+ ≥ γ and every p− ≤ 1 − γ. DR enforces the margin on the weighted means, P̂+ − P̂− ≥ γ (z ≤ 0), which gives P̂+ ≥ γ and P̂− ≤ 1 − γ: a statement about P̂±, not about each candidate.',
  'recovery.thresholdPos': 'γ = {v}',
  'recovery.thresholdNeg': '1 − γ = {v}',
  'recovery.posAbove': 'positives with p ≥ γ: {k} of {n}',
  'recovery.negBelow': 'negatives with p ≤ 1 − γ: {k} of {n}',
  'recovery.pairHolds':
    'Now every pair satisfies it: min p+ − max p− = {d} ≥ γ = {g}. So every positive scores at least γ and every negative at most 1 − γ.',
  'recovery.pairFails':
    'Now the premise fails: min p+ − max p− = {d} < γ = {g}, and {violating} of {pairs} pairs violate the margin. So nothing follows for single candidates: {pb} positives score below γ and {na} negatives above 1 − γ.',
  'recovery.pairNone':
    'There is no pair (no positives or no negatives), so the per-pair argument says nothing about these scores.',
  'recovery.drHolds':
    'DR’s constraint holds now: P̂+ − P̂− = {d} ≥ γ, so P̂+ = {pp} ≥ γ and P̂− = {pm} ≤ 1 − γ. This bounds the weighted means; single candidates may still lie on the wrong side.',
  'recovery.drFails':
    'DR’s constraint fails now: P̂+ − P̂− = {d} < γ = {g} (z = {z} > 0), so the implication for P̂± does not apply.',
  'recovery.oneThreshold.holds':
    'With γ = 0.5 both thresholds are 0.5, and since every pair meets the margin now, the single threshold 0.5 separates the classes.',
  'recovery.oneThreshold.fails':
    'With γ = 0.5 both thresholds are 0.5: if every pair met the margin, the single threshold 0.5 would separate the classes. It does not now: {k} candidates are on the wrong side.',
  'recovery.gap.holds':
    'With γ = {g} > 0.5 the thresholds differ, and since every pair meets the margin now, no candidate scores between {lo} and {hi}.',
  'recovery.gap.fails':
    'With γ = {g} > 0.5 the thresholds differ: if every pair met the margin, no candidate would score between {lo} and {hi}. The premise fails now, so that does not follow.',
  'recovery.overlap':
    'With γ = {g} < 0.5 the two conclusions overlap: a score between {lo} and {hi} is allowed for both labels, so no single threshold follows, even when every pair meets the margin.',
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
  'paper.testDev':
    'COCO test-dev, longer training schedule (a different setting from the ablations above)',
  'paper.testDevRow': '{backbone}: RetinaNet {retina} → Dr.Retina {dr} AP',
  'paper.threshold':
    'Score threshold before NMS 0.05 → 0.5: focal loss {f1} → {f2} AP, DR {d1} → {d2} AP (DR scores are calibrated).',
  'paper.focal': 'focal loss',
  'paper.hinge': 'hinge',
  'paper.quad': 'quadratic, ρ = {rho}',
  'paper.logistic': 'logistic, L = {L}',
  'paper.best': 'best',
} as const;
