#!/usr/bin/env python3
"""A real training run for TuneLab: scikit-learn's MLP on the bundled digits dataset (8x8 images,
1,797 samples), one epoch at a time, reporting validation accuracy after each epoch.
Needs Debian's scikit-learn (apt-get install python3-sklearn).
    python3 sklearn_mlp.py --lr 0.001 --hidden 64 --alpha 1e-4 --solver adam [--momentum 0.9] [--epochs 30]
"""
import argparse
import warnings

from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

import tunelab_report as tl

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, required=True)
parser.add_argument("--hidden", type=int, required=True)
parser.add_argument("--alpha", type=float, default=1e-4)
parser.add_argument("--solver", choices=["adam", "sgd"], default="adam")
parser.add_argument("--momentum", type=float, default=0.9)
parser.add_argument("--epochs", type=int, default=30)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()

X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, random_state=args.seed, stratify=y)
scaler = StandardScaler().fit(X_train)
X_train, X_val = scaler.transform(X_train), scaler.transform(X_val)

model = MLPClassifier(hidden_layer_sizes=(args.hidden,), learning_rate_init=args.lr, alpha=args.alpha,
                      solver=args.solver, momentum=args.momentum, batch_size=64, random_state=args.seed)
classes = sorted(set(y))
accuracy = 0.0
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    for epoch in range(args.epochs):
        model.partial_fit(X_train, y_train, classes=classes)
        accuracy = model.score(X_val, y_val)
        print("epoch %d val_acc %.4f" % (epoch, accuracy))
        tl.report(epoch, accuracy)
        if tl.should_prune():
            break
tl.attrs(epochs=epoch + 1, train_accuracy=model.score(X_train, y_train))
tl.finish(accuracy)
