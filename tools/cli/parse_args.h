#pragma once
// The option parsing every subcommand does: store, notify, and answer --help.

#include <iosfwd>

#include <boost/program_options.hpp>

#include "tools/cli/command.h"

namespace mineflow::cli {

// Parses `args` into `vm`. Returns false when --help was asked for and the help text has been
// written to `out` (the command then returns 0). Unknown options throw program_options errors.
bool parse_args(const Args& args, const boost::program_options::options_description& options,
                const boost::program_options::positional_options_description& positional,
                boost::program_options::variables_map& vm, std::ostream& out);

}  // namespace mineflow::cli
