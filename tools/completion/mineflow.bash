# bash completion for mineflow: commands, each command's options (read from `mineflow CMD --help`,
# so they never drift from the program) and bundled names (from `mineflow list --format csv`).
# Installed by `cmake --install build` into share/bash-completion/completions/mineflow; to try it
# from a checkout: source tools/completion/mineflow.bash

_mineflow_bundled() {  # $1: kind column of `mineflow list --format csv` (a regex)
  "$2" list --format csv 2>/dev/null | awk -F, -v kind="$1" 'NR > 1 && $1 ~ kind { print $2 }'
}

_mineflow() {
  local cur prev program command
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  program=${COMP_WORDS[0]}
  if [[ $COMP_CWORD -eq 1 ]]; then
    local commands
    commands=$("$program" --help 2>/dev/null | awk '/^commands:/ { on = 1; next } on && NF { print $1 }')
    mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
    return
  fi
  command=${COMP_WORDS[1]}
  case $prev in
    --out | --html | --checkpoint)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    --data-dir)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return ;;
    --format) mapfile -t COMPREPLY < <(compgen -W "table csv json" -- "$cur"); return ;;
    --lang) mapfile -t COMPREPLY < <(compgen -W "en ja" -- "$cur"); return ;;
    --vintage) mapfile -t COMPREPLY < <(compgen -W "latest seed" -- "$cur"); return ;;
  esac
  if [[ $cur == -* ]]; then
    local options
    options=$("$program" "$command" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  local kind
  case $command in
    run | stockpile | criticality) kind='scenario' ;;
    mfa) kind='^mfa_model$' ;;
    indicators | report) kind='^mineral$' ;;
    *) return ;;
  esac
  mapfile -t COMPREPLY < <(compgen -W "$(_mineflow_bundled "$kind" "$program")" -- "$cur")
  # Files too: every command takes a path where it takes a bundled name.
  mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -X '!*.yaml' -- "$cur")
  mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "$cur")
}
complete -o filenames -o bashdefault -F _mineflow mineflow
