#include "tools/io/criticality_report.h"

#include "graph/number_format.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"
#include "tools/io/vintage_line.h"

namespace mineflow::io {
namespace {

std::string pct_of_demand(double t, double annual_demand_t) {
  return annual_demand_t > 0.0 ? format_fixed(100.0 * t / annual_demand_t, 2) : "N/A";
}

std::string node_label(const NodeCriticality& node) {
  return node.country + "/" + std::string(to_string(node.stage));
}

}  // namespace

std::string criticality_table(const CriticalityHeader& header, const CriticalityResult& result) {
  const RunHeader& run = header.run;
  std::string out = "Node criticality: " + run.name + " (" + run.scenario + ")\n" +
                    vintage_line(run.vintage, run.market, run.seed_blocks);
  out += "Each node fails alone from day " + format_number(header.failure.start_day) + " for " +
         format_number(header.failure.duration_days) + " days at severity " +
         format_number(header.failure.severity) + ", on top of the scenario's events; policy " +
         result.policy + "; " + std::to_string(run.trials) + " trials, seed " +
         std::to_string(run.seed) + " (common random numbers).\n";
  if (result.clearing) {
    out +=
        "Clearing market: E[unmet] is demand not served, physical unmet plus priced out "
        "(docs/market.md).\n";
  }
  out += note_lines(run.notes);
  out += "Without a node failure: E[unmet] " + format_fixed(result.baseline_unmet_t, 1) +
         " t (+/- " + format_fixed(result.baseline_se_t, 1) + ")\n\n";
  TextTable table({"rank", "node", "world share %", "E[unmet] t", "+/- se", "added t", "+/- se",
                   "% annual demand", result.clearing ? "P(not served)" : "P(shortage)"});
  std::size_t rank = 0;
  for (const NodeCriticality& node : result.nodes) {
    table.add_row({std::to_string(++rank), node_label(node),
                   format_fixed(100.0 * node.baseline_share, 1),
                   format_fixed(node.expected_unmet_t, 1), format_fixed(node.se_t, 1),
                   format_fixed(node.added_unmet_t, 1), format_fixed(node.added_se_t, 1),
                   pct_of_demand(node.expected_unmet_t, result.annual_demand_t),
                   format_fixed(node.p_shortage, 3)});
  }
  out += table.render();
  out += "\nBasis: " + header.network_basis + "\n";
  return out;
}

std::string criticality_csv(const CriticalityHeader& header, const CriticalityResult& result) {
  std::string out =
      "scenario,policy,rank,country,stage,world_share,expected_unmet_t,se_t,added_unmet_t,"
      "added_se_t,unmet_pct_annual_demand,p_shortage,duration_days,severity,trials,seed,basis,"
      "vintage,notes\n";
  // The run's limits hold for every node's row, as the notes column of `stockpile --all`.
  const std::string notes = csv_field(notes_cell(header.run.notes));
  std::size_t rank = 0;
  for (const NodeCriticality& node : result.nodes) {
    out += csv_field(header.run.scenario) + "," + csv_field(result.policy) + "," +
           std::to_string(++rank) + "," + node.country + "," + std::string(to_string(node.stage)) +
           "," + format_number(node.baseline_share) + "," + format_number(node.expected_unmet_t) +
           "," + format_number(node.se_t) + "," + format_number(node.added_unmet_t) + "," +
           format_number(node.added_se_t) + "," +
           (result.annual_demand_t > 0.0
                ? format_number(100.0 * node.expected_unmet_t / result.annual_demand_t)
                : "") +
           "," + format_number(node.p_shortage) + "," +
           format_number(header.failure.duration_days) + "," +
           format_number(header.failure.severity) + "," + std::to_string(header.run.trials) + "," +
           std::to_string(header.run.seed) + "," + csv_field(header.network_basis) + "," +
           csv_field(header.run.vintage) + "," + notes + "\n";
  }
  return out;
}

std::string criticality_json(const CriticalityHeader& header, const CriticalityResult& result) {
  std::string out =
      "{\n  \"scenario\": " + json_string(header.run.scenario) +
      ",\n  \"vintage\": " + json_string(header.run.vintage) +
      ",\n  \"policy\": " + json_string(result.policy) +
      ",\n  \"trials\": " + std::to_string(header.run.trials) +
      ",\n  \"seed\": " + std::to_string(header.run.seed) +
      ",\n  \"failure\": {\"start_day\": " + format_number(header.failure.start_day) +
      ", \"duration_days\": " + format_number(header.failure.duration_days) +
      ", \"severity\": " + format_number(header.failure.severity) + "}" +
      ",\n  \"annual_demand_t\": " + format_number(result.annual_demand_t) +
      ",\n  \"baseline_expected_unmet_t\": " + format_number(result.baseline_unmet_t) +
      ",\n  \"baseline_se_t\": " + format_number(result.baseline_se_t) +
      ",\n  \"basis\": " + json_string(header.network_basis) +
      ",\n  \"notes\": " + notes_json(header.run.notes) + ",\n  \"nodes\": [";
  std::size_t rank = 0;
  for (const NodeCriticality& node : result.nodes) {
    out += std::string(rank == 0 ? "\n" : ",\n");
    out += "    {\"rank\": " + std::to_string(++rank) +
           ", \"country\": " + json_string(node.country) +
           ", \"stage\": " + json_string(to_string(node.stage)) +
           ", \"world_share\": " + format_number(node.baseline_share) +
           ", \"expected_unmet_t\": " + format_number(node.expected_unmet_t) +
           ", \"se_t\": " + format_number(node.se_t) +
           ", \"added_unmet_t\": " + format_number(node.added_unmet_t) +
           ", \"added_se_t\": " + format_number(node.added_se_t) +
           ", \"p_shortage\": " + format_number(node.p_shortage) + "}";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace mineflow::io
