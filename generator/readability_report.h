#pragma once
// The readability gate of the child pages: every child version is scored (Flesch-Douma, see
// readability.h) against `kinderen.minReadability` in ombudsite.json.
//
//   content/zaken/2025-00142.md: note: readability 84.1, 8.2 words per sentence (kinderen)
//   content/zaken/2025-00142.md:31: note: sentence of 17 words (more than 15): 'Toen …'
//   content/zaken/2025-00142.md: warning: readability 63.2 is below the minimum 70 (kinderen)

#include "generator/config.h"
#include "generator/diagnostics.h"
#include "generator/site_model.h"

namespace generator {

struct ReadabilityOptions {
  bool strict = false;  // a score below the minimum is an error (build --strict), else a warning
  bool notes = false;   // list every score, long sentence and long word as notes (check)
};

/// Scores the child version of every published document in `model` (nothing when the child
/// variant is off). Returns the number of child pages below the minimum.
int check_readability(const SiteModel& model, const SiteConfig& config,
                      const ReadabilityOptions& options, Diagnostics& diags);

}  // namespace generator
