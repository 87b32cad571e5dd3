#!/bin/sh
# Time and peak memory of the CLI on the large bad inputs: the numbers in docs/reliability.md.
#   tests/reliability/measure_limits.sh [BUILD_DIR]     (default build/release)
# Needs an optimised build with tests (for make_bad_inputs) and GNU time (/usr/bin/time).
set -eu
build=${1:-build/release}
cli=$build/bin/dyad
[ -x "$cli" ] || cli=$(find "$build" -path '*/bin/dyad' -type f | head -n 1)
gen=$(find "$build" -name dyad_make_bad_inputs -type f | head -n 1)
[ -x "$cli" ] && [ -n "$gen" ] || { echo "measure_limits: no dyad CLI or dyad_make_bad_inputs under $build" >&2; exit 2; }
dir=$build/reliability-measure
"$gen" "$dir"
out=$(mktemp)
trap 'rm -f "$out" "$out.time"' EXIT

row() {  # row LABEL ARGS...
  label=$1
  shift
  /usr/bin/time -v -o "$out.time" "$cli" "$@" >"$out" 2>/dev/null || true
  secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out.time")
  printf '| %s | %s | %s MB | %s MB |\n' "$label" "$secs" "$((rss / 1024))" \
    "$(wc -c <"$out" | awk '{printf "%.1f", $1 / 1000000}')"
}

echo "| input | wall time | peak RSS | output |"
echo "|---|---|---|---|"
for f in news_1mb news_10mb news_16mib repeated_sentence_10mb; do
  row "$f" extract "$dir/$f.txt"
  row "$f --no-tokens" extract --no-tokens "$dir/$f.txt"
done
row "news_10mb --pretty" extract --pretty "$dir/news_10mb.txt"
row "news_over_16mib (refused)" extract "$dir/news_over_16mib.txt"
for f in word_200k word_200k_capital capitalised_words_1mb all_caps_1mb initials_1mb single_letter_words_1mb \
         invalid_every_other_byte_1mb nul_bytes_1mb emoji_zwj_1mb; do
  row "$f" extract "$dir/$f.txt"
done
# One sentence with no end, dense with events: time grows with the square of its length.
for mb in 1 2 4; do
  head -c $((mb * 1000000)) "$dir/one_sentence_speech_10mb.txt" >"$dir/one_sentence_speech_${mb}mb.txt"
  row "one_sentence_speech_${mb}mb --no-tokens" extract --no-tokens "$dir/one_sentence_speech_${mb}mb.txt"
done
"$cli" extract "$dir/news_1mb.txt" >"$dir/news_1mb.json" 2>/dev/null
row "validate news_1mb.json" validate "$dir/news_1mb.json"
row "validate text_16mib.json" validate "$dir/text_16mib.json"
row "validate mentions_100k_duplicate.json" validate "$dir/mentions_100k_duplicate.json"
row "validate deep_arrays_10000.json" validate "$dir/deep_arrays_10000.json"
