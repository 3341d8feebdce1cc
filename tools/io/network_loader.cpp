#include "tools/io/network_loader.h"

#include "tools/io/capacity_reader.h"
#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2100;

std::vector<FeedShare> read_feed_shares(const YamlValue& list) {
  std::vector<FeedShare> out;
  for (const YamlValue& item : list.items()) {
    item.allow_only({"country", "pct", "note", "assumption"});
    FeedShare share;
    YamlValue country = item.require("country");
    share.country = country.as_string();
    share.where = country.where();
    YamlValue pct = item.require("pct");
    double value = pct.as_non_negative();
    if (value > 100.0) pct.fail("a percentage in [0, 100]");
    share.share = value / 100.0;
    out.push_back(std::move(share));
  }
  if (out.empty()) list.fail("an empty list", "at least one feed share");
  return out;
}

RefinerFeed read_feed(const YamlValue& block) {
  block.allow_only({"refiner", "year", "basis", "source", "memory", "note", "shares_pct"});
  RefinerFeed feed;
  YamlValue refiner = block.require("refiner");
  feed.refiner = refiner.as_string();
  feed.where = refiner.where();
  if (auto year = block.get("year")) feed.year = year->as_int_in(kEarliestYear, kLatestYear);
  feed.basis = block.require("basis").as_choice({"tonnage", "value", "derived", "assumption"});
  feed.source = block.require("source").as_string();
  if (auto memory = block.get("memory")) feed.memory = memory->as_bool();
  if (auto note = block.get("note")) feed.note = note->as_string();
  feed.shares = read_feed_shares(block.require("shares_pct"));
  return feed;
}

Breakdown read_refining(const YamlValue& block, std::string* basis, std::string* stage_note,
                        bool* memory, std::vector<CountryShare>* exports) {
  block.allow_only({"year", "stage_note", "basis", "source", "memory", "note", "shares_pct"});
  if (auto recalled = block.get("memory")) *memory = recalled->as_bool();
  Breakdown out;
  out.id = "refining";
  out.where = block.where();
  out.unit = "share of world refined output";
  out.total_t = 1.0;  // shares only: the world total is the mineral's mine total (graph/network.h)
  out.year = block.require("year").as_int_in(kEarliestYear, kLatestYear);
  out.source = block.require("source").as_string();
  if (auto note = block.get("note")) out.note = note->as_string();
  *basis = block.require("basis").as_choice({"tonnage", "value"});
  if (auto stage = block.get("stage_note")) *stage_note = stage->as_string();
  for (const YamlValue& item : block.require("shares_pct").items()) {
    item.allow_only({"country", "pct", "note", "assumption", "exports_pct", "exports_source"});
    CountryShare share;
    YamlValue country = item.require("country");
    share.country = country.as_string();
    share.where = country.where();
    share.share = item.require("pct").as_non_negative() / 100.0;
    if (auto exported = item.get("exports_pct")) {
      // The country's baseline exports, % of its refined output; a source must say where from.
      double value = exported->as_non_negative();
      if (value > 100.0) exported->fail("a percentage in [0, 100]");
      item.require("exports_source").as_string();
      exports->push_back({share.country, value / 100.0, exported->where()});
    }
    out.shares.push_back(std::move(share));
  }
  return out;
}

}  // namespace

NetworkData load_network(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"network", "quantity_basis", "refining", "feeds", "capacities", "note"});
  NetworkData data;
  data.file = file;
  root.require("network").as_string();
  data.refining = read_refining(root.require("refining"), &data.refining_basis, &data.stage_note,
                                &data.refining_memory, &data.refined_exports);
  if (auto feeds = root.get("feeds")) {
    for (const YamlValue& item : feeds->items()) data.feeds.push_back(read_feed(item));
  }
  if (auto capacities = root.get("capacities")) {
    for (const YamlValue& item : capacities->items()) {
      data.capacities.push_back(
          read_stage_capacity(item, {Stage::mine, Stage::refine}, "one of: mine, refine"));
    }
  }
  return data;
}

}  // namespace mineflow::io
