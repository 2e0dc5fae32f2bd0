#!/usr/bin/env bash
# Whole-process timings of the command line, cold: each case is a new JVM, run RUNS times (default 7), interleaved,
# and the median wall time is printed with its ratio to the process floor (`liqlens-cli --version`), with and
# without the class-data-sharing archive. Not a test: timings on a shared machine vary; compare ratios. "paired" is
# the median over the rounds of each round's case / floor; "--png adds" the median over the rounds of each round's
# heatmap --png minus the same heatmap without it (both with the archive).
#
#   modules/bench/cold.sh [RUNS]          after: mvn -B -o -q package -DskipTests -pl modules/cli -am
#
# Runs modules/cli/target/liqlens-cli (the launcher: AppCDS archive, C1), LIQLENS_CDS=off for the runs without the
# archive, on the futures klines of ../shared/data (NEAR, AVAX, LINK; $LIQLENS_SHARED_DATA to point elsewhere).
# Skips, saying why, when the data or the build is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
data=${LIQLENS_SHARED_DATA:-../shared/data}
cli=modules/cli/target/liqlens-cli
if [ ! -d "$data" ]; then
    echo "cold.sh: skipped: no data folder $data (the shared market data, see ../shared/data/PROVENANCE.md; LIQLENS_SHARED_DATA=DIR)"
    exit 0
fi
if [ ! -x "$cli" ] || [ ! -f modules/cli/target/liqlens-cli.jar ]; then
    echo "cold.sh: skipped: no $cli; build it first: mvn -B -o -q package -DskipTests -pl modules/cli -am"
    exit 0
fi
files=()
for f in binance_um_NEARUSDT-1m-2026-06.csv binance_um_AVAXUSDT-1m-2026-06.csv binance_um_LINKUSDT-1m-2026-02.csv; do
    [ -f "$data/$f" ] && files+=("$data/$f")
done
if [ ${#files[@]} -eq 0 ]; then
    echo "cold.sh: skipped: none of the NEAR/AVAX/LINK klines files in $data"
    exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The archive is made on first use if missing (a few seconds, once): not part of any timing.
"$cli" --version >/dev/null

names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "--version" "--version"
add "levels" "levels --side long --entry 100 --leverage 10"
for f in "${files[@]}"; do
    sym=$(basename "$f" | sed 's/^binance_um_\([A-Z]*\)USDT.*/\1/')
    add "map 3d $sym" "map --source file:$f --model m1 --window 3d"
    add "heatmap 30d $sym" "heatmap --source file:$f --model m1 --window 30d"
    add "heatmap 30d --png $sym" "heatmap --source file:$f --model m1 --window 30d --png $out/h.png --width 1600 --height 900"
done

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>"$out/err" || { echo "cold.sh: failed: $* ($(head -c 300 "$out/err"))" >&2; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

declare -A times
for ((r = 1; r <= runs; r++)); do
    for mode in on off; do
        for i in "${!cmds[@]}"; do
            # shellcheck disable=SC2086
            t=$(LIQLENS_CDS=$mode ms "$cli" ${cmds[$i]})
            times[$mode,$i]="${times[$mode,$i]:-} $t"
        done
    done
done

# Paired figures: the machine's speed drifts within a sitting, and a case and the floor (or a heatmap with and
# without --png) measured in the same round drift together, so the median of the rounds' ratios (differences)
# moves less than the ratio (difference) of the medians.
paired_ratio() {   # case index, floor index: median over rounds of case / floor (with the archive)
    paste -d' ' <(echo "${times[on,$1]}" | tr ' ' '\n' | grep .) <(echo "${times[on,$2]}" | tr ' ' '\n' | grep .) \
        | awk '{printf "%.4f\n", $1 / $2}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}
paired_difference() {   # case index, other index: median over rounds of case - other (with the archive)
    paste -d' ' <(echo "${times[on,$1]}" | tr ' ' '\n' | grep .) <(echo "${times[on,$2]}" | tr ' ' '\n' | grep .) \
        | awk '{print $1 - $2}' | median
}

echo "liqlens-cli, whole process, median of $runs cold runs ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?))"
printf '%-28s %12s %8s %8s %12s %8s %12s\n' "case" "CDS ms" "x floor" "paired" "no CDS ms" "x floor" "--png adds"
floor_on=$(echo "${times[on,0]}" | median); floor_off=$(echo "${times[off,0]}" | median)
for i in "${!cmds[@]}"; do
    on=$(echo "${times[on,$i]}" | median); off=$(echo "${times[off,$i]}" | median)
    adds=
    # a --png case follows the same heatmap without it (see add above): its cost is the difference, round by round
    case ${names[$i]} in *--png*) adds="+$(paired_difference "$i" $((i - 1))) ms" ;; esac
    printf '%-28s %12s %8s %8s %12s %8s %12s\n' "${names[$i]}" "$on" "$(awk -v a="$on" -v b="$floor_on" 'BEGIN {printf "%.2f", a / b}')" \
        "$(paired_ratio "$i" 0)" "$off" "$(awk -v a="$off" -v b="$floor_off" 'BEGIN {printf "%.2f", a / b}')" "$adds"
done
