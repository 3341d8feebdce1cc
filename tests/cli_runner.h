#pragma once
// Runs the built `mineflow` binary as a user would and captures what it printed.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace mineflow::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command line with no input, capturing stdout and stderr through files in `dir`.
inline CliResult run_command_line(std::string command, const std::filesystem::path& dir) {
  command += " >" + shell_quote((dir / "out").string()) + " 2>" +
             shell_quote((dir / "err").string()) + " </dev/null";
  int status = std::system(command.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(dir / "out");
  result.err = read_text(dir / "err");
  return result;
}

// `args` are passed to mineflow verbatim (quoted for the shell).
inline CliResult run_cli(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() /
                 ("mineflow_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::create_directories(dir);
  std::string command = shell_quote(MINEFLOW_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  CliResult result = run_command_line(command, dir);
  fs::remove_all(dir);
  return result;
}

// An empty folder under the system temp folder, unique to this process: `prefix`_<pid>.
inline std::filesystem::path fresh_temp_dir(const std::string& prefix) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / (prefix + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

inline std::string scenarios_dir() {
  return MINEFLOW_SCENARIOS_DIR;
}
inline std::string test_data_dir() {
  return MINEFLOW_TEST_DATA_DIR;
}

}  // namespace mineflow::testing
