/** English strings of the page around the panels: header, candidate picker and table, import, history and sharing, status. The Chinese table (../zh/app.ts) must have every key. */
export const app = {
  // Candidate sets (PresetId).
  'preset.paper-default': 'small example (paper defaults)',
  'preset.imbalance-1000': 'imbalance: 10 positives, 10,000 negatives',
  'preset.hard-negatives': 'a few hard negatives',
  'preset.no-positives': 'no positives',
  'preset.fig2-small-var': 'Fig. 2: small variance',
  'preset.fig2-large-var': 'Fig. 2: large variance',
  'preset.detection-scale': 'detection scale (millions of entries)',

  // Preset descriptions (src/app/presetFacts.ts fills every number from the engine at the paper's
  // defaults and picks every sentence that depends on one; tests/app/presetFacts.test.ts checks them).
  'presetDesc.paper-default':
    'A small multi-class image: {R} anchors × {K} classes, {anchors} positive anchors (logits ~ N(0.4, 1)) among negatives (logits ~ N(−2, 1)) and {ignored} ignored anchors. A positive anchor’s other classes are negatives, so n+ = {nPos} and n− = {nNeg}.',
  'presetDesc.paper-default.top':
    'The small λ− puts q− on the hardest negatives: the top 1 % ({k} negatives) receive {share} of it.',
  'presetDesc.imbalance-1000':
    '{nPos} positives (logits ~ N(0.5, 1)) among {nNeg} negatives (logits ~ N(−3, 1.2)), one class: the imbalance DR is built for. DR compares two distributions, not the {pairs} pairs.',
  'presetDesc.imbalance-1000.top':
    'A few negatives in the upper tail decide P̂−: the top 1 % ({k} negatives, mean score {mTop}) receive {share} of q−.',
  'presetDesc.hard-negatives':
    '{nPos} positives (logits ~ N(1, 0.7²)), {easy} easy negatives (logits ~ N(−3, 0.8²)) and {hard} hard negatives (logits ~ N(1.5, 0.5²), a higher mean logit than the positives’).',
  'presetDesc.hard-negatives.top':
    'The {k} highest-scoring negatives (mean score {mTop}; positives: {mPos}) receive {share} of q− at the default λ−; the hard-negative prior (top n̂) restricts o to them explicitly.',
  'presetDesc.no-positives':
    'A background-only image: {nNeg} negatives (logits ~ N(−2, 1.5); plain mean score {mNeg}), {ignored} ignored rows, no positive entry, so P̂+ := 1 and z = P̂− − 1 + γ.',
  'presetDesc.no-positives.raised':
    'Descent lowers the weighted mean P̂−, not every negative: {raised} of the {nNeg} negatives have ∂DR/∂p < 0, so descent raises their scores. A negative’s factor 1 + (p − P̂−)/λ− is negative when p < P̂− − λ− = {c}; only the {lowered} negatives above that are pushed down.',
  'presetDesc.fig2-small-var':
    '{nNeg} negative scores ~ N(0.3, 0.02²) against {nPos} positive scores ~ N(0.7, 0.1²), clipped to [0.001, 0.999]. It illustrates the paper’s Fig. 2; its numbers are not taken from the paper.',
  'presetDesc.fig2-large-var':
    'Negative scores ~ N(0.3, 0.15²): the same mean as the small-variance preset, with a tail of hard negatives; for one seed both share the positives. It illustrates the paper’s Fig. 2; its numbers are not taken from the paper.',
  'presetDesc.fig2-large-var.compare':
    'Against the small-variance preset of the same seed, the plain negative mean stays ({mNegSmall} there, {mNeg} here), but the tail takes P̂− from {pMinusSmall} to {pMinus}: z goes from {zSmall} to {z} ({zRatio}×) and the loss from {lossSmall} to {loss} ({lossRatio}×).',
  'presetDesc.gap.below':
    'The plain means {mPos} (positives) and {mNeg} (negatives) differ by {gap}, less than γ = {g}.',
  'presetDesc.gap.atLeast':
    'The plain means {mPos} (positives) and {mNeg} (negatives) differ by {gap}, at least γ = {g}.',
  'presetDesc.detection-scale':
    'One image at RetinaNet scale: {R} anchors × {K} classes = {entries} entries, {anchors} positive anchors, {ignored} ignored anchors; positive logits ~ N(−2, 1.5²). Negative logits ~ N(−4.6, 1), around logit(0.01) ≈ −4.6: where RetinaNet starts, since it initialises the classifier bias with the prior π = 0.01. DR initialises with π = 0.5 instead: every logit 0, every score 0.5, so z = γ and the loss is τ·ℓ(γ) = {dr0} at the defaults.',
  'presetDesc.pHat':
    'At the paper’s defaults (seed {seed}): P̂+ = {pPlus}, P̂− = {pMinus}, z = P̂− − P̂+ + γ = {z}, DR loss {loss}.',
  'presetDesc.order.negAbove':
    'P̂− is above P̂+; the plain means are {mNeg} (negatives) and {mPos} (positives).',
  'presetDesc.order.negBelow':
    'P̂− is below P̂+; the plain means are {mNeg} (negatives) and {mPos} (positives).',
  'presetDesc.margin.violated': 'z > 0: the ranking constraint P̂+ − P̂− ≥ γ is violated.',
  'presetDesc.margin.met': 'z ≤ 0: the ranking constraint P̂+ − P̂− ≥ γ holds.',

  // The candidate table and labels.
  'table.caption': 'Candidates (edit a logit, click a label to cycle it)',
  'table.row': 'row',
  'table.class': 'class',
  'table.label': 'label',
  'table.logit': 'logit x',
  'table.score': 'score p = σ(x)',

  // The app shell (header, controls, readouts, the candidate editor), keys 'app.*'.
  'app.title': 'DR Loss Explorer',
  'app.tagline': 'The Distributional Ranking loss (Qian et al., CVPR 2020), live and exact.',
  'app.intro':
    'Detectors see a few positives among a flood of easy negatives. The page follows the paper: why a plain loss drowns in negatives, ranking pairs, the worst pair, then DR’s reweighted distributions, the smoothing, the gradient, and the paper’s numbers. Every number is computed live; drag the candidates.',
  'app.preferences': 'Display',

  'app.parameters': 'Parameters',
  'app.logScale': '(log scale)',
  'app.valueOf': '{symbol} value',
  'app.resetParam': 'Reset {symbol} to its default {value}',
  'app.resetTitle': 'Reset to {value}',

  'app.candidates': 'Candidates',
  'app.presetLabel': 'Candidate set',
  'app.seedLabel': 'Seed',
  'app.nextSeed': 'Next seed',
  'app.importedOption': 'Imported: {name}',
  'app.importedShape': 'Imported “{name}”: {R} anchors × {K} classes.',
  'app.editCount': '{n} edits on top of this set.',
  'app.entries': '{n} entries',

  'app.import': 'Import',
  'app.importFile': 'JSON case (logits + targets) or CSV (score or logit, label)',
  'app.paste': '…or paste it here',
  'app.importPasted': 'Import pasted text',
  'app.importProgress': 'Reading {name}',
  'app.importRows': '{rows} rows read',
  'app.loadProgress': 'Building the large set',
  'app.loadShards': '{done} of {total} blocks generated ({entries} entries in all)',
  'app.loadSort': 'Sorting {entries} scores and computing the loss',
  'app.importCancel': 'Cancel import',

  'app.toolbar': 'History and sharing',
  'app.dismiss': 'Dismiss notice: {text}',

  'app.readouts': 'Readouts',
  'app.lossTerm': 'DR loss = τ·ℓ(z)',
  'app.counts': 'positives n+ / negatives n−',
  'app.kl': 'ε+ = KL(q+‖o+) / ε− = KL(q−‖o−)',
  'app.ess': 'effective sample size of q+ / q−',
  'app.status': 'Status:',
  'app.status.ready': 'ready',
  'app.status.computing': 'computing',
  'app.status.error': 'error',
  'app.engineLine': '{R} anchors × {K} classes · computed in {ms} ms · round trip {rt} ms',
  'app.engineLineAhead':
    '{R} anchors × {K} classes · computed in {ms} ms before it was asked for · round trip {rt} ms',
  'app.engineWorker': 'engine: worker',
  'app.engineFallback': 'engine: main thread (fallback)',
  'app.notComputed': 'Not computed: {error}',
  'app.waiting': 'The panels appear with the first result.',

  'app.table.title': 'Edit the candidates',
  'app.table.intro':
    'Each line is one entry (row, class). Type a logit or a score and press Enter; pick a label; delete a row. Every change is one undo step and goes into the link.',
  'app.table.tooMany':
    '{n} entries are too many to list and edit one by one (at most {limit}): pick a smaller preset or import a smaller set to edit candidates.',
  'app.table.editAs': 'Type values as',
  'app.table.page': 'Rows {from}–{to} of {R}',
  'app.table.prev': 'Previous rows',
  'app.table.next': 'Next rows',
  'app.table.grad': '∂DR/∂x',
  'app.table.delete': 'delete',
  'app.table.classN': 'class {k}',
  'app.table.cellName': 'row {row}, {column}',
  'app.table.cellError': 'Row {row}, {column}: {error}; nothing changed.',
  'app.table.none': '—',

  'app.add.title': 'Add a candidate',
  'app.add.score': 'score p of the new candidate',
  'app.add.label': 'label of the new candidate',
  'app.add.hint': 'A new row gets this score in each of its {K} classes; edit them in the table.',
  'app.add.error': 'New candidate, score p: {error}; nothing added.',
} as const;
