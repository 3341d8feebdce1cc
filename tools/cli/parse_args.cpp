#include "tools/cli/parse_args.h"

#include <ostream>

namespace mineflow::cli {

namespace po = boost::program_options;

bool parse_args(const Args& args, const po::options_description& options,
                const po::positional_options_description& positional, po::variables_map& vm,
                std::ostream& out) {
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    out << options << "\n";
    return false;
  }
  return true;
}

}  // namespace mineflow::cli
