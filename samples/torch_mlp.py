#!/usr/bin/env python3
"""A real PyTorch (CPU) training run for TuneLab: a small MLP on the digits dataset, reporting
validation loss every epoch. Needs Debian's PyTorch and scikit-learn (for the bundled dataset):
apt-get install python3-torch python3-sklearn.
    python3 torch_mlp.py --lr 0.01 --hidden 64 --dropout 0.1 [--epochs 20]
"""
import argparse

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import tunelab_report as tl

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, required=True)
parser.add_argument("--hidden", type=int, required=True)
parser.add_argument("--dropout", type=float, default=0.0)
parser.add_argument("--epochs", type=int, default=20)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()

torch.manual_seed(args.seed)
torch.set_num_threads(1)
X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X / 16.0, y, test_size=0.25, random_state=args.seed, stratify=y)
X_train, X_val = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_val, dtype=torch.float32)
y_train, y_val = torch.tensor(y_train), torch.tensor(y_val)

model = torch.nn.Sequential(torch.nn.Linear(64, args.hidden), torch.nn.ReLU(), torch.nn.Dropout(args.dropout),
                            torch.nn.Linear(args.hidden, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
loss_fn = torch.nn.CrossEntropyLoss()
val_loss = float("inf")
for epoch in range(args.epochs):
    model.train()
    for batch in torch.randperm(len(X_train)).split(64):
        optimizer.zero_grad()
        loss_fn(model(X_train[batch]), y_train[batch]).backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        logits = model(X_val)
        val_loss = loss_fn(logits, y_val).item()
        accuracy = (logits.argmax(1) == y_val).float().mean().item()
    tl.report(epoch, val_loss)
    if tl.should_prune():
        break
tl.attrs(val_accuracy=accuracy, device="cpu")
tl.finish(val_loss)
