#pragma once
// `ombudsite scrub`: the anonymizer on stdin, for authors, scripts and the evaluation.

#include <iosfwd>
#include <string>

namespace generator {

struct ScrubCommand {
  std::string persons_file;  // JSON array [{"name", "role"}]
  std::string allow_file;    // JSON array of strings
  bool kinderen = false;
  bool json = true;
};

/// Exit code: 0 ok, 1 invalid input (UTF-8, JSON), 2 unreadable file.
int run_scrub(const ScrubCommand& command, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace generator
