// mineflow.load_scenario(path): a disruption scenario, read and checked as `mineflow run` does.

#include <pybind11/stl.h>

#include "python/src/bindings.h"
#include "python/src/scenario_handle.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow::python {

void bind_scenario(py::module_& m) {
  py::class_<ScenarioHandle>(m, "Scenario",
                             "A disruption scenario (read-only); pass it to run() or stockpile().")
      .def_property_readonly("id", [](const ScenarioHandle& s) { return text(s.scenario.id); })
      .def_property_readonly("name", [](const ScenarioHandle& s) { return text(s.scenario.name); })
      .def_property_readonly("file", [](const ScenarioHandle& s) { return text(s.scenario.file); })
      .def_property_readonly("mineral_file",
                             [](const ScenarioHandle& s) { return text(s.scenario.mineral_file); })
      .def_property_readonly("data_dir", [](const ScenarioHandle& s) { return text(s.data_dir); })
      .def_property_readonly("trials", [](const ScenarioHandle& s) { return s.scenario.trials; })
      .def_property_readonly("seed", [](const ScenarioHandle& s) { return s.scenario.seed; })
      .def_property_readonly("horizon_days",
                             [](const ScenarioHandle& s) { return s.scenario.horizon_days; })
      .def_property_readonly(
          "has_background_risk",
          // Either the single-class block or the fitted two-class hazard (background_hazard:).
          [](const ScenarioHandle& s) {
            return s.scenario.background_risk.has_value() || s.scenario.hazard != nullptr;
          })
      .def_property_readonly("events",
                             [](const ScenarioHandle& s) {
                               py::list ids;
                               for (const EventSpec& e : s.scenario.events) ids.append(text(e.id));
                               return ids;
                             })
      .def_property_readonly("policies",
                             [](const ScenarioHandle& s) {
                               py::list names;
                               for (const PolicySet& p : s.scenario.policies) {
                                 names.append(text(p.name));
                               }
                               return names;
                             })
      .def("__repr__", [](const ScenarioHandle& s) {
        return text("<mineflow.Scenario " + s.scenario.id + " (" + s.scenario.file + ")>");
      });

  m.def(
      "load_scenario",
      [](const std::string& path, const std::optional<std::string>& data_dir) {
        cli::DataPaths paths = data_paths_for(data_dir);
        ScenarioHandle handle;
        handle.data_dir = paths.data_dir;
        {
          py::gil_scoped_release release;
          CountryTable countries = io::load_countries(paths.countries());
          handle.scenario = io::load_scenario(
              cli::resolve_data_file(path, cli::DataKind::scenario, paths, "SCENARIO"), countries);
        }
        return handle;
      },
      py::arg("path"), py::arg("data_dir") = py::none());
}

}  // namespace mineflow::python
