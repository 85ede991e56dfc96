#!/usr/bin/env bash
# Does pruning pay? Runs samples/curves.yaml with no pruning and with ASHA for several seeds and
# prints, per seed, the total training steps (intermediate values reported) and the best value.
#   bench/pruning.sh [SEEDS] [TRIALS] [PRUNER]
# PRUNER is the spec's pruner entry, by default the one in samples/curves.yaml; e.g.
#   bench/pruning.sh "1 2 3 4 5" 60 "{type: asha}"     (Optuna's defaults)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds=${1:-"1 2 3 4 5"}
trials=${2:-60}
pruner=${3:-$(sed -n 's/^pruner: //p' "$here/samples/curves.yaml")}
work=$(mktemp -d)
cp "$here/samples/curves.py" "$here/samples/tunelab_report.py" "$work/"
ratios=()
printf '%-5s %-10s %8s %12s %-10s %8s %12s %7s\n' seed pruner steps best pruner steps best ratio
for seed in $seeds; do
  row=("$seed")
  for p in none pruned; do
    entry=$([ $p = none ] && echo "{type: none}" || echo "$pruner")
    sed -e "s/seed: 1/seed: $seed/" -e "s/^pruner: .*/pruner: $entry/" \
        -e "s/^trials: .*/trials: $trials/" -e "s|sqlite:///curves.db|sqlite:///$p-$seed.db|" \
        "$here/samples/curves.yaml" > "$work/$p-$seed.yaml"
    (cd "$work" && "$here/tunelab" run --quiet "$p-$seed.yaml" >/dev/null)
    steps=$(sqlite3 "$work/$p-$seed.db" "select count(*) from trial_intermediate_values")
    best=$(sqlite3 "$work/$p-$seed.db" "select printf('%.5f', min(v.value)) from trial_values v join trials t using (trial_id) where t.state='COMPLETE'")
    row+=("$p" "$steps" "$best")
  done
  ratio=$(awk -v a="${row[5]}" -v b="${row[2]}" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  printf '%-5s %-10s %8s %12s %-10s %8s %12s %7s\n' "${row[@]}" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "pruner: $pruner"
echo "median steps ratio pruned/none over seeds [$seeds]: $median"
rm -rf "$work"
