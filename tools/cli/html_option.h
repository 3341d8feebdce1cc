#pragma once
// `--html FILE` for any command: the command builds a report::HtmlDocument from its charts and
// calls write_html_if_requested; the page is written whole or not at all.

#include <boost/program_options.hpp>

#include "tools/report/html_page.h"

namespace mineflow::cli {

void add_html_option(boost::program_options::options_description& options);
// True when --html was given (and the page was written).
bool write_html_if_requested(const boost::program_options::variables_map& vm,
                             const report::HtmlDocument& document);
// Writes one self-contained HTML page to `path` atomically.
void write_html(const std::string& path, const report::HtmlDocument& document);

}  // namespace mineflow::cli
