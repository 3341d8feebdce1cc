// mineflow.network(): one mineral's supply graph (the focal economy's flows and, when the
// mineral has a network file, the world tiers behind them) as node and edge tables.

#include <sstream>

#include <pybind11/stl.h>
#include <boost/program_options.hpp>

#include "python/src/bindings.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/indicators_job.h"
#include "tools/cli/parse_args.h"
#include "tools/report/flow_sankey.h"

namespace mineflow::python {
void bind_network(py::module_& m) {
  m.def(
      "network",
      [](const std::string& mineral, const cli::Args& options) {
        namespace po = boost::program_options;
        po::options_description table;
        cli::add_data_dir_option(table);
        cli::add_indicator_options(table);
        cli::add_vintage_option(table);  // as `report`, whose flows it is
        po::variables_map vm;
        std::ostringstream help;
        cli::parse_args(options, table, po::positional_options_description{}, vm, help);
        cli::DataPaths paths = cli::data_paths(vm);
        io::Settings settings = cli::indicator_settings(paths.settings(), vm);
        CountryTable countries = io::load_countries(paths.countries());
        cli::check_stability_year(vm, settings, countries);
        std::string file =
            cli::resolve_data_file(mineral, cli::DataKind::mineral, paths, "MINERAL");
        // The graph the simulations run on, as the report's flows (a partial-scope import block
        // keeps the seed's: docs/data-sources.md, "Vintages and the simulations").
        MineralData data =
            io::load_mineral_for_simulation(file, countries, cli::vintage_option(vm));
        MineralGraph graph = cli::checked_mineral_graph(data, file, settings);

        const SupplyGraph& g = graph.graph;
        const auto n = static_cast<py::ssize_t>(g.node_count());
        py::array_t<double> output(n), capacity(n), stock(n);
        py::list node, country, stage;
        for (NodeId id = 0; id < g.node_count(); ++id) {
          const Node& v = g.node_at(id);
          node.append(text(g.label(id)));
          country.append(text(v.country));
          stage.append(std::string(to_string(v.stage)));
          const auto k = static_cast<py::ssize_t>(id);
          output.mutable_at(k) = v.output_t_per_yr;
          capacity.mutable_at(k) = v.capacity_t_per_yr;
          stock.mutable_at(k) = v.stock_t;
        }
        py::dict nodes;
        nodes["node"] = node;
        nodes["country"] = country;
        nodes["stage"] = stage;
        nodes["output_t_per_yr"] = output;
        nodes["capacity_t_per_yr"] = capacity;
        nodes["stock_t"] = stock;
        py::dict out;
        out["mineral"] = text(data.id);
        out["focal_economy"] = text(graph.focal_economy);
        out["network_basis"] = text(graph.network.describe());
        out["nodes"] = nodes;
        out["edges_csv"] = text(report::flows_csv({{data.id, &graph}}));
        return out;
      },
      py::arg("mineral"), py::arg("options"),
      "Node columns and the report's flows.csv text of one mineral's graph.");
}

}  // namespace mineflow::python
