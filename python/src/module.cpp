// _core: the compiled half of `import mineflow`. Each bind_* file binds one command's job.

#include <sstream>

#include <boost/program_options.hpp>

#include "python/src/bindings.h"
#include "tools/cli/parse_args.h"

namespace mineflow::python {

cli::DataPaths data_paths_for(const std::optional<std::string>& data_dir) {
  namespace po = boost::program_options;
  po::options_description options;
  cli::add_data_dir_option(options);
  cli::Args args;
  if (data_dir) args = {"--data-dir", *data_dir};
  po::variables_map vm;
  std::ostringstream help;
  cli::parse_args(args, options, po::positional_options_description{}, vm, help);
  return cli::data_paths(vm);
}

py::array_t<double> view(const double* data, std::vector<py::ssize_t> shape, py::handle owner) {
  std::vector<py::ssize_t> strides(shape.size(), static_cast<py::ssize_t>(sizeof(double)));
  for (std::size_t k = shape.size(); k-- > 1;) strides[k - 1] = strides[k] * shape[k];
  py::array_t<double> array(shape, strides, data, owner);
  array.attr("setflags")(py::arg("write") = false);
  return array;
}

py::str text(const std::string& value) {
  PyObject* decoded =
      PyUnicode_DecodeUTF8(value.data(), static_cast<Py_ssize_t>(value.size()), "replace");
  if (decoded == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(decoded);
}

}  // namespace mineflow::python

PYBIND11_MODULE(_core, m) {
  using namespace mineflow::python;
  m.doc() = "mineflow's C++ core (use the mineflow package, not this module)";
  bind_errors(m);
  bind_scenario(m);
  bind_indicators(m);
  bind_run(m);
  bind_stockpile(m);
  bind_optimise(m);
  bind_mfa(m);
  bind_network(m);
  bind_criticality(m);
}
