#include "python/src/interruptible.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "python/src/bindings.h"

namespace mineflow::python {

void run_interruptibly(const std::function<void(const std::atomic<bool>* cancel)>& work) {
  std::atomic<bool> cancel{false};
  std::exception_ptr failure;
  std::unique_ptr<py::error_already_set> interrupt;  // raised by a signal handler
  {
    py::gil_scoped_release release;
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::thread worker([&] {
      try {
        work(&cancel);
      } catch (...) {
        failure = std::current_exception();
      }
      std::lock_guard lock(mutex);
      done = true;
      finished.notify_all();
    });
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return done; })) {
      if (interrupt) continue;  // already cancelled; wait for the worker's next block
      lock.unlock();
      {
        py::gil_scoped_acquire acquire;
        if (PyErr_CheckSignals() != 0) interrupt = std::make_unique<py::error_already_set>();
      }
      if (interrupt) cancel.store(true, std::memory_order_relaxed);
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (interrupt) throw std::move(*interrupt);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace mineflow::python
