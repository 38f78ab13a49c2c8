/** English strings of the parameter controls (sliders, number boxes, choices) and the live readouts. The Chinese table (../zh/controls.ts) must have every key. */
export const controls = {
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

  // ε as an input (src/app/components/EpsilonControls.tsx).
  'epsilon.title': 'Constraint radius ε: set it, read off λ',
  'epsilon.labelNeg': 'KL(q−‖o−), the negatives’ constraint radius (Proposition 1)',
  'epsilon.labelPos': 'KL(q+‖o+), the positives’ constraint radius (Proposition 2)',
  'epsilon.inputName':
    '{symbol}: constraint radius; Enter sets {lambdaSymbol} so that KL(q‖o) = {symbol}',
  'epsilon.readout': 'current {symbol} = KL(q‖o)',
  'epsilon.hint':
    'The paper bounds q within KL(q‖o) ≤ {symbol}; the temperature is its Lagrange multiplier. Type {symbol} and press Enter: {lambdaSymbol} is set so that q lies on that boundary. A larger {symbol} gives a smaller {lambdaSymbol}.',
  'epsilon.unavailable':
    'Available for sets of up to 100,000 entries (larger sets live only in the background worker).',
  'epsilon.applied': '{symbol} = {value}: {lambdaSymbol} set to {lambda}',
  'epsilon.invalid': '{symbol}: type a number ≥ 0',
  'epsilon.empty':
    '{symbol}: this set has no such entries, so there is no distribution to constrain',
  'epsilon.zero':
    '{symbol} = 0 means q = o, reached only as the temperature tends to ∞; nothing changed',
  'epsilon.tooLarge':
    '{symbol} = {value} is out of reach: KL(q‖o) stays below {max} (all weight on the extreme scores, temperature → 0); nothing changed',
  'epsilon.outOfRange':
    '{symbol} = {value} needs {lambdaSymbol} = {lambda}, outside the range {min} … {max}; nothing changed',

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
} as const;
