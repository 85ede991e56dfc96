# Debian's Optuna 3.1 on one public function (../shared/bench/functions.md): best value after BUDGET
# trials for seeds FIRST..LAST-1, with median and quartiles of the simple regret. Used to check how
# much a 20-seed median moves (docs/benchmarks.md, "Where we lose or tie").
# Run: /usr/bin/python3 bench/samplers/optuna_quality.py tpe ackley10 0 120 50
import math, statistics, sys
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

FUNCTIONS = {
    "branin": ([(-5, 10), (0, 15)], 0.39788735772973816, lambda x: (
        (x[1] - 5.1 / (4 * math.pi ** 2) * x[0] ** 2 + 5 / math.pi * x[0] - 6) ** 2
        + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x[0]) + 10)),
    "rosenbrock10": ([(-5, 10)] * 10, 0.0, lambda x: sum(
        100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(9))),
    "ackley10": ([(-32.768, 32.768)] * 10, 0.0, lambda x: (
        -20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / 10))
        - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / 10) + 20 + math.e)),
    "styblinski_tang10": ([(-5, 5)] * 10, -391.6616570377142, lambda x: 0.5 * sum(
        v ** 4 - 16 * v ** 2 + 5 * v for v in x)),
}
SAMPLERS = {
    "tpe": lambda s: optuna.samplers.TPESampler(seed=s),
    "tpe_mv": lambda s: optuna.samplers.TPESampler(seed=s, multivariate=True),
    "cmaes": lambda s: optuna.samplers.CmaEsSampler(seed=s),
    "sep_cmaes": lambda s: optuna.samplers.CmaEsSampler(seed=s, use_separable_cma=True),
    "random": lambda s: optuna.samplers.RandomSampler(seed=s),
}

sampler, function, first, last, budget = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
bounds, minimum, f = FUNCTIONS[function]
regrets = []
for seed in range(first, last):
    study = optuna.create_study(sampler=SAMPLERS[sampler](seed))
    study.optimize(lambda t: f([t.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]), n_trials=budget)
    regrets.append(study.best_value - minimum)
q = statistics.quantiles(regrets, n=4)
print(f"{sampler} {function} seeds {first}..{last - 1} budget {budget}: median {statistics.median(regrets):.4g} [{q[0]:.4g}, {q[2]:.4g}]")
