// mineflow.mfa(): the dynamic material-flow model of `mineflow mfa`, with its yearly series as
// (years, regions) numpy views into the model's result (no copy).

#include <memory>

#include <pybind11/stl.h>

#include "python/src/bindings.h"
#include "tools/cli/mfa_job.h"
#include "tools/io/mfa_report.h"
#include "tools/io/text_table.h"

namespace mineflow::python {
namespace {

struct MfaOutput {
  stock_flow::StockFlowResult result;
  io::MfaReportInfo info;
  std::vector<double> secondary_share;  // all regions, per year
};

py::array_t<double> series_view(const stock_flow::RegionSeries& s, py::handle owner) {
  return view(s.values.data(), {s.years, s.regions}, owner);
}

}  // namespace

void bind_mfa(py::module_& m) {
  py::class_<MfaOutput>(m, "MfaOutput")
      .def_property_readonly("model", [](const MfaOutput& o) { return text(o.info.model_id); })
      .def_property_readonly("name", [](const MfaOutput& o) { return text(o.info.name); })
      .def_property_readonly("year", [](const MfaOutput& o) { return o.info.sankey_year; })
      .def_property_readonly("first_year", [](const MfaOutput& o) { return o.result.first_year; })
      .def_property_readonly("years", [](const MfaOutput& o) { return o.result.years; })
      .def_property_readonly("unit", [](const MfaOutput& o) { return text(o.result.unit); })
      .def_property_readonly("regions", [](const MfaOutput& o) { return o.result.regions; })
      .def_property_readonly("categories", [](const MfaOutput& o) { return o.result.category_ids; })
      .def("csv", [](const MfaOutput& o) { return text(io::mfa_csv(o.result)); })
      .def("json", [](const MfaOutput& o) { return text(io::mfa_json(o.result, o.info)); })
      .def("table",
           [](const MfaOutput& o) {
             return text(io::wrap_long_lines(io::mfa_table(o.result, o.info)));
           })
      .def(
          "sankey_csv",
          [](const MfaOutput& o) { return text(io::mfa_sankey_csv(o.result, o.info.sankey_year)); })
      .def(
          "cohorts_csv",
          [](const MfaOutput& o) { return text(io::mfa_cohort_csv(o.result, o.info.sankey_year)); })
      .def("totals",
           [](py::object self) {
             const MfaOutput& o = self.cast<const MfaOutput&>();
             py::dict d;
             d["demand"] = series_view(o.result.demand, self);
             d["secondary_supply"] = series_view(o.result.secondary_supply, self);
             d["primary_demand"] = series_view(o.result.primary_demand, self);
             d["secondary_surplus"] = series_view(o.result.secondary_surplus, self);
             d["secondary_share"] =
                 view(o.secondary_share.data(),
                      {static_cast<py::ssize_t>(o.secondary_share.size())}, self);
             return d;
           })
      .def("category", [](py::object self, std::size_t k) {
        const MfaOutput& o = self.cast<const MfaOutput&>();
        if (k >= o.result.categories.size()) throw py::index_error("category index");
        py::dict d;
        for (const io::MfaCategoryQuantity& q : io::mfa_category_quantities()) {
          d[q.name] = series_view(q.series(o.result.categories[k]), self);
        }
        return d;
      });

  m.def(
      "mfa",
      [](const std::string& model, std::optional<int> year,
         const std::optional<std::string>& data_dir) {
        cli::DataPaths paths = data_paths_for(data_dir);
        auto out = std::make_unique<MfaOutput>();
        {
          py::gil_scoped_release release;
          auto [result, info] = cli::run_mfa_model(model, year, paths);
          out->result = std::move(result);
          out->info = std::move(info);
          for (int t = 0; t < out->result.years; ++t) {
            out->secondary_share.push_back(
                stock_flow::secondary_share_in_year(out->result, out->result.first_year + t));
          }
        }
        return out;
      },
      py::arg("model"), py::arg("year") = py::none(), py::arg("data_dir") = py::none());
}

}  // namespace mineflow::python
