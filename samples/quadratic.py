#!/usr/bin/env python3
"""A stand-in for a training script: reports intermediate values, then its objective value.

TuneLab reads lines that start with "@tunelab " followed by JSON:
  @tunelab {"step": 3, "value": 0.5}   an intermediate value at a step
  @tunelab {"value": 0.93}             the objective value (the last such line counts)
"""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("--x", type=float, required=True)
parser.add_argument("--layers", type=int, required=True)
parser.add_argument("--activation", choices=["relu", "tanh"], required=True)
args = parser.parse_args()

penalty = 0.5 if args.activation == "tanh" else 0.0
value = (args.x - 2.0) ** 2 + 0.1 * args.layers + penalty
for step in range(3):
    print("@tunelab " + json.dumps({"step": step, "value": value * (3 - step)}), flush=True)
print("training done")
print("@tunelab " + json.dumps({"value": value}))
