#!/usr/bin/env bash
# Unpacks the .deb built by `mvn -Pinstaller package` into a scratch root, starts the installed app
# under Xvfb with a fresh home, and waits for a window titled "TuneLab ...". Exits non-zero when none
# appears within 15 s. Run from the project root; needs xvfb, xauth and xdotool.
set -euo pipefail
deb=$(find target/installer -maxdepth 1 -name '*.deb' | head -n 1)
[ -n "$deb" ] || { echo "check-installed-app: no .deb under target/installer (run mvn -Pinstaller package)" >&2; exit 1; }
root=$(mktemp -d)
home=$(mktemp -d)
trap 'rm -rf "$root" "$home"' EXIT
dpkg-deb -x "$deb" "$root"
exe="$root/opt/tunelab/bin/TuneLab"
[ -x "$exe" ] || { echo "check-installed-app: $deb has no opt/tunelab/bin/TuneLab" >&2; exit 1; }
echo "check-installed-app: $(basename "$deb") is $(( $(stat -c %s "$deb") / 1048576 )) MB"
HOME="$home" xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '
  "$0" >/dev/null 2>&1 & app=$!
  for i in $(seq 1 30); do
    sleep 0.5
    if xdotool search --name "^TuneLab" >/dev/null 2>&1; then
      echo "check-installed-app: window \"$(xdotool search --name "^TuneLab" getwindowname | head -n 1)\" after $i half-seconds"
      kill $app; exit 0
    fi
  done
  kill $app; echo "check-installed-app: no TuneLab window within 15 s" >&2; exit 1' "$exe"
