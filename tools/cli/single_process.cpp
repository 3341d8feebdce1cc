// The plain build's process_split: every run is one process (tools/cli/process_split.h).
#include "tools/cli/process_split.h"

namespace mineflow::cli {

const TrialSplit* process_split() {
  return nullptr;
}

std::string rank_prefix() {
  return "";
}

void name_command(const std::string&) {}

bool reports_input_errors() {
  return true;
}

int end_process(int exit_code) {
  return exit_code;
}

}  // namespace mineflow::cli
