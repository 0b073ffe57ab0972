#pragma once
// What the render stages produce and the write stage publishes.

#include <string>
#include <vector>

namespace generator {

struct OutputFile {
  std::string path;  // relative to the output folder, '/' separated: "zaken/2025-00142/index.html"
  std::string bytes;
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace generator
