#!/usr/bin/env bash
# Runs the commands of a Markdown tutorial so it cannot rot (ctest: tutorial).
#   tests/tutorial_test.sh MINEFLOW_BINARY docs/tutorial.md [--update]
# Every fenced block opened with ```sh tutorial is run, in order, in one fresh folder, with the
# binary's folder first on PATH (so the tutorial writes `mineflow ...`), under bash -e -o pipefail.
# A line `# expect: TEXT` in a block requires TEXT in that block's output (stdout and stderr);
# numbers in code blocks are not compared; numbers in prose that quotes results are
# (tests/tutorial_prose_check.py). With --update, the ```text block right after each command
# block is replaced by what the commands print now.
set -euo pipefail
binary=$(realpath "$1")
doc=$(realpath "$2")
update=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$binary"):$PATH"

awk -v dir="$work" '
  /^```sh tutorial/ { n++; file = sprintf("%s/block_%02d.sh", dir, n); inside = 1; printf "" > file; next }
  inside && /^```/ { inside = 0; close(file); next }
  inside { print > file }' "$doc"

status=0
mkdir "$work/run"
for block in "$work"/block_*.sh; do
  name=$(basename "$block" .sh)
  if ! (cd "$work/run" && bash -e -o pipefail "$block") >"$work/$name.out" 2>&1; then
    echo "tutorial: $name failed:"; sed 's/^/  | /' "$block"; sed 's/^/  > /' "$work/$name.out"
    status=1
    continue
  fi
  while IFS= read -r expected; do
    if ! grep -qF -- "$expected" "$work/$name.out"; then
      echo "tutorial: $name: output lacks '$expected'"; sed 's/^/  | /' "$block"; status=1
    fi
  done < <(sed -n 's/^# expect: //p' "$block")
done
# Numbers in prose that quotes results (tests/tutorial_prose_check.py says which and how).
if [[ "$update" != "--update" ]]; then
  python3 "$(dirname "$(realpath "$0")")/tutorial_prose_check.py" "$doc" "$work" || status=1
fi
[[ $status -ne 0 || "$update" != "--update" ]] && { [[ $status -eq 0 ]] && echo "tutorial: $(ls "$work"/block_*.sh | wc -l) blocks ran"; exit $status; }

# --update: rewrite the ```text block after each command block with the fresh output.
awk -v dir="$work" '
  /^```sh tutorial/ { n++; inside = 1; print; next }
  inside && /^```/ { inside = 0; print; pending = 1; next }
  pending && /^```text/ {
    print; file = sprintf("%s/block_%02d.out", dir, n)
    while ((getline line < file) > 0) print line
    close(file); skipping = 1; pending = 0; next }
  skipping && /^```/ { skipping = 0; print; next }
  skipping { next }
  /^[^[:space:]]/ { pending = 0 }
  { print }' "$doc" >"$work/doc.md"
cp "$work/doc.md" "$doc"
echo "tutorial: outputs updated in $doc"
