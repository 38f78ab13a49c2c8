/** English strings of notices: what the app tells the person about a link, a clamped value, the engine. The Chinese table (../zh/notices.ts) must have every key. */
export const notices = {
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
  'notice.raw': '{text}',
  'notice.editNotApplied': 'Edit not applied: {problem}',
  'notice.tooLargeToEdit': 'This set is too large to edit candidate by candidate.',
  'notice.engineFailed': 'The engine could not compute: {error}',
} as const;
