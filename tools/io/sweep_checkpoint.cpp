#include "tools/io/sweep_checkpoint.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/number_format.h"
#include "graph/source_ref.h"
#include "tools/io/atomic_file.h"

namespace mineflow::io {
namespace {

constexpr std::string_view kMagic = "mineflow-sweep-checkpoint-3";

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ull) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// Whitespace-separated tokens; strings are length-prefixed ("5:hello"); doubles round-trip
// exactly (shortest representation).
class Writer {
 public:
  void number(double value) { text_ += format_number(value) + " "; }
  void count(std::size_t value) { text_ += std::to_string(value) + " "; }
  void flag(bool value) { text_ += value ? "1 " : "0 "; }
  void string(const std::string& value) {
    text_ += std::to_string(value.size()) + ":" + value + " ";
  }
  void optional(const std::optional<double>& value) {
    flag(value.has_value());
    if (value) number(*value);
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

class Reader {
 public:
  Reader(const std::string& text, const std::string& path) : text_(text), path_(path) {}
  double number() {
    std::string token = next();
    double value = 0.0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || ptr != token.data() + token.size()) broken();
    return value;
  }
  std::size_t count() {
    std::string token = next();
    std::size_t value = 0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || ptr != token.data() + token.size() || value > 100000000) broken();
    return value;
  }
  bool flag() { return count() != 0; }
  std::string string() {
    skip_space();
    std::size_t colon = text_.find(':', at_);
    if (colon == std::string::npos) broken();
    std::size_t size = 0;
    auto [ptr, ec] = std::from_chars(text_.data() + at_, text_.data() + colon, size);
    if (ec != std::errc() || ptr != text_.data() + colon || colon + 1 + size > text_.size()) {
      broken();
    }
    std::string value = text_.substr(colon + 1, size);
    at_ = colon + 1 + size;
    return value;
  }
  std::optional<double> optional() {
    if (!flag()) return std::nullopt;
    return number();
  }
  [[noreturn]] void broken() const {
    throw InputError(SourceRef{path_, 0, 0}, "--checkpoint", path_,
                     "a checkpoint written by this version of mineflow (delete it to start "
                     "afresh)");
  }

 private:
  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n')) ++at_;
  }
  std::string next() {
    skip_space();
    std::size_t end = at_;
    while (end < text_.size() && text_[end] != ' ' && text_[end] != '\n') ++end;
    if (end == at_) broken();
    std::string token = text_.substr(at_, end - at_);
    at_ = end;
    return token;
  }
  const std::string& text_;
  std::string path_;
  std::size_t at_ = 0;
};

void write_estimate(Writer& w, const Estimate& e) {
  w.number(e.value);
  w.number(e.se);
}
Estimate read_estimate(Reader& r) {
  Estimate e;
  e.value = r.number();
  e.se = r.number();
  return e;
}

void write_cell(Writer& w, const SweepCell& c) {
  w.number(c.days);
  w.number(c.recycling_share);
  for (const Estimate* e :
       {&c.p_shortage, &c.unmet_t, &c.unmet_pct, &c.cvar95_unmet_t, &c.longest_spell_days,
        &c.priced_out_t, &c.priced_out_pct, &c.not_served_t, &c.not_served_pct}) {
    write_estimate(w, *e);
  }
  w.number(c.stock_t);
  w.number(c.carrying_cost_per_year);
}
SweepCell read_cell(Reader& r) {
  SweepCell c;
  c.days = r.number();
  c.recycling_share = r.number();
  for (Estimate* e :
       {&c.p_shortage, &c.unmet_t, &c.unmet_pct, &c.cvar95_unmet_t, &c.longest_spell_days,
        &c.priced_out_t, &c.priced_out_pct, &c.not_served_t, &c.not_served_pct}) {
    *e = read_estimate(r);
  }
  c.stock_t = r.number();
  c.carrying_cost_per_year = r.number();
  return c;
}

void write_optional_cell(Writer& w, const std::optional<SweepCell>& cell) {
  w.flag(cell.has_value());
  if (cell) write_cell(w, *cell);
}
std::optional<SweepCell> read_optional_cell(Reader& r) {
  if (!r.flag()) return std::nullopt;
  return read_cell(r);
}

