# bash completion for mineflow: commands, each command's options (read from `mineflow CMD --help`,
# so they never drift from the program), option values (from `mineflow __complete OPTION`) and
# bundled names (from `mineflow list --format csv`).
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
    -*)
      # Values from the program's own tables (mineflow __complete), so they cannot drift: --method,
      # --stability, --production, --target, --format, --lang, --vintage, ...; --policy from the
      # scenario on the line. Nothing printed: the option takes free text or a file.
      local values
      values=$("$program" __complete "$prev" "${COMP_WORDS[@]:1}" 2>/dev/null)
      if [[ -n $values ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
        # A form that waits for its number (p_shortage<=) takes no space after it.
        if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[:=] ]]; then
          compopt -o nospace 2>/dev/null
        fi
        return
      fi ;;
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
