#!/usr/bin/env bash
# Builds the same generated content with `hugo --minify` (Debian's hugo
# package) and `gongshi build`, alternating, and times a plain `cp -r` of
# gongshi's output as the floor set by writing the bytes. Prints each run's
# wall time and peak memory, then the medians and ratios.
#
#   bash bench/compare-build.sh 10000 50000
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hugo >/dev/null || { echo "hugo not found: apt-get install hugo" >&2; exit 1; }
rounds=${ROUNDS:-3}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gongshi" ./cmd/gongshi
go build -o "$work/corpus" ./bench/corpus
hugo version
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"

# measure NAME COMMAND...: appends "seconds maxRSS-KiB" to $work/NAME.
measure() {
	local name=$1
	shift
	/usr/bin/time -f "%e %M" -o "$work/last" "$@" >/dev/null 2>&1
	cat "$work/last" >>"$work/$name"
	echo "  $name: $(cut -d' ' -f1 "$work/last") s, $(( $(cut -d' ' -f2 "$work/last") / 1024 )) MiB"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${@:-10000}"; do
	echo "== $n pages, $rounds rounds"
	"$work/corpus" -pages "$n" -out "$work/c$n" -repo . >/dev/null
	rm -f "$work/hugo" "$work/gongshi-build" "$work/copy"
	for round in $(seq "$rounds"); do
		rm -rf "$work/out-h" "$work/out-g" "$work/out-c"
		measure hugo hugo --minify --quiet -s "$work/c$n/hugo" -d "$work/out-h"
		measure gongshi-build "$work/gongshi" build --source "$work/c$n/gongshi" --dest "$work/out-g" --as-of 2025-12-31
		measure copy cp -r "$work/out-g" "$work/out-c"
	done
	h=$(cut -d' ' -f1 "$work/hugo" | median); hm=$(cut -d' ' -f2 "$work/hugo" | median)
	g=$(cut -d' ' -f1 "$work/gongshi-build" | median); gm=$(cut -d' ' -f2 "$work/gongshi-build" | median)
	c=$(cut -d' ' -f1 "$work/copy" | median)
	echo "median: hugo ${h} s ($((hm / 1024)) MiB), gongshi ${g} s ($((gm / 1024)) MiB), cp -r ${c} s"
	awk -v h="$h" -v g="$g" -v c="$c" -v hm="$hm" -v gm="$gm" 'BEGIN {
		printf "ratio: hugo/gongshi time %.2f, gongshi/hugo memory %.2f, gongshi/cp %.2f\n", h/g, gm/hm, g/c }'
done
