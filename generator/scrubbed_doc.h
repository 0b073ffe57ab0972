#pragma once
// ScrubbedDoc: the public form of a document. Only the scrub stage can make one (passkey), so
// raw text reaching a template is a compile error, not a review finding.

#include <optional>
#include <string>
#include <vector>

#include "anonymizer/scrub.h"
#include "generator/source_doc.h"

namespace generator {

/// Redactions inside scrubbed Markdown are wrapped in private-use markers, so that the HTML stage
/// can mark them up and plain-text outputs can drop them: kOpen, one ground char, text, kClose.
inline constexpr std::string_view kMarkOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kMarkClose = "\xEE\x80\x8F";  // U+E00F
/// U+E001 art. 5.1.2e, U+E002 art. 5.1.1e, U+E003 art. 5.1.1d.
std::string_view ground_mark(std::string_view ground);

/// Drops the markers: the text as a reader sees it ("[verzoeker] belde").
std::string strip_marks(std::string_view marked);

/// The scrubbed public fields. Marked fields keep redaction markers; all others are plain.
struct PublicFields {
  std::string path;
  DocKind kind = DocKind::kPagina;
  std::string id;
  std::string title;
  std::string date;
  std::string updated;
  std::string summary;
  std::string body_marked;  // Markdown with markers
  int body_line = 1;
  std::string municipality;
  std::vector<std::string> themes;
  std::string outcome;
  std::string report_number;
  std::string layout;
  SourcePos layout_pos;
  std::optional<KinderenVersion> kinderen;  // body is marked, scrubbed with the kinderen profile
  WooMeta woo;
  int weight = 0;
  bool menu = false;
  bool draft = false;
  int redaction_count = 0;
};

/// One redaction for the audit: where it was in the source field and what replaced it.
struct AuditEntry {
  std::string field;  // "body", "title", "kinderen.body", ...
  anonymizer::Redaction redaction;
  std::string original;  // the removed text; audit hashes it unless --reveal
};

struct AuditFlag {
  std::string field;
  anonymizer::Flag flag;
};

class ScrubbedDoc;
class ScrubMemo;

/// Scrubs every published field of `doc` (public profile; kinderen fields with the kinderen
/// profile). Audit entries go to `audit` when it is not null. With a `memo`, a field scrubbed
/// by an earlier build under the same binary, rules and allowlist takes the remembered result.
ScrubbedDoc scrub_document(const SourceDoc& doc, const anonymizer::Allowlist& allow,
                           const anonymizer::RuleSet& rules, std::vector<AuditEntry>* audit,
                           std::vector<AuditFlag>* flags, ScrubMemo* memo = nullptr);

class ScrubbedDoc {
 public:
  class Key {
    Key() = default;
    friend ScrubbedDoc scrub_document(const SourceDoc&, const anonymizer::Allowlist&,
                                      const anonymizer::RuleSet&, std::vector<AuditEntry>*,
                                      std::vector<AuditFlag>*, ScrubMemo*);
  };
  ScrubbedDoc(Key, PublicFields fields) : fields_(std::move(fields)) {}

  const PublicFields& fields() const { return fields_; }
  const PublicFields* operator->() const { return &fields_; }

 private:
  PublicFields fields_;
};

}  // namespace generator
