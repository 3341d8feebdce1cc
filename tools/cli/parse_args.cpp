#include "tools/cli/parse_args.h"

#include <ostream>

#include "graph/source_ref.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

// Boost reads "-5" into an unsigned option as 2^64 - 5 (it wraps); an unsigned option takes no
// sign, so every such value is rejected here, where it is parsed (docs/limits.md).
void reject_signed_unsigned(const po::parsed_options& parsed,
                            const po::options_description& options) {
  for (const po::option& option : parsed.options) {
    const po::option_description* description = options.find_nothrow(option.string_key, false);
    if (description == nullptr) continue;
    const po::value_semantic* semantic = description->semantic().get();
    const bool is_unsigned =
        dynamic_cast<const po::typed_value<unsigned long long>*>(semantic) != nullptr ||
        dynamic_cast<const po::typed_value<unsigned>*>(semantic) != nullptr;
    if (!is_unsigned) continue;
    for (const std::string& text : option.value) {
      if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        throw InputError(SourceRef{}, "--" + option.string_key, text,
                         "a whole number 0..18446744073709551615 (no sign)");
      }
    }
  }
}

}  // namespace

bool parse_args(const Args& args, const po::options_description& options,
                const po::positional_options_description& positional, po::variables_map& vm,
                std::ostream& out) {
  po::parsed_options parsed =
      po::command_line_parser(args).options(options).positional(positional).run();
  reject_signed_unsigned(parsed, options);
  po::store(parsed, vm);
  po::notify(vm);
  if (vm.count("help")) {
    out << options << "\n";
    return false;
  }
  return true;
}

}  // namespace mineflow::cli
