#!/usr/bin/env bash
# Fuzzes the JSON and YAML readers (and the writers' round trips) with libFuzzer for a bounded
# time, starting from the seed corpus in Fuzz/corpus/.
#
# Usage: Fuzz/run.sh [SECONDS]     (default: 60)
#
# Builds Fuzz/ (a small package that depends on the main one by path) in release mode with
# -sanitize=fuzzer,address into Fuzz/.build, then runs the harness. New interesting inputs go
# to Fuzz/corpus-work/ (ignored by git), crash reproducers to Fuzz/.build/artifacts/.
# Exits 0 when no crash, hang or failed round trip was found in the time given.
set -euo pipefail

seconds="${1:-60}"
case "$seconds" in
    '' | *[!0-9]*)
        echo "usage: $0 [SECONDS]" >&2
        exit 2
        ;;
esac

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scratch="$fuzz_dir/.build"
work_corpus="$fuzz_dir/corpus-work"
artifacts="$scratch/artifacts"

echo "==> Building the fuzzer (release, -sanitize=fuzzer,address)"
# lld: gold cannot link the sanitized executable.
swift build --package-path "$fuzz_dir" --scratch-path "$scratch" -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
binary="$(swift build --package-path "$fuzz_dir" --scratch-path "$scratch" -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --show-bin-path)/ManifestFuzzer"

mkdir -p "$work_corpus" "$artifacts"
log="$scratch/fuzz.log"
echo "==> Fuzzing for ${seconds}s (log: $log)"
status=0
"$binary" \
    -max_total_time="$seconds" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -max_len=16384 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/" \
    "$work_corpus" "$fuzz_dir/corpus" >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
    tail -n 80 "$log" >&2
    echo "==> The fuzzer found a problem (exit $status); the input is in $artifacts/" >&2
    exit "$status"
fi
grep -E '^(Done|stat::)' "$log" || true
echo "==> Fuzzing found no crash in ${seconds}s"
