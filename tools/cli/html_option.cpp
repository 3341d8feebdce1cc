#include "tools/cli/html_option.h"

#include "tools/cli/output.h"
#include "tools/io/atomic_file.h"

namespace mineflow::cli {

namespace po = boost::program_options;

void add_html_option(po::options_description& options) {
  options.add_options()(
      "html", po::value<std::string>(),
      "also write a self-contained HTML page with charts to FILE (its folder created if missing)");
}

bool write_html_if_requested(const po::variables_map& vm, const report::HtmlDocument& document) {
  if (!vm.count("html")) return false;
  write_html(vm["html"].as<std::string>(), document);
  return true;
}

void write_html(const std::string& path, const report::HtmlDocument& document) {
  io::write_file_atomically(out_file_path(path, "page.html", "--html"),
                            report::render_html(document));
}

}  // namespace mineflow::cli
