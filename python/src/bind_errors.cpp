// Bad input becomes mineflow.InputError (a ValueError) with the CLI's one-line message and its
// location as attributes; option errors become TypeError/ValueError. Nothing aborts.

#include <boost/program_options/errors.hpp>

#include "graph/source_ref.h"
#include "python/src/bindings.h"
#include "tools/cli/interrupt.h"

namespace mineflow::python {
namespace {

PyObject* input_error_type = nullptr;  // one reference held for the process's lifetime

py::object optional_int(int value) {
  return value > 0 ? py::object(py::int_(value)) : py::object(py::none());
}

void raise_input_error(const InputError& error) {
  py::object type = py::reinterpret_borrow<py::object>(input_error_type);
  py::object exception = type(text(error.what()));
  const SourceRef& where = error.where();
  exception.attr("file") =
      where.file.empty() ? py::object(py::none()) : py::object(text(where.file));
  exception.attr("line") = optional_int(where.line);
  exception.attr("column") = optional_int(where.column);
  exception.attr("field") = text(error.field());
  exception.attr("value") = text(error.value());
  exception.attr("expected") = text(error.expected());
  PyErr_SetObject(input_error_type, exception.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  input_error_type = PyErr_NewExceptionWithDoc(
      "mineflow.InputError",
      "Bad input: a file, field or option to fix. str() is the CLI's one-line message "
      "'file:line:column: field: found ..., expected ...'; attributes file, line, column "
      "(None when unknown), field, value, expected.",
      PyExc_ValueError, nullptr);
  if (input_error_type == nullptr) throw py::error_already_set();
  m.add_object("InputError", py::reinterpret_borrow<py::object>(input_error_type));
  py::register_exception_translator([](std::exception_ptr pending) {
    try {
      if (pending) std::rethrow_exception(pending);
    } catch (const InputError& error) {
      raise_input_error(error);
    } catch (const boost::program_options::unknown_option& error) {
      PyErr_SetString(PyExc_TypeError, error.what());
    } catch (const boost::program_options::error& error) {
      PyErr_SetString(PyExc_ValueError, error.what());
    } catch (const cli::Interrupted&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });
}

}  // namespace mineflow::python
