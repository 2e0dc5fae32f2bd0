#!/usr/bin/env bash
# app-start.sh: launch → first painted heatmap of the packaged desktop app, on a private virtual display.
#
#   modules/bench/app-start.sh [RUNS]        (from the project root, after mvn package; RUNS defaults to 5)
#
# Each "fresh" run starts with a new, empty user directory and a new, empty cache directory (the first start after
# installing). The platform then reads the module, layer and resource caches the build shipped in the installation
# (liqlens/var/cache, made by PlatformCachesBuild); a "fresh, no shipped caches" run, interleaved with it, tells the
# platform to ignore them (-J-Dnetbeans.fallback.cache=none) and so builds them itself, as before the build shipped
# them. Each "warm" run reuses one user and cache directory that a previous run has started and closed (the
# platform's caches are in place). The app writes one line to its log when the first
# heatmap has been drawn (StartupTrace in desktop-panes, with the wall-clock instant); the time is from just
# before the launcher script starts to that instant. Prints every run and the medians.
set -u
runs=${1:-5}
launcher=application/target/liqlens/bin/liqlens
[[ -x $launcher ]] || { echo "app-start: no $launcher: run mvn package first" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "app-start: Xvfb is missing (apt-get install xvfb)" >&2; exit 2; }
marker="LiqLens start-up: first heatmap painted"

for n in $(seq 150 199); do [[ -e /tmp/.X$n-lock ]] || { display=:$n; break; }; done
Xvfb "$display" -screen 0 1680x1050x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() { [[ -n $app ]] && kill -- -"$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT
sleep 1

# one launch: DIR (its user directory DIR/user, its cache directory DIR/cache), seconds to wait after the first
# painted heatmap, extra launcher options; prints the milliseconds to the first painted heatmap, or "timeout"
launch() {
  local dir=$1 settle=$2 log t0 painted userdir
  shift 2
  userdir=$dir/user
  log=$userdir/var/log/messages.log
  [[ -f $log ]] && mv "$log" "$log.prev"
  t0=$(date +%s%3N)
  DISPLAY=$display setsid "$launcher" --userdir "$userdir" --cachedir "$dir/cache" "$@" >/dev/null 2>&1 &
  app=$!
  painted=
  for _ in $(seq 1 1200); do
    painted=$(grep -h "$marker" "$log" 2>/dev/null | sed -n 's/.* at \([0-9]*\) (epoch ms).*/\1/p' | head -n 1)
    [[ -n $painted ]] && break
    sleep 0.05
  done
  # let the platform write its caches, then close it the way a window manager does (SIGTERM: the shutdown hook
  # saves the window system and the caches), so that the next warm start finds them
  sleep "$settle"
  kill -TERM -- -"$app" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- -"$app" 2>/dev/null
  wait "$app" 2>/dev/null
  app=
  if [[ -n $painted ]]; then echo $((painted - t0)); else echo timeout; fi
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

fresh=() bare=() warm=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  ms=$(launch "$dir" 0)
  echo "fresh, shipped caches, run $i: $ms ms"
  [[ $ms != timeout ]] && fresh+=("$ms")
  rm -rf "$dir"
  dir=$(mktemp -d)
  ms=$(launch "$dir" 0 -J-Dnetbeans.fallback.cache=none)
  echo "fresh, no shipped caches, run $i: $ms ms"
  [[ $ms != timeout ]] && bare+=("$ms")
  rm -rf "$dir"
done
warmdir=$(mktemp -d)
launch "$warmdir" 15 >/dev/null   # the first start fills the caches
for i in $(seq 1 "$runs"); do
  ms=$(launch "$warmdir" 3)
  echo "warm, run $i: $ms ms"
  [[ $ms != timeout ]] && warm+=("$ms")
done
rm -rf "$warmdir"
echo "median launch → first painted heatmap: fresh $(printf '%s\n' "${fresh[@]}" | median) ms (no shipped caches $(printf '%s\n' "${bare[@]}" | median) ms), warm $(printf '%s\n' "${warm[@]}" | median) ms ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
