#!/usr/bin/env bash
# Compares the edit-to-served latency of `gongshi serve` and `hugo server`
# (Debian's hugo package) on the same generated content, side by side.
#
#   bash bench/compare-serve.sh 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hugo >/dev/null || { echo "hugo not found: apt-get install hugo" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gongshi" ./cmd/gongshi
go build -o "$work/latency" ./bench/latency
go build -o "$work/corpus" ./bench/corpus
hugo version
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

for n in "${@:-1000 10000}"; do
	echo "== $n pages"
	"$work/corpus" -pages "$n" -out "$work/c$n" -repo . >/dev/null
	for round in 1 2; do
		"$work/latency" -name "gongshi serve (round $round)" -site "$work/c$n/gongshi" -port 18080 \
			-server "$work/gongshi serve --source $work/c$n/gongshi --port 18080 --as-of 2025-12-31"
		"$work/latency" -name "hugo server (round $round)" -site "$work/c$n/hugo" -port 18081 \
			-server "cd $work/c$n/hugo && hugo server --port 18081 --bind 127.0.0.1 --baseURL http://127.0.0.1:18081/ --disableLiveReload"
	done
done
