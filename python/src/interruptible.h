#pragma once
// Long work with the GIL released, stoppable with Ctrl-C the way the CLI is (tools/cli/
// interrupt.h): the work runs on a worker thread and polls a cancel flag between blocks of
// trials; the calling thread runs Python's signal handlers every 50 ms. When one raises
// (KeyboardInterrupt from SIGINT or _thread.interrupt_main()), the flag is set, the worker
// stops at its next block, its partial result is dropped and the exception propagates.
// Python's own SIGINT handler stays installed throughout, so the interpreter stays usable.

#include <atomic>
#include <functional>

namespace mineflow::python {

// Call with the GIL held. Exceptions thrown by `work` are rethrown here.
void run_interruptibly(const std::function<void(const std::atomic<bool>* cancel)>& work);

}  // namespace mineflow::python
