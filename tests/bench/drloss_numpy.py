#!/usr/bin/env python3
"""DR loss forward + analytic gradient in vectorised numpy float64: the peer of `npm run bench`.

Reads the benchmark's problem from binary files (logits float64, targets int32, little-endian),
checks its own loss and gradient against the engine's on that data, then times itself and prints
one JSON line last. Same maths as ../../src/engine (docs/maths.md §3-4), uniform original
distribution and the logistic surrogate only (what the benchmark uses):
  p = sigmoid(x); q- = softmax(p-/lambda-), P- = q-.p-; q+ = softmax(-p+/lambda+), P+ = q+.p+;
  z = P- - P+ + margin; DR = tau*softplus(L z)/L; s = tau*sigmoid(L z);
  dDR/dp- = s q- (1 + (p- - P-)/lambda-);  dDR/dp+ = -s q+ (1 - (p+ - P+)/lambda+);
  dDR/dx = dDR/dp * p (1 - p).
"""
import argparse
import json
import math
import statistics
import sys
import time

import numpy as np


def sigmoid(x):
    """Stable elementwise sigmoid: exp only of -|x|."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def softplus_scalar(a):
    return max(a, 0.0) + math.log1p(math.exp(-abs(a)))


def sigmoid_scalar(a):
    if a >= 0:
        return 1.0 / (1.0 + math.exp(-a))
    e = math.exp(a)
    return e / (1.0 + e)


def softmax_mean(a, p):
    """q = softmax(a) (max-subtracted) and the q-weighted mean of p."""
    q = np.exp(a - a.max())
    q /= q.sum()
    return q, float(q @ p)


def dr_loss_and_grad(logits, targets, K, prm):
    """DR loss (official SigmoidDRLoss semantics) and dDR/dlogits, both float64."""
    R = targets.shape[0]
    x = logits.reshape(R, K)
    p = sigmoid(x)
    pos = targets[:, None] == np.arange(1, K + 1, dtype=targets.dtype)[None, :]
    neg = (targets[:, None] >= 0) & ~pos
    pp = p[pos]
    pn = p[neg]
    lam_pos, lam_neg = prm["lambdaPos"], prm["lambdaNeg"]
    if pn.size:
        qn, p_minus = softmax_mean(pn / lam_neg, pn)
    else:
        p_minus = 0.0  # the code's softmax of an empty tensor sums to 0
    if pp.size:
        qp, p_plus = softmax_mean(-pp / lam_pos, pp)
    else:
        p_plus = 1.0
    z = p_minus - p_plus + prm["margin"]
    L, tau = prm["L"], prm["tau"]
    loss = tau * softplus_scalar(L * z) / L
    s = tau * sigmoid_scalar(L * z)
    grad_p = np.zeros_like(p)
    if pn.size:
        grad_p[neg] = s * qn * (1.0 + (pn - p_minus) / lam_neg)
    if pp.size:
        grad_p[pos] = -s * qp * (1.0 - (pp - p_plus) / lam_pos)
    return loss, (grad_p * p * (1.0 - p)).reshape(-1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--logits", required=True)
    ap.add_argument("--targets", required=True)
    ap.add_argument("--K", type=int, default=1)
    ap.add_argument("--params", required=True, help="JSON: margin, lambdaPos, lambdaNeg, L, tau")
    ap.add_argument("--engine-loss", type=float, required=True)
    ap.add_argument("--engine-grad", required=True, help="the engine's dDR/dlogits, float64")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-check", action="store_true", help="time only (the check ran in an earlier block)")
    args = ap.parse_args()
    prm = json.loads(args.params)

    logits = np.fromfile(args.logits, dtype="<f8")
    targets = np.fromfile(args.targets, dtype="<i4")
    engine_grad = np.fromfile(args.engine_grad, dtype="<f8")

    loss, grad = dr_loss_and_grad(logits, targets, args.K, prm)
    rel = abs(loss - args.engine_loss) / max(abs(args.engine_loss), 1e-300)
    grad_scale = max(float(np.max(np.abs(engine_grad))), 1e-300)
    grad_rel = float(np.max(np.abs(grad - engine_grad))) / grad_scale
    ok = rel <= 1e-9 and grad_rel <= 1e-9
    if not args.skip_check:
        print(
            f"  numpy check N={logits.size}: loss numpy {loss!r} engine {args.engine_loss!r} "
            f"rel diff {rel:.2e}; grad max diff / max|grad| {grad_rel:.2e} -> {'ok' if ok else 'MISMATCH'}"
        )
    del engine_grad, grad

    times = []
    for i in range(args.warmup + args.runs):
        t0 = time.perf_counter()
        dr_loss_and_grad(logits, targets, args.K, prm)
        dt = (time.perf_counter() - t0) * 1e3
        if i >= args.warmup:
            times.append(dt)
    print(json.dumps({"ok": ok, "loss": loss, "relDiff": rel, "gradRelDiff": grad_rel,
                      "medianMs": statistics.median(times), "runs": len(times), "timesMs": times}))
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
