/** English strings of the page around the panels: header, candidate picker and table, import, history and sharing, status. The Chinese table (../zh/app.ts) must have every key. */
export const app = {
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
