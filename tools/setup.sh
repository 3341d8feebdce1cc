#!/usr/bin/env bash
# Installs what mineflow needs from Debian 12 packages; quiet and quick when all is there.
#   tools/setup.sh          build and run the program only (compiler, CMake, libraries)
#   tools/setup.sh --test   also what the tests and benchmarks need (GoogleTest, Google Benchmark,
#                           headless Chromium, CJK fonts, clang with its sanitizer/fuzzer runtime,
#                           Open MPI for the MPI stage, the Python module's pybind11, numpy,
#                           pytest, and pandas/matplotlib for its examples)
set -euo pipefail

packages=(g++ make cmake pkg-config libboost-graph-dev libboost-program-options-dev
  libyaml-cpp-dev libtbb-dev librandom123-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libbenchmark-dev libgtest-dev chromium fonts-noto-cjk fontconfig clang libclang-rt-14-dev
    libopenmpi-dev openmpi-bin)
  packages+=(pybind11-dev python3-dev python3-numpy python3-pytest python3-pandas python3-matplotlib)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
