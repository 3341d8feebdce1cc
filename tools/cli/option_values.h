#pragma once
// The values of every option that takes one of a fixed set: what the parsers accept (and name in
// their "one of" messages) and what bash completion offers (mineflow __complete), from this one
// table so the two cannot drift. tests/option_values_test.cpp checks each value against its
// parser.

#include <string>
#include <string_view>
#include <vector>

namespace mineflow::cli {

struct OptionChoices {
  std::string option;               // "--method"
  std::vector<std::string> values;  // in the order help and completion list them
};

// Every option with a fixed set of values. --production and --target take open forms
// (wmd:YEAR, METRIC<=VALUE): their entries list the forms' starts (wmd:, p_shortage<=, ...).
const std::vector<OptionChoices>& option_choices();

// The values of `option` (with its dashes); empty for an option not in the table.
std::vector<std::string> choices_of(std::string_view option);

// "one of: a, b, c" for an error message's expected part.
std::string one_of(std::string_view option);

}  // namespace mineflow::cli
