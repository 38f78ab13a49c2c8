/** English strings of the guided tour, the parameters dock on phones and the embed view. The Chinese table (../zh/tour.ts) must have every key. */
export const tour = {
  'tour.start': 'Guided tour',
  'tour.label': 'Guided tour',
  'tour.stepOf': 'Step {n} of {total}',
  'tour.next': 'Next',
  'tour.back': 'Back',
  'tour.close': 'Close tour',
  'tour.try': 'Try this:',
  'tour.link': 'Link to this step',
  'tour.keys': 'Esc leaves the tour; the settings of this step stay.',

  'tour.imbalance.title': 'A flood of easy negatives',
  'tour.imbalance.body':
    'A detector scores thousands of candidates per image and nearly all of them are negatives. This set has 10 positives and 10,000 negatives; the bar shows how much of a plain summed cross-entropy the negatives contribute.',
  'tour.imbalance.try':
    'Drag a negative towards the positives (or focus it and use the arrow keys) and watch the negatives’ share of the loss.',

  'tour.ranking.title': 'Rank instead of classify',
  'tour.ranking.body':
    'DR asks for a ranking: every positive should score above every negative by a margin γ. Panel 2 checks all n+·n− pairs exactly and counts the pairs that break the margin.',
  'tour.ranking.try': 'Move γ up and down and watch the count of violating pairs.',

  'tour.worstCase.title': 'Only the worst pair',
  'tour.worstCase.body':
    'Ranking every pair is costly, so one could rank just the hardest pair: the highest-scored negative against the lowest-scored positive (Eq. 5). One outlier then decides the whole loss.',
  'tour.worstCase.try':
    'Drag the highest negative to the right: the worst-case loss follows that single candidate.',

  'tour.distribution.title': 'Rank two distributions',
  'tour.distribution.body':
    'DR ranks a distribution of positives against one of negatives. The negatives are reweighted, q− ∝ o·e^(p/λ−), so weight moves to the hard negatives and P̂− = Σ q−·p lies between their plain mean and their maximum.',
  'tour.distribution.try':
    'Type λ− = 1, then λ− = 0.02: P̂− slides from near the mean towards the hardest negative.',

  'tour.variance.title': 'Figure 2: the spread matters',
  'tour.variance.body':
    'The paper’s Figure 2 compares negatives of small and of large variance. The reweighting looks at the hard tail, so how far P̂− lies above the plain mean depends on the spread, not only on the mean.',
  'tour.variance.try':
    'Press “Pin as baseline”, then choose the set “Fig. 2: small variance”: the faint ghost keeps this set’s q− to compare.',

  'tour.smoothing.title': 'Smooth the hinge',
  'tour.smoothing.body':
    'The loss is τ·ℓ(z) with z = P̂− − P̂+ + γ. The hinge [z]+ has a kink at 0, so DR uses the logistic surrogate log(1 + e^(Lz))/L, never more than log 2 / L above the hinge.',
  'tour.smoothing.try':
    'Change L from 6 to 1 and watch the gap to the hinge at z = 0 grow to log 2.',

  'tour.gradient.title': 'Where the gradient goes',
  'tour.gradient.body':
    'Panel 6 shows each candidate’s gradient by score, beside focal loss and cross-entropy on the same candidates. DR’s gradient on a negative follows its weight q−, and the readout gives the share the hardest 1 % of negatives receive.',
  'tour.gradient.try':
    'Pin a baseline, lower λ−, and compare the hardest-1 % share and the faint rings of the baseline.',

  'tour.recovery.title': 'Back to classification',
  'tour.recovery.body':
    'A detector still needs a threshold on each score. §3.3 of the paper relates the ranking margin γ to the thresholds γ and 1 − γ; panel 7 draws both and counts the candidates on each side.',
  'tour.recovery.try': 'Raise γ towards 1 and watch how many positives still clear the threshold.',

  'tour.tables.title': 'The paper’s numbers',
  'tour.tables.body':
    'The paper’s ablations on COCO give the AP for several λ and for each surrogate. The row nearest your current settings is marked, so every experiment on this page can be read against them.',
  'tour.tables.try': 'Change λ− or the surrogate and see which row of the tables is marked.',

  'dock.open': 'Parameters',
  'dock.openLabel': 'Parameters: open the sliders',
  'dock.close': 'Close parameters',
  'dock.title': 'Parameters',

  'embed.full': 'Open the full DR Loss Explorer',
  'embed.label': 'One panel of DR Loss Explorer',
} as const;
