# Shared by the MPI test scripts: arguments, a scratch folder removed on exit, the launcher.
#   usage (sourced): SCRIPT MINEFLOW MPIEXEC SCENARIOS_DIR
bin=$1
mpiexec=$2
scenarios=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# --bind-to none: Open MPI would otherwise pin each rank to one core and oneTBB would see only it.
mpi=("$mpiexec" --oversubscribe --bind-to none)
[[ $(id -u) -eq 0 ]] && mpi+=(--allow-run-as-root)  # CI runs as root
