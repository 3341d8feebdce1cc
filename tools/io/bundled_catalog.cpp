#include "tools/io/bundled_catalog.h"

#include <algorithm>
#include <filesystem>

#include "tools/io/yaml_reader.h"

namespace mineflow::io {

namespace {

std::vector<std::string> yaml_files(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string text_of(const YamlValue& root, std::string_view key) {
  std::optional<YamlValue> value = root.get(key);
  return value && value->is_scalar() ? value->as_string() : "";
}

CatalogEntry entry_for(CatalogKind kind, const std::string& file, const YamlValue& root) {
  return {kind, std::filesystem::path(file).stem().string(), text_of(root, "name"), file};
}

}  // namespace

std::vector<CatalogEntry> read_bundled_catalog(const std::string& data_dir, DataVintage vintage) {
  std::vector<CatalogEntry> entries;
  for (const std::string& file : yaml_files(data_dir + "/minerals")) {
    YamlValue root = load_yaml_file(file);
    CatalogEntry entry = entry_for(CatalogKind::mineral, file, root);
    // The vintage's figures: latest where the file has them (docs/data-sources.md, Vintages).
    std::optional<YamlValue> latest;
    if (vintage == DataVintage::latest) {
      if (auto vintages = root.get("vintages"); vintages && vintages->is_map()) {
        latest = vintages->get("latest");
      }
    }
    const YamlValue& figures = latest && latest->is_map() ? *latest : root;
    // The basis up to any explanation in brackets: "t as printed (the seed states ...)".
    std::string basis = text_of(figures, "quantity_basis");
    if (basis.empty()) basis = text_of(root, "quantity_basis");
    basis = basis.substr(0, basis.find(" ("));
    std::string focal = text_of(root, "focal_economy");
    if (!basis.empty() || !focal.empty()) {
      entry.description += " (" + basis + (basis.empty() || focal.empty() ? "" : "; ") +
                           (focal.empty() ? "" : "focal economy " + focal) + "; " +
                           (latest ? "latest" : "seed") + " figures)";
    } else {
      entry.description += std::string(" (") + (latest ? "latest" : "seed") + " figures)";
    }
    entries.push_back(entry);
  }
  std::vector<CatalogEntry> background;
  for (const std::string& file : yaml_files(data_dir + "/disruptions")) {
    YamlValue root = load_yaml_file(file);
    bool events = root.get("events").has_value();
    (events ? entries : background)
        .push_back(entry_for(
            events ? CatalogKind::event_scenario : CatalogKind::background_scenario, file, root));
  }
  entries.insert(entries.end(), background.begin(), background.end());
  for (const std::string& file : yaml_files(data_dir + "/mfa")) {
    entries.push_back(entry_for(CatalogKind::mfa_model, file, load_yaml_file(file)));
  }
  return entries;
}

}  // namespace mineflow::io
