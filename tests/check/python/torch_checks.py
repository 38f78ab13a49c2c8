"""Prints a JSON array of checks for `dr check`: random cases of 10^5 entries with the official
SigmoidDRLoss (sigmoid_dr_loss_torch.py) run by PyTorch in float32 and float64, and a float32 port
with positive-sign; used by tests/check/pytest.test.ts when PyTorch is installed."""

import json
import sys

import numpy as np
import torch

from sigmoid_dr_loss_torch import PositiveSignDRLoss, SigmoidDRLoss

rng = np.random.default_rng(2020)
checks = []
for R, K, scale, cls, dtype in [
    (25000, 4, 2.0, SigmoidDRLoss, torch.float32),
    (100000, 1, 8.0, SigmoidDRLoss, torch.float32),
    (25000, 4, 2.0, SigmoidDRLoss, torch.float64),
    (25000, 4, 2.0, PositiveSignDRLoss, torch.float32),
]:
    logits = rng.normal(0.0, scale, (R, K))
    v = rng.random(R)
    targets = np.where(v < 0.05, -1, np.where(v < 0.1, rng.integers(1, K + 1, R), 0))
    x = torch.tensor(logits, dtype=dtype, requires_grad=True)
    loss = cls()(x, torch.tensor(targets))
    loss.backward()
    yours = {"loss": float(loss), "grad": x.grad.double().numpy().tolist()}
    checks.append({"logits": logits.tolist(), "targets": targets.tolist(), "yours": yours})
json.dump(checks, sys.stdout)
