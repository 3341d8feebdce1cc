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
  if ! complete_words "$@" | grep -qx -- "$wanted"; then
    echo "completion: $description: '$wanted' not offered for: $*"; status=1
  fi
}
refuse() {  # refuse DESCRIPTION UNWANTED -- WORD...
  local description=$1 unwanted=$2
  shift 3
  if complete_words "$@" | grep -qx -- "$unwanted"; then
    echo "completion: $description: '$unwanted' offered for: $*"; status=1
  fi
}

cd "$(mktemp -d)"
expect "commands" list -- l
expect "commands" stockpile -- st
expect "options from --help" --trials -- run --tr
expect "options from --help" --bases -- indicators --ba
expect "option values" json -- list --format j
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
