"""The official SigmoidDRLoss (idstcv/DR_loss, sigmoid_dr_loss.py), retyped for the tests of the
generated pytest file; used by tests/check/pytest.test.ts only when PyTorch is installed."""

import math

import torch
import torch.nn.functional as F
from torch import nn


class SigmoidDRLoss(nn.Module):
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


class PositiveSignDRLoss(SigmoidDRLoss):
    """The seed blog's sign error: softmax(+p/λ+) for the positives."""

    def forward(self, logits, targets):
        num_classes = logits.shape[1]
        class_range = torch.arange(1, num_classes + 1, dtype=targets.dtype).unsqueeze(0)
        t = targets.unsqueeze(1)
        pos_prob = logits[t == class_range].sigmoid()
        neg_prob = logits[(t != class_range) * (t >= 0)].sigmoid()
        neg_dist = torch.sum(F.softmax(neg_prob / self.neg_lambda, dim=0) * neg_prob)
        pos_dist = torch.sum(F.softmax(pos_prob / self.pos_lambda, dim=0) * pos_prob) if pos_prob.numel() > 0 else 1.0
        return self.tau * torch.log(1.0 + torch.exp(self.L * (neg_dist - pos_dist + self.margin))) / self.L
