// ombudsite: parses arguments, calls the generator, maps the result to exit codes 0/1/2.

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "generator/audit.h"
#include "generator/build.h"
#include "generator/cli_scrub.h"
#include "generator/scaffold.h"
#include "generator/serve.h"

namespace {

constexpr const char* kUsage =
    R"(ombudsite — publish an ombudsman's case summaries and reports with personal data removed

Usage:
  ombudsite build  [-s ROOT] [-o OUT] [-j N] [--quiet] [--verbose] [--strict]
                   [--cache DIR | --no-cache]
                   build ROOT (default .) into OUT (default ROOT/site); verify runs at the end.
                   A child page that reads too hard (Flesch-Douma below kinderen.minReadability
                   in ombudsite.json, default 70) is a warning; with --strict (CI) an error, and
                   nothing is written. Incremental: with nothing changed (inputs, options, the
                   binary) nothing is written; otherwise only changed files are. The cache
                   lives in DIR (default ROOT/.ombudsite-cache, never inside OUT); --no-cache
                   builds cold and neither reads nor writes it
  ombudsite check  [-s ROOT] [-j N] [--strict]
                   validate content and templates, run verify, write nothing; lists the
                   readability of every child page with its sentences over 15 words and words
                   over 4 syllables as path:line notes
  ombudsite verify [-s ROOT] [-o OUT]  scan a built site for leaks of declared persons and
                                       identifiers (persons are read from ROOT/content)
  ombudsite scrub  [--persons FILE] [--allow FILE] [--profile public|kinderen]
                   [--format json|text] < text
                   scrub UTF-8 text from stdin; --persons is a JSON array [{"name","role"}],
                   --allow a JSON array of strings to keep: e-mail addresses ("@domain" for a
                   whole domain); any other entry is kept both as a public person's name and
                   verbatim as a term (an address, a service number)
  ombudsite audit  [-s ROOT] [-o DIR] [--format html|json|csv] [--reveal]
                   the Woo officer's report of every redaction and flagged term, written to
                   DIR (default ROOT/audit, never inside site/); originals appear only as
                   salted hashes unless --reveal
  ombudsite serve  [-s ROOT] [--port N] [--host ADDR] [-j N]
                   live preview at http://127.0.0.1:1313/ (--port 0: any free port; the URL is
                   printed): drafts with a banner, every redaction listed with its category and
                   rule, rebuilt and reloaded on every change, a failed build shown over the
                   last good site. Builds into ROOT/.ombudsite-cache/serve, never into site/
  ombudsite new    zaak ID | rapport SLUG [-s ROOT]
                   create content/zaken/ID.md or content/rapporten/SLUG.md as a draft with
                   every field explained; never overwrites an existing file
  ombudsite --help | --version

Examples:
  ombudsite build                      build ./content into ./site
  ombudsite build --no-cache -o public a cold build into ./public, as CI may want
  ombudsite check -s ../website        what is wrong with a site, without writing
  echo 'Mevrouw Jansen belde.' | ombudsite scrub --format text
  ombudsite new zaak 2025-00400        start a new zaakverslag, then edit it and run check
  ombudsite serve                      preview while writing; Ctrl-C stops

Exit status: 0 ok, 1 content, template or verification errors, 2 usage error.
Errors read: path:line:col: error: message — every error of a run is listed.
)";

struct Args {
  std::string command;
  generator::BuildOptions build;
  bool quiet = false;
  generator::ScrubCommand scrub;
  std::string format;
  bool reveal = false;
  generator::ServeOptions serve;
  std::vector<std::string> operands;  // `new zaak 2025-00123`: {"zaak", "2025-00123"}
};

int usage_error(const std::string& message) {
  std::cerr << "ombudsite: " << message << "\nTry 'ombudsite --help'.\n";
  return 2;
}

