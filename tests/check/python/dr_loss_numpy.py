"""Numpy ports of the official SigmoidDRLoss (idstcv/DR_loss), forward and backward, written for the
tests of the generated pytest file (tests/check/pytest.test.ts): one faithful port, and one carrying
the seed blog's sign error (positive-sign), which the generated tests must reject.

Protocol of the generated test_dr_loss.py for a class that is not a torch.nn.Module: calling an
instance with (logits (R, K), targets (R,)) returns the loss; backward(logits, targets) returns
d loss / d logits. Everything is computed in the logits' dtype (float32 or float64).
"""

import math

import numpy as np


def _softmax(a):
    e = np.exp(a - a.max())
    return e / e.sum()


class SigmoidDRLoss:
    """The official maths (docs/maths.md §3-4): margin is settable here to exercise more vectors."""

    positive_sign = -1.0  # q+ ∝ exp(-p/λ+): hard (low-scoring) positives weigh most

    def __init__(self, pos_lambda=1.0, neg_lambda=0.1 / math.log(3.5), L=6.0, tau=4.0, margin=0.5):
        self.pos_lambda = pos_lambda
        self.neg_lambda = neg_lambda
        self.L = L
        self.tau = tau
        self.margin = margin

    def _forward(self, logits, targets):
        dt = logits.dtype.type
        K = logits.shape[1]
        t = targets.reshape(-1, 1)
        classes = np.arange(1, K + 1).reshape(1, -1)
        pos = t == classes
        neg = (t != classes) & (t >= 0)
        with np.errstate(over="ignore"):
            p = dt(1) / (dt(1) + np.exp(-logits))
        pp, pn = p[pos], p[neg]
        if pn.size > 0:
            qn = _softmax(pn / dt(self.neg_lambda))
            p_minus = (qn * pn).sum()
        else:
            qn, p_minus = pn, dt(0)
        if pp.size > 0:
            qp = _softmax(dt(self.positive_sign) * pp / dt(self.pos_lambda))
            p_plus = (qp * pp).sum()
        else:
            qp, p_plus = pp, dt(1)
        z = p_minus - p_plus + dt(self.margin)
        L = dt(self.L)
        loss = dt(self.tau) * np.log(dt(1) + np.exp(L * z)) / L
        return loss, dict(p=p, pos=pos, neg=neg, pp=pp, pn=pn, qp=qp, qn=qn,
                          p_plus=p_plus, p_minus=p_minus, z=z)

    def __call__(self, logits, targets):
        return self._forward(logits, targets)[0]

    def backward(self, logits, targets):
        _, c = self._forward(logits, targets)
        dt = logits.dtype.type
        L = dt(self.L)
        s = dt(self.tau) / (dt(1) + np.exp(-L * c["z"]))  # τ·ℓ'(z) = τ·σ(L·z)
        grad_p = np.zeros_like(logits)
        grad_p[c["neg"]] = s * c["qn"] * (dt(1) + (c["pn"] - c["p_minus"]) / dt(self.neg_lambda))
        sign = dt(self.positive_sign)
        grad_p[c["pos"]] = -s * c["qp"] * (dt(1) + sign * (c["pp"] - c["p_plus"]) / dt(self.pos_lambda))
        p = c["p"]
        return grad_p * p * (dt(1) - p)


class PositiveSignDRLoss(SigmoidDRLoss):
    """The seed blog's error: q+ ∝ exp(+p/λ+)."""

    positive_sign = 1.0


class ForwardOnlyDRLoss(SigmoidDRLoss):
    """A numpy class without backward: the generated tests must say what is missing."""

    backward = None
