#!/usr/bin/env bash
# The bash completion (tools/completion/mineflow.bash) against the built program (ctest:
# completion): commands, options from --help, bundled names per command, and `cmake --install`
# putting program and completion in place.
#   tests/completion_test.sh MINEFLOW_BINARY COMPLETION_SCRIPT BUILD_DIR
set -uo pipefail
binary=$(realpath "$1")
source "$2"
build=$(realpath "$3")
status=0

# complete_words WORD...: COMPREPLY for the last word, as bash would compute it.
complete_words() {
  COMP_WORDS=("$binary" "$@")
  COMP_CWORD=$(($# ))
  COMPREPLY=()
  _mineflow
  printf '%s\n' "${COMPREPLY[@]}"
}
expect() {  # expect DESCRIPTION WANTED -- WORD...
  local description=$1 wanted=$2
  shift 3
  if ! complete_words "$@" | grep -x -- "$wanted" >/dev/null; then  # no -q: a closed pipe fails
    echo "completion: $description: '$wanted' not offered for: $*"; status=1
  fi
}
refuse() {  # refuse DESCRIPTION UNWANTED -- WORD...
  local description=$1 unwanted=$2
  shift 3
  if complete_words "$@" | grep -x -- "$unwanted" >/dev/null; then
    echo "completion: $description: '$unwanted' offered for: $*"; status=1
  fi
}

cd "$(mktemp -d)"
expect "commands" list -- l
expect "commands" stockpile -- st
expect "options from --help" --trials -- run --tr
expect "options from --help" --bases -- indicators --ba
expect "option values" json -- list --format j
# Option values from the parser's tables (mineflow __complete), not file names.
expect "method values" meti -- indicators --method ""
expect "method values" geopolrisk -- indicators --method ""
expect "stability values" wgi_pv -- indicators --stability wgi_p
expect "production values" seed -- indicators --production s
expect "production values" wmd:2022 -- indicators --production wmd
expect "target forms" "p_shortage<=0.05" -- stockpile cobalt_background --target p_
expect "target forms" "unmet_pct<=" -- stockpile --target unmet_p
expect "lang values" ja -- report --lang ""
expect "vintage values" seed -- indicators --vintage ""
expect "policy names of the scenario" stockpile_60 -- run cobalt_drc_supply_cut --policy s
expect "policy names of the scenario" none -- criticality cobalt_drc_supply_cut --policy ""
touch meti_notes.yaml  # a file completion would offer after --method m
refuse "values, not files" meti_notes.yaml -- indicators --method m
expect "values, not files" meti -- indicators --method m
# Each table's values are exactly what the parser names in its error (they cannot drift).
for option in --method --stability --oth --volatility --secondary-definition --vintage; do
  bad=$("$binary" indicators cobalt "$option" no_such_value 2>&1 >/dev/null)
  offered=$(complete_words indicators "$option" "" | paste -sd, | sed 's/,/, /g')
  [[ $bad == *"expected one of: $offered" ]] ||
    { echo "completion: $option offers '$offered' but the parser says: $bad"; status=1; }
done
# ... and every value offered is one the parser accepts.
for option in --method --stability --oth --volatility --secondary-definition --vintage; do
  for value in $(complete_words indicators "$option" ""); do
    "$binary" indicators cobalt "$option" "$value" >/dev/null 2>&1 ||
      { echo "completion: $option $value offered but refused"; status=1; }
  done
done
bad=$("$binary" report cobalt --out x --lang xx 2>&1 >/dev/null)
[[ $bad == *"expected one of: $(complete_words report --lang "" | paste -sd, | sed 's/,/, /g')" ]] ||
  { echo "completion: --lang differs from the parser: $bad"; status=1; }
"$binary" --help | grep -q __complete && { echo "completion: __complete listed in --help"; status=1; }
expect "scenario names" cobalt_drc_supply_cut -- run cobalt_d
expect "scenario names" cobalt_drc_supply_cut -- criticality cobalt_d
expect "background scenarios" tungsten_background -- stockpile tungsten_b
expect "stock-flow models" tungsten_policy -- mfa tungsten_p
refuse "models are not scenarios" tungsten_policy -- run tungsten_p
expect "mineral names" rare_earths -- indicators rare
expect "mineral names" copper -- report --out x co

prefix=$(mktemp -d)
if cmake --install "$build" --prefix "$prefix" >/dev/null; then
  [[ -x $prefix/bin/mineflow ]] || { echo "install: no bin/mineflow"; status=1; }
  [[ -f $prefix/share/bash-completion/completions/mineflow ]] ||
    { echo "install: no share/bash-completion/completions/mineflow"; status=1; }
else
  echo "install: cmake --install failed"; status=1
fi
rm -rf "$prefix"
[[ $status -eq 0 ]] && echo "completion: all checks passed"
exit $status
