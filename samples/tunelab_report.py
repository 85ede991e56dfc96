"""Report to TuneLab from a training script: the standard library only, copy it next to yours.

    import tunelab_report as tl
    p = tl.params()                      # {"lr": 0.01, ...} from TUNELAB_PARAMS_FILE (or {} outside TuneLab)
    for epoch in range(20):
        acc = train_one_epoch(p["lr"])
        tl.report(epoch, acc)            # @tunelab {"step": epoch, "value": acc}
        if tl.should_prune():            # TuneLab sent SIGTERM: the pruner stopped this trial
            break                        # clean up and leave; the trial ends PRUNED with its last value
    tl.attrs(epochs=epoch + 1)
    tl.finish(acc)                       # @tunelab {"value": acc}

Outside TuneLab the lines are just printed, so the script runs as before. The protocol is plain
text on stdout and works from any language: see the README, "The report protocol".
"""
import json
import math
import os
import signal
import sys

_pruned = False


def _on_term(signum, frame):
    # TuneLab asks a pruned trial to stop with SIGTERM and kills it after a grace period; catching
    # the signal lets the script stop at a clean point instead of dying mid-step.
    global _pruned
    _pruned = True


if os.environ.get("TUNELAB_TRIAL_NUMBER") is not None:
    signal.signal(signal.SIGTERM, _on_term)


def _emit(obj):
    sys.stdout.write("@tunelab " + json.dumps(obj) + "\n")
    sys.stdout.flush()


def params():
    """The trial's parameters, or an empty dict when not run by TuneLab."""
    path = os.environ.get("TUNELAB_PARAMS_FILE")
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def trial_number():
    n = os.environ.get("TUNELAB_TRIAL_NUMBER")
    return None if n is None else int(n)


def report(step, value):
    """An intermediate value; TuneLab's pruner judges the trial on it."""
    _emit({"step": int(step), "value": float(value)})


def should_prune():
    """True once TuneLab told this trial to stop."""
    return _pruned


def attrs(**values):
    """User attributes of the trial (JSON values)."""
    _emit({"attrs": values})


def constraints(*values):
    """Constraint values; > 0 means violated."""
    _emit({"constraints": [float(v) for v in values]})


def finish(*values):
    """The objective value, or one value per objective."""
    if len(values) == 1:
        _emit({"value": float(values[0])})
    else:
        _emit({"values": [float(v) for v in values]})


def is_nan(x):
    return isinstance(x, float) and math.isnan(x)
