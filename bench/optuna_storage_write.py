"""Optuna's side of the storage write benchmark: the same trials TuneLab's `bench-storage write` writes.

Each trial has 10 parameters (float linear/log/step, int linear/log/step, 3 categoricals, another float)
and 20 intermediate values, sampled by RandomSampler into a fresh SQLite file.

    /usr/bin/python3 bench/optuna_storage_write.py TRIALS FILE.db
"""
import sys
import time

import optuna


def objective(trial):
    trial.suggest_float("f_lin", -5, 5)
    trial.suggest_float("f_log", 1e-5, 1e-1, log=True)
    trial.suggest_float("f_step", 0, 1, step=0.05)
    trial.suggest_int("i_lin", 0, 100)
    trial.suggest_int("i_log", 1, 1024, log=True)
    trial.suggest_int("i_step", 16, 256, step=16)
    trial.suggest_categorical("c_str", ["sgd", "adam", "rmsprop"])
    trial.suggest_categorical("c_bool", [True, False])
    trial.suggest_categorical("c_num", [1, 2.5, None])
    x = trial.suggest_float("f_other", 0, 1)
    for step in range(20):
        trial.report(x / (step + 1), step)
    return x


def main():
    trials, path = int(sys.argv[1]), sys.argv[2]
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(storage="sqlite:///" + path, sampler=optuna.samplers.RandomSampler(seed=1))
    start = time.perf_counter()
    study.optimize(objective, n_trials=trials)
    elapsed = time.perf_counter() - start
    print(f"optuna {optuna.__version__}: {trials} trials in {elapsed:.2f} s, "
          f"{1000 * elapsed / trials:.1f} ms per trial, {trials / elapsed:.1f} trials/s")


if __name__ == "__main__":
    main()
