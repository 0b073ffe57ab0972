#pragma once
// Valid personal identifiers to plant in benchmark cases: BSNs that pass the elfproef, IBANs with
// mod-97 check digits, Dutch personal telephone numbers, e-mail addresses, street addresses and
// postcodes, each in one of the ways people write them.

#include <string>
#include <string_view>
#include <vector>

#include "bench/rng.h"

namespace bench {

struct Identifier {
  std::string text;                // as written in the case
  std::vector<std::string> forms;  // what the leak check looks for: `text` and normalised forms
};

Identifier make_bsn(Rng& rng);
Identifier make_iban(Rng& rng);
Identifier make_mobile_phone(Rng& rng);
Identifier make_fixed_phone(Rng& rng);
// An address from the person's name: "anouk.vandermeulen@example.com".
Identifier make_email(Rng& rng, std::string_view first_name, std::string_view surname);
Identifier make_street_address(Rng& rng);  // "Javastraat 12", "Bijlmerdreef 101-3"
Identifier make_postcode(Rng& rng);        // "1094 HJ" or "1094HJ"

// Lower-case ASCII letters and digits of a name: "Öztürk" -> "ozturk", "van der Meulen" ->
// "vandermeulen".
std::string ascii_fold(std::string_view text);

}  // namespace bench
