#include "graph/secondary_share.h"

namespace mineflow {

std::string_view to_string(SecondaryDefinition definition) {
  return definition == SecondaryDefinition::end_of_life ? "end_of_life" : "recycled_content";
}

std::optional<SecondaryDefinition> parse_secondary_definition(std::string_view text) {
  if (text == "end_of_life") return SecondaryDefinition::end_of_life;
  if (text == "recycled_content") return SecondaryDefinition::recycled_content;
  return std::nullopt;
}

std::string quality_token(SecondaryQuality quality, std::string_view focal_economy) {
  const std::string own = focal_economy == "JPN" ? "japan" : "national";
  switch (quality) {
    case SecondaryQuality::national:
      return own;
    case SecondaryQuality::national_derived:
      return own + "_derived";
    case SecondaryQuality::world_proxy:
      return "world_proxy";
  }
  return "world_proxy";
}

std::optional<SecondaryQuality> parse_quality_token(std::string_view text,
                                                    std::string_view focal_economy) {
  for (SecondaryQuality quality : {SecondaryQuality::national, SecondaryQuality::national_derived,
                                   SecondaryQuality::world_proxy}) {
    if (quality_token(quality, focal_economy) == text) return quality;
  }
  return std::nullopt;
}

ResolvedSecondary resolve_secondary(const SecondaryShare& secondary, SecondaryDefinition definition,
                                    bool use_proxy) {
  ResolvedSecondary out;
  const std::optional<SecondaryFigure>& figure = definition == SecondaryDefinition::end_of_life
                                                     ? secondary.end_of_life
                                                     : secondary.recycled_content;
  const std::string name(to_string(definition));
  if (figure && figure->value) {
    out.share = figure->value;
    out.quality = figure->quality;
    out.basis = name + ": " + figure->measures + ", " + figure->year + ", " + figure->source;
    return out;
  }
  if (!figure && secondary.value) {
    out.share = secondary.value;
    out.basis = "secondary / demand, " + secondary.note;
    return out;
  }
  if (use_proxy && secondary.proxy) {
    out.share = secondary.proxy;
    out.quality = SecondaryQuality::world_proxy;
    out.is_proxy = true;
    out.basis = "proxy: " + secondary.proxy_source;
    return out;
  }
  out.basis = name + " figure unknown";
  return out;
}

}  // namespace mineflow