void write_row(Writer& w, const SweepSummaryRow& row) {
  const SweepHeader& h = row.header;
  for (const std::string* s :
       {&h.scenario, &h.name, &h.mineral, &h.policy, &h.price_unit, &h.vintage}) {
    w.string(*s);
  }
  w.number(h.horizon_days);
  w.number(h.carrying_rate_per_year);
  w.optional(h.current_recycling_share);
  w.flag(h.recycling_is_proxy);
  const SweepResult& res = row.result;
  w.count(res.trials);
  w.count(res.seed);
  w.number(res.demand_t_per_day);
  w.number(res.price_per_t);
  w.number(res.base_days);
  w.count(res.cells.size());
  for (const SweepCell& cell : res.cells) write_cell(w, cell);
  w.flag(res.target.has_value());
  if (res.target) {
    w.count(static_cast<std::size_t>(res.target->metric));
    w.number(res.target->threshold);
  }
  w.count(res.days_needed.size());
  for (const DaysFinding& d : res.days_needed) {
    w.number(d.recycling_share);
    w.optional(d.days);
    w.optional(d.days_low);
    w.optional(d.days_high);
    write_optional_cell(w, d.at_days);
  }
  w.flag(res.recycling.has_value());
  if (res.recycling) {
    w.number(res.recycling->at_days);
    w.optional(res.recycling->share);
    write_optional_cell(w, res.recycling->at_share);
  }
  w.count(static_cast<std::size_t>(res.passes));
  const SweepDrivers& d = row.drivers;
  w.count(d.trials);
  w.number(d.annual_demand_t);
  w.count(d.nodes.size());
  for (const NodeCriticality& node : d.nodes) {
    w.string(node.country);
    w.count(static_cast<std::size_t>(node.stage));
    for (double v : {node.baseline_share, node.expected_unmet_t, node.se_t, node.added_unmet_t,
                     node.added_se_t, node.p_shortage}) {
      w.number(v);
    }
  }
}

SweepSummaryRow read_row(Reader& r) {
  SweepSummaryRow row;
  SweepHeader& h = row.header;
  for (std::string* s : {&h.scenario, &h.name, &h.mineral, &h.policy, &h.price_unit, &h.vintage}) {
    *s = r.string();
  }
  h.horizon_days = r.number();
  h.carrying_rate_per_year = r.number();
  h.current_recycling_share = r.optional();
  h.recycling_is_proxy = r.flag();
  SweepResult& res = row.result;
  res.trials = r.count();
  res.seed = r.count();
  res.demand_t_per_day = r.number();
  res.price_per_t = r.number();
  res.base_days = r.number();
  res.cells.resize(r.count());
  for (SweepCell& cell : res.cells) cell = read_cell(r);
  if (r.flag()) {
    SweepTarget target;
    std::size_t metric = r.count();
    if (metric > static_cast<std::size_t>(SweepMetric::not_served_pct_annual_demand)) r.broken();
    target.metric = static_cast<SweepMetric>(metric);
    target.threshold = r.number();
    res.target = target;
  }
  res.days_needed.resize(r.count());
  for (DaysFinding& d : res.days_needed) {
    d.recycling_share = r.number();
    d.days = r.optional();
    d.days_low = r.optional();
    d.days_high = r.optional();
    d.at_days = read_optional_cell(r);
  }
  if (r.flag()) {
    RecyclingFinding finding;
    finding.at_days = r.number();
    finding.share = r.optional();
    finding.at_share = read_optional_cell(r);
    res.recycling = finding;
  }
  res.passes = static_cast<int>(r.count());
  SweepDrivers& d = row.drivers;
  d.trials = r.count();
  d.annual_demand_t = r.number();
  std::size_t nodes = r.count();
  if (nodes > kDriverCount) r.broken();
  d.nodes.resize(nodes);
  for (NodeCriticality& node : d.nodes) {
    node.country = r.string();
    std::size_t stage = r.count();
    if (stage != static_cast<std::size_t>(Stage::mine) &&
        stage != static_cast<std::size_t>(Stage::refine)) {
      r.broken();
    }
    node.stage = static_cast<Stage>(stage);
    for (double* v : {&node.baseline_share, &node.expected_unmet_t, &node.se_t, &node.added_unmet_t,
                      &node.added_se_t, &node.p_shortage}) {
      *v = r.number();
    }
  }
  return row;
}

}  // namespace

std::string checkpoint_key(const std::string& data_dir, const std::string& options) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(data_dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::uint64_t hash = fnv1a(options);
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    hash = fnv1a(fs::relative(file, data_dir).string(), hash);
    hash = fnv1a(bytes.str(), hash);
  }
  return std::to_string(hash);
}

void save_sweep_checkpoint(const std::string& path, const std::string& key,
                           const std::vector<SweepSummaryRow>& rows) {
  Writer w;
  w.string(std::string(kMagic));
  w.string(key);
  w.count(rows.size());
  for (const SweepSummaryRow& row : rows) write_row(w, row);
  write_file_atomically(path, w.take() + "\n");
}

std::optional<std::vector<SweepSummaryRow>> load_sweep_checkpoint(const std::string& path,
                                                                  const std::string& key) {
  if (!std::filesystem::exists(path)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  Reader r(text, path);
  if (r.string() != kMagic) r.broken();
  if (r.string() != key) {
    throw InputError(SourceRef{path, 0, 0}, "--checkpoint", path,
                     "a checkpoint of the same data and options (this one was written for "
                     "others; delete it to start afresh)");
  }
  std::vector<SweepSummaryRow> rows(r.count());
  for (SweepSummaryRow& row : rows) row = read_row(r);
  return rows;
}

}  // namespace mineflow::io
