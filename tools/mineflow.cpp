// mineflow: material-flow supply-risk tool for critical minerals. This file only dispatches to a
// subcommand and turns errors into one line and an exit code (0 ok, 1 internal, 2 bad input).

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options/errors.hpp>

#include "graph/source_ref.h"
#include "tools/cli/closest_names.h"
#include "tools/cli/command.h"
#include "tools/cli/interrupt.h"
#include "tools/cli/process_split.h"

namespace {

void print_usage(std::ostream& out) {
  out << "usage: mineflow COMMAND [options]   (mineflow COMMAND --help for its options)\n\n"
         "commands:\n";
  for (const auto& command : mineflow::cli::commands()) {
    std::string name = command.name;
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ')
        << command.summary << "\n";
  }
  out << "\n  --version   the program's version\n  --help      this list\n";
}

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    print_usage(std::cerr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return 0;
  }
  if (name == "__complete") {  // for tools/completion/mineflow.bash; not listed
    return mineflow::cli::run_complete(mineflow::cli::Args(argv + 2, argv + argc), std::cout,
                                       std::cerr);
  }
  if (name == "--version") {
    std::cout << "mineflow " << MINEFLOW_VERSION << "\n";
    return 0;
  }
  mineflow::cli::Args args(argv + 2, argv + argc);
  for (const auto& command : mineflow::cli::commands()) {
    if (name != command.name) continue;
    // Under MPI every rank sees the same input and signals, so only rank 0 reports those;
    // an internal failure is this rank's own and names it (tools/cli/process_split.h).
    mineflow::cli::name_command(name);
    const bool reports = mineflow::cli::reports_input_errors();
    try {
      return command.run(args, std::cout, std::cerr);
    } catch (const mineflow::cli::Interrupted& error) {
      if (reports) std::cerr << "mineflow " << name << ": " << error.what() << "\n";
      return mineflow::cli::kInterruptedExitCode;
    } catch (const mineflow::InputError& error) {
      if (reports) std::cerr << "mineflow " << name << ": " << error.what() << "\n";
      return 2;
    } catch (const boost::program_options::error& error) {
      if (reports) {
        std::cerr << "mineflow " << name << ": " << error.what() << " (see mineflow " << name
                  << " --help)\n";
      }
      return 2;
    } catch (const std::exception& error) {
      std::cerr << "mineflow " << name << ": " << mineflow::cli::rank_prefix()
                << "internal error: " << error.what() << "\n";
      return 1;
    }
  }
  // One line, with the closest commands when a command was mistyped (runn: did you mean run?).
  std::vector<std::string> names;
  for (const auto& command : mineflow::cli::commands()) names.push_back(command.name);
  std::vector<std::string> close = mineflow::cli::closest_names(name, names);
  std::string hint;
  for (std::size_t i = 0; i < close.size(); ++i) hint += (i ? " or " : "") + close[i];
  std::cerr << "mineflow: unknown command '" << name << "' ("
            << (hint.empty() ? "" : "did you mean " + hint + "? ")
            << "mineflow --help lists them)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  return mineflow::cli::end_process(dispatch(argc, argv));
}
