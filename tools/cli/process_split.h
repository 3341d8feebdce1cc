#pragma once
// This process's place in a multi-process run. The plain build always runs alone
// (tools/cli/single_process.cpp). The MPI build (CMake option MINEFLOW_MPI) links
// tools/mpi/mpi_split.cpp instead: started by mpirun or srun, each rank runs its block of the
// trials and rank 0 gathers, summarises and alone writes (sim/trial_split.h); started plainly,
// it runs alone without touching MPI.

#include <string>

#include "sim/trial_split.h"

namespace mineflow::cli {

// Null when this process runs alone. The split lives until the process ends (MPI is set up
// at most once per process, on the first call).
const TrialSplit* process_split();

// Prefix for this process's error lines: "" alone, "rank 2 of 3: " under MPI.
std::string rank_prefix();

// The command (`run`) named in the lines this process writes on its own, outside any command's
// error handling: under MPI, rank 0's line naming a peer rank that was killed or crashed.
void name_command(const std::string& name);

// Whether this process reports bad input: every rank reads the same files and options, so
// only rank 0 prints the (identical) line.
bool reports_input_errors();

// Called by main() with the exit code before returning. Under MPI: 0 ends MPI normally; any
// other code leaves at once without the collective shutdown (other ranks may be waiting in a
// collective), so mpirun ends the whole job with a non-zero code and no rank writes anything.
int end_process(int exit_code);

}  // namespace mineflow::cli
