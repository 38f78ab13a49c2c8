/**
 * The PyTorch snippet the app exports (dr_loss_case.py): the official SigmoidDRLoss (idstcv/DR_loss,
 * sigmoid_dr_loss.py, retyped), the current parameters and the data, in float64; run with python3 it
 * prints the loss on its last line. Up to SNIPPET_INLINE_ENTRIES entries the data is inline; a larger
 * set is loaded from the .npz exported beside it (arrays "logits" and "targets", src/io/npzWrite.ts).
 *
 * The official class has a fixed margin 0.5 (an attribute, set here to the app's γ), the logistic
 * smoothing and a uniform prior: with another smoothing or the hard-negative prior the snippet says
 * that the official class computes something else. Pure: no DOM, no Node modules.
 */
import type { DRParams } from '../engine/types.ts';
import type { CandidateSet } from '../data/types.ts';

/** The largest set written inline; larger sets are read from SNIPPET_NPZ_NAME beside the snippet. */
export const SNIPPET_INLINE_ENTRIES = 10_000;
export const SNIPPET_FILE_NAME = 'dr_loss_case.py';
export const SNIPPET_NPZ_NAME = 'dr_loss_case.npz';

/** The official class, as in idstcv/DR_loss (the margin stays an attribute, as there). */
const OFFICIAL = `class SigmoidDRLoss(nn.Module):
    def __init__(self, pos_lambda=1, neg_lambda=0.1 / math.log(3.5), L=6.0, tau=4.0):
        super(SigmoidDRLoss, self).__init__()
        self.margin = 0.5
        self.pos_lambda = pos_lambda
        self.neg_lambda = neg_lambda
        self.L = L
        self.tau = tau

    def forward(self, logits, targets):
        num_classes = logits.shape[1]
        dtype = targets.dtype
        device = targets.device
        class_range = torch.arange(1, num_classes + 1, dtype=dtype, device=device).unsqueeze(0)
        t = targets.unsqueeze(1)
        pos_ind = t == class_range
        neg_ind = (t != class_range) * (t >= 0)
        pos_prob = logits[pos_ind].sigmoid()
        neg_prob = logits[neg_ind].sigmoid()
        neg_q = F.softmax(neg_prob / self.neg_lambda, dim=0)
        neg_dist = torch.sum(neg_q * neg_prob)
        if pos_prob.numel() > 0:
            pos_q = F.softmax(-pos_prob / self.pos_lambda, dim=0)
            pos_dist = torch.sum(pos_q * pos_prob)
            loss = self.tau * torch.log(1.0 + torch.exp(self.L * (neg_dist - pos_dist + self.margin))) / self.L
        else:
            loss = self.tau * torch.log(1.0 + torch.exp(self.L * (neg_dist - 1.0 + self.margin))) / self.L
        return loss
`;

/** A double as Python source (shortest round trip, as JavaScript writes it). */
const py = (x: number) => String(x);

/** The snippet for `set` under `params`; `appLoss` (the app's loss) is written into a comment. */
export function pytorchSnippet(set: CandidateSet, params: DRParams, appLoss: number): string {
  const { R, K, logits, targets } = set;
  const inline = R * K <= SNIPPET_INLINE_ENTRIES;
  const caveats: string[] = [];
  if (params.smoothing !== 'logistic') {
    caveats.push(
      `# Note: the app uses the ${params.smoothing} smoothing; the official class is logistic only,`,
      "# so the loss printed below is the official logistic one, not the app's.",
    );
  }
  if (params.original.kind !== 'uniform') {
    caveats.push(
      '# Note: the app uses the hard-negative prior; the official class has a uniform prior,',
      "# so the loss printed below is the official uniform one, not the app's.",
    );
  }
  let data: string;
  if (inline) {
    const rows: string[] = [];
    for (let r = 0; r < R; r++) {
      const cells: string[] = [];
      for (let c = 0; c < K; c++) cells.push(py(logits[r * K + c]));
      rows.push(`    [${cells.join(', ')}],`);
    }
    data = [
      `LOGITS = [\n${rows.join('\n')}\n]`,
      `TARGETS = [${Array.from(targets, String).join(', ')}]`,
      '',
      'logits = torch.tensor(LOGITS, dtype=torch.float64)',
      'targets = torch.tensor(TARGETS, dtype=torch.int64)',
    ].join('\n');
  } else {
    data = [
      `# ${R * K} entries: the data is in ${SNIPPET_NPZ_NAME} (exported beside this file):`,
      `# arrays "logits" (float64, shape (${R}, ${K})) and "targets" (int64, shape (${R},)).`,
      'import pathlib',
      '',
      'import numpy as np',
      '',
      `_data = np.load(pathlib.Path(__file__).resolve().parent / "${SNIPPET_NPZ_NAME}")`,
      `logits = torch.from_numpy(np.asarray(_data["logits"], dtype=np.float64)).reshape(${R}, ${K})`,
      'targets = torch.from_numpy(np.asarray(_data["targets"], dtype=np.int64))',
    ].join('\n');
  }
  return [
    '"""The DR loss of the case shown in DR Loss Explorer, by the official SigmoidDRLoss (idstcv/DR_loss).',
    '',
    'Run with python3 (PyTorch installed); the last line printed is the loss, in float64.',
    `DR Loss Explorer computed ${py(appLoss)} for this case.`,
    '"""',
    '',
    'import math',
    '',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import nn',
    '',
    '',
    OFFICIAL,
    '',
    '# The parameters the app shows.',
    `PARAMS = dict(pos_lambda=${py(params.lambdaPos)}, neg_lambda=${py(params.lambdaNeg)}, L=${py(params.L)}, tau=${py(params.tau)})`,
    `MARGIN = ${py(params.margin)}`,
    ...caveats,
    '',
    data,
    '',
    'loss_fn = SigmoidDRLoss(**PARAMS)',
    'loss_fn.margin = MARGIN',
    'loss = loss_fn(logits, targets)',
    'print(repr(float(loss.item())))',
    '',
  ].join('\n');
}