// Returns 0 when parsed, otherwise the exit code to stop with.
int parse(int argc, char** argv, Args& args) {
  std::vector<std::string> a(argv + 1, argv + argc);
  if (a.empty()) return usage_error("no command given");
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string& arg = a[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= a.size()) return false;
      out = a[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return -1;
    } else if (arg == "--version") {
      std::cout << "ombudsite " << OMBUDSITE_VERSION << "\n";
      return -1;
    } else if (args.command.empty() && !arg.empty() && arg[0] != '-') {
      args.command = arg;
    } else if (args.command == "new" && !arg.empty() && arg[0] != '-') {
      args.operands.push_back(arg);
    } else if (arg == "-s" || arg == "--source") {
      if (!value(v)) return usage_error(arg + " needs a folder");
      args.build.root = v;
    } else if (arg == "-o" || arg == "--output") {
      if (!value(v)) return usage_error(arg + " needs a folder");
      args.build.out = v;
    } else if (arg == "-j" || arg == "--jobs") {
      if (!value(v)) return usage_error(arg + " needs a number");
      try {
        args.build.jobs = std::stoi(v);
      } catch (...) {
        return usage_error("-j needs a number, not '" + v + "'");
      }
      if (args.build.jobs < 1 || args.build.jobs > 256) return usage_error("-j must be 1..256");
    } else if (arg == "--quiet" || arg == "-q") {
      args.quiet = true;
    } else if (arg == "--strict") {
      args.build.strict = true;
    } else if (arg == "--cache") {
      if (!value(v) || v.empty()) return usage_error("--cache needs a folder");
      args.build.cache = v;
    } else if (arg == "--no-cache") {
      args.build.use_cache = false;
    } else if (arg == "--verbose" || arg == "-v") {
      args.build.verbose = true;
    } else if (arg == "--persons") {
      if (!value(args.scrub.persons_file)) return usage_error("--persons needs a file");
    } else if (arg == "--allow") {
      if (!value(args.scrub.allow_file)) return usage_error("--allow needs a file");
    } else if (arg == "--profile") {
      if (!value(v) || (v != "public" && v != "kinderen"))
        return usage_error("--profile is public or kinderen");
      args.scrub.kinderen = v == "kinderen";
    } else if (arg == "--format") {
      if (!value(args.format)) return usage_error("--format needs a value");
    } else if (arg == "--reveal") {
      args.reveal = true;
    } else if (arg == "--port") {
      if (!value(v)) return usage_error("--port needs a number");
      try {
        std::size_t used = 0;
        args.serve.port = std::stoi(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
      } catch (...) {
        return usage_error("--port needs a number, not '" + v + "'");
      }
      if (args.serve.port < 0 || args.serve.port > 65535) return usage_error("--port is 0..65535");
    } else if (arg == "--host") {
      if (!value(args.serve.host) || args.serve.host.empty())
        return usage_error("--host needs an address");
    } else {
      return usage_error("unknown option '" + arg + "'");
    }
  }
  if (args.command.empty()) return usage_error("no command given");
  if (args.command == "scrub" && !args.format.empty()) {
    if (args.format != "json" && args.format != "text")
      return usage_error("scrub --format is json or text");
    args.scrub.json = args.format == "json";
  }
  if (args.command == "audit" && !args.format.empty() && args.format != "html" &&
      args.format != "json" && args.format != "csv")
    return usage_error("audit --format is html, json or csv");
  return 0;
}

int print_diagnostics(const generator::Diagnostics& diags, bool quiet) {
  for (const auto& d : diags.sorted())
    if (!quiet || d.severity == generator::Severity::kError) std::cerr << d.format() << "\n";
  return diags.has_errors() ? 1 : 0;
}

std::string summary_line(const generator::BuildSummary& s, bool wrote) {
  std::string line;
  std::size_t pages = 0;
  for (const auto& [kind, n] : s.pages_by_kind) pages += n;
  line += std::to_string(pages) + " documents (";
  bool first = true;
  for (const auto& [kind, n] : s.pages_by_kind) {
    line += (first ? "" : ", ") + std::to_string(n) + " " + kind;
    first = false;
  }
  line += "), " + std::to_string(s.files) + " files";
  if (s.up_to_date) line += ", up to date";
  if (wrote)
    line +=
        " (" + std::to_string(s.written) + " written, " + std::to_string(s.kept) + " unchanged)";
  std::size_t redactions = 0;
  for (const auto& [cat, n] : s.redactions_by_category) redactions += n;
  line += ", " + std::to_string(redactions) + " redactions";
  char buf[32];
  std::snprintf(buf, sizeof buf, " in %.2f s", s.seconds);
  return line + buf;
}

