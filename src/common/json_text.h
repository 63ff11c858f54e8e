// Parsing JSON that came from outside (request bodies, JSON held in a text field).
// Invariant: no JSON value deeper than kMaxJsonDepth levels ever reaches the rest of the
// server. nlohmann's parser itself is iterative, but copying, comparing and dumping a
// value recurse once per level, so 150,000 nested '[' exhausted a worker's stack and
// stopped the whole process; the depth is therefore checked on the text, in one linear
// pass, before anything is built from it.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

namespace yilian::common {

inline constexpr int kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects in `text`, counting only brackets outside
// strings; stops counting once `limit` is passed (the answer is then limit + 1).
int json_depth(std::string_view text, int limit = kMaxJsonDepth);

// The parsed value, or a discarded value when `text` is not JSON or nests deeper than
// kMaxJsonDepth (`too_deep` tells which).
nlohmann::json parse_untrusted_json(std::string_view text, bool* too_deep = nullptr);

}  // namespace yilian::common
