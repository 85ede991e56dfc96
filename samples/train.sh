#!/bin/sh
# A stand-in for a training script in plain sh and awk (no Python needed): ten "epochs", each
# printing a log line and reporting its loss, then the final loss. Used by samples/shell.yaml.
#   sh train.sh LR LAYERS      (TUNELAB_EPOCH_SECONDS sets the time per epoch, 0.4 s by default)
lr=$1
layers=$2
echo "training with lr=$lr layers=$layers"
for epoch in 1 2 3 4 5 6 7 8 9 10; do
  sleep "${TUNELAB_EPOCH_SECONDS:-0.4}"
  loss=$(awk -v lr="$lr" -v l="$layers" -v e="$epoch" \
    'BEGIN { x = log(lr) / log(10) + 2.5; printf "%.5f", (x * x + (l - 4) * (l - 4) / 8 + 0.2) * (1 + 2 / e) }')
  echo "epoch $epoch/10 loss $loss"
  echo "@tunelab {\"step\": $epoch, \"value\": $loss}"
done
echo "@tunelab {\"value\": $loss}"
