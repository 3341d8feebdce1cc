#pragma once
// The pieces of the `_core` extension module (python/mineflow/__init__.py is its public face)
// and the helpers they share.

#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "tools/cli/data_paths.h"

namespace mineflow::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_scenario(py::module_& m);
void bind_indicators(py::module_& m);
void bind_run(py::module_& m);
void bind_stockpile(py::module_& m);
void bind_optimise(py::module_& m);
void bind_mfa(py::module_& m);
void bind_network(py::module_& m);
void bind_criticality(py::module_& m);

// The data folder the CLI would use: `data_dir`, else $MINEFLOW_DATA_DIR, else the bundled one.
cli::DataPaths data_paths_for(const std::optional<std::string>& data_dir);

// A read-only float64 array over `data` that keeps `owner` alive (no copy).
py::array_t<double> view(const double* data, std::vector<py::ssize_t> shape, py::handle owner);

// Text for Python; bytes that are not UTF-8 (from a hostile file) become U+FFFD, never an error.
py::str text(const std::string& value);

}  // namespace mineflow::python
