#!/usr/bin/env python3
"""Synthetic learning curves with realistic shapes, for pruning experiments: fast and deterministic.

The loss after `step` epochs decays from 1.0 towards a floor set by the hyperparameters, at a rate
that grows with the learning rate, with a little deterministic noise; some curves cross (a fast
starter may end worse). Reports every epoch through tunelab_report; stops early when pruned.
    python3 curves.py --lr 0.01 --width 64 [--epochs 81]
"""
import argparse
import math
import random

import tunelab_report as tl

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, required=True)
parser.add_argument("--width", type=int, required=True)
parser.add_argument("--epochs", type=int, default=81)
args = parser.parse_args()

floor = 0.05 + 0.3 * (math.log10(args.lr) + 2.5) ** 2 + 0.2 * (math.log2(args.width) - 6) ** 2 / 9
rate = 0.02 + 0.5 * args.lr ** 0.5
noise = random.Random("%r/%d" % (args.lr, args.width))
loss = 1.0
for epoch in range(args.epochs):
    loss = floor + (1.0 - floor) * math.exp(-rate * (epoch + 1)) * (1 + 0.3 * math.sin(epoch / 5.0) * rate)
    loss += 0.005 * noise.random()
    tl.report(epoch, loss)
    if tl.should_prune():
        break
tl.finish(loss)
