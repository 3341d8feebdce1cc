#pragma once
// A subcommand of the `mineflow` program: parses its own options and returns the exit code
// (0 success, 1 internal failure, 2 bad input or usage). Bad input is thrown as InputError or a
// Boost.Program_options error; tools/mineflow.cpp turns those into one line and exit code 2.

#include <iosfwd>
#include <string>
#include <vector>

namespace mineflow::cli {

using Args = std::vector<std::string>;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const Args& args, std::ostream& out, std::ostream& err);
};

// Every subcommand, in the order `mineflow --help` lists them.
const std::vector<Command>& commands();

int run_criticality(const Args& args, std::ostream& out, std::ostream& err);
int run_calibrate(const Args& args, std::ostream& out, std::ostream& err);
int run_indicators(const Args& args, std::ostream& out, std::ostream& err);
int run_list(const Args& args, std::ostream& out, std::ostream& err);
int run_mfa(const Args& args, std::ostream& out, std::ostream& err);
int run_report(const Args& args, std::ostream& out, std::ostream& err);
int run_run(const Args& args, std::ostream& out, std::ostream& err);
int run_stockpile(const Args& args, std::ostream& out, std::ostream& err);
int run_optimise(const Args& args, std::ostream& out, std::ostream& err);
// Hidden (not in commands()): `mineflow __complete OPTION [COMMAND WORD...]`, the values bash
// completion offers after OPTION, one a line.
int run_complete(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace mineflow::cli
