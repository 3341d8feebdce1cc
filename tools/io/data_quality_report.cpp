#include "tools/io/data_quality_report.h"

#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"
#include "tools/io/vintage_line.h"

namespace mineflow::io {
namespace {

struct FileCounts {
  const char* file;
  DataQualityCounts counts;
};

std::vector<FileCounts> rows_of(const MineralDataQuality& m) {
  return {{"mineral", m.mineral_file}, {"network", m.network_file}, {"all", m.all()}};
}

std::vector<std::string> count_cells(const DataQualityCounts& counts) {
  std::vector<std::string> cells;
  for (int n : counts.by_standing) cells.push_back(std::to_string(n));
  cells.push_back(std::to_string(counts.total()));
  return cells;
}

DataQualityCounts sum_of(const std::vector<MineralDataQuality>& minerals) {
  DataQualityCounts sum;
  for (const MineralDataQuality& m : minerals) {
    DataQualityCounts all = m.all();
    for (std::size_t k = 0; k < kFigureStandingCount; ++k) sum.by_standing[k] += all.by_standing[k];
  }
  return sum;
}

}  // namespace

std::string data_quality_table(const std::vector<MineralDataQuality>& minerals) {
  std::string vintage = minerals.empty() ? "none" : minerals.front().vintage;
  for (const MineralDataQuality& m : minerals) {
    if (m.vintage != vintage) vintage = "mixed (per mineral in --format csv)";
  }
  std::string out = "Data quality: figures per mineral and file\n" + vintage_line(vintage) + "\n";
  TextTable table({"mineral", "file", "sourced", "derived", "judged", "remembered", "total"});
  for (const MineralDataQuality& m : minerals) {
    for (const FileCounts& row : rows_of(m)) {
      if (std::string(row.file) == "all") continue;
      std::vector<std::string> cells = {m.mineral, row.file};
      for (std::string& cell : count_cells(row.counts)) cells.push_back(std::move(cell));
      table.add_row(std::move(cells));
    }
  }
  std::vector<std::string> total = {"all", "both"};
  for (std::string& cell : count_cells(sum_of(minerals))) total.push_back(std::move(cell));
  table.add_row(std::move(total));
  out += table.render();
  out +=
      "sourced: read in its named source; derived: computed from sourced figures (value shares,\n"
      "`basis: derived` feeds: own ore first, national_derived recycling); judged: marked\n"
      "`assumption` (a reason in the file), a world proxy or a reading of the seed's slide;\n"
      "remembered: `memory: true`, not checked against its source. What would replace each\n"
      "judgement: docs/data-quality.md.\n";
  return out;
}

std::string data_quality_csv(const std::vector<MineralDataQuality>& minerals) {
  std::string out = "mineral,file,sourced,derived,judged,remembered,total,vintage\n";
  for (const MineralDataQuality& m : minerals) {
    for (const FileCounts& row : rows_of(m)) {
      out += csv_field(m.mineral) + "," + row.file;
      for (const std::string& cell : count_cells(row.counts)) out += "," + cell;
      out += "," + csv_field(m.vintage) + "\n";
    }
  }
  return out;
}

std::string data_quality_json(const std::vector<MineralDataQuality>& minerals) {
  auto counts_json = [](const DataQualityCounts& c) {
    std::string out = "{";
    for (std::size_t k = 0; k < kFigureStandingCount; ++k) {
      out += (k == 0 ? "\"" : ", \"") + std::string(to_string(static_cast<FigureStanding>(k))) +
             "\": " + std::to_string(c.by_standing[k]);
    }
    return out + ", \"total\": " + std::to_string(c.total()) + "}";
  };
  std::string out = "{\n  \"data_quality\": [";
  for (std::size_t i = 0; i < minerals.size(); ++i) {
    const MineralDataQuality& m = minerals[i];
    out += std::string(i == 0 ? "\n" : ",\n") + "    {\"mineral\": " + json_string(m.mineral) +
           ", \"vintage\": " + json_string(m.vintage) +
           ", \"mineral_file\": " + counts_json(m.mineral_file) +
           ", \"network_file\": " + counts_json(m.network_file) +
           ", \"all\": " + counts_json(m.all()) + "}";
  }
  return out + "\n  ],\n  \"all\": " + counts_json(sum_of(minerals)) + "\n}\n";
}

}  // namespace mineflow::io