// The second summary line: "redactions by category: bsn 1, naam 12; warnings: 0".
std::string redactions_line(const generator::BuildSummary& s, std::size_t warnings) {
  std::string line = "redactions by category: ";
  bool first = true;
  for (const auto& [cat, n] : s.redactions_by_category) {
    line += (first ? "" : ", ") + cat + " " + std::to_string(n);
    first = false;
  }
  if (first) line += "none";
  return line + "; warnings: " + std::to_string(warnings);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (int rc = parse(argc, argv, args); rc != 0) return rc < 0 ? 0 : rc;
  generator::Diagnostics diags;
  generator::BuildSummary summary;

  if (args.command == "build" || args.command == "check") {
    args.build.write = args.command == "build";
    using Mode = generator::ProgressPrinter::Mode;
    generator::ProgressPrinter progress(std::cerr, args.quiet                ? Mode::kSilent
                                                   : ::isatty(STDERR_FILENO) ? Mode::kBar
                                                   : args.build.verbose      ? Mode::kLines
                                                                             : Mode::kSilent);
    args.build.progress = progress.callback();
    bool ok = generator::build_site(args.build, diags, summary);
    progress.finish();
    int rc = print_diagnostics(diags, args.quiet);
    if (args.build.verbose)
      for (const auto& t : summary.timings) std::cerr << "  " << t << "\n";
    if (ok && !args.quiet)
      std::cout << (args.build.write ? "built: " : "checked: ")
                << summary_line(summary, args.build.write) << "\n"
                << redactions_line(summary, diags.warning_count()) << "\n";
    if (!ok)
      std::cerr << "ombudsite: " << diags.error_count() << " error(s); nothing was written\n";
    return ok ? 0 : (rc == 0 ? 1 : rc);
  }
  if (args.command == "verify") {
    bool ok = generator::verify_site(args.build, diags, summary);
    print_diagnostics(diags, args.quiet);
    if (!args.quiet)
      std::cout << "verify: " << summary.files << " files, " << summary.leaks << " leaks\n";
    return ok ? 0 : 1;
  }
  if (args.command == "audit") {
    generator::AuditOptions audit;
    audit.root = args.build.root;
    audit.out = args.build.out;
    audit.jobs = args.build.jobs;
    audit.reveal = args.reveal;
    if (!args.format.empty()) audit.format = args.format;
    generator::AuditTotals totals;
    bool ok = generator::write_audit(audit, diags, totals);
    print_diagnostics(diags, args.quiet);
    if (ok && !args.quiet)
      std::cout << "audit: " << totals.documents << " documents, " << totals.redactions
                << " redactions, " << totals.flags << " flagged terms, "
                << totals.unredacted_documents << " documents without redactions, "
                << totals.persons_not_found << " declared persons not found -> "
                << totals.file.generic_string() << "\n";
    return ok ? 0 : 1;
  }
  if (args.command == "serve") {
    if (!args.build.out.empty())
      return usage_error("serve builds into ROOT/.ombudsite-cache/serve; -o is not used");
    args.serve.root = args.build.root;
    args.serve.jobs = args.build.jobs;
    return generator::run_serve(args.serve, std::cout, std::cerr);
  }
  if (args.command == "scrub")
    return generator::run_scrub(args.scrub, std::cin, std::cout, std::cerr);
  if (args.command == "new") {
    if (args.operands.size() != 2)
      return usage_error("new needs a kind and an id: 'new zaak 2025-00123' or 'new rapport slug'");
    generator::ScaffoldRequest request;
    request.root = args.build.root;
    request.kind = args.operands[0];
    request.id = args.operands[1];
    generator::ScaffoldResult r = generator::create_content_file(request);
    if (r.status == generator::ScaffoldStatus::kUsageError)
      return usage_error("new " + request.kind + ": " + r.message);
    if (r.status == generator::ScaffoldStatus::kFailed) {
      std::cerr << "ombudsite: " << r.message << "\n";
      return 1;
    }
    std::string shown = request.root == "." ? r.path : (request.root / r.path).generic_string();
    if (!args.quiet)
      std::cout << "created " << shown << " (status: draft)\n"
                << "next: fill in the fields and the text, then run 'ombudsite check'\n";
    return 0;
  }
  return usage_error("unknown command '" + args.command + "'");
}
