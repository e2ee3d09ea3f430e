#include "commands.hpp"

namespace ombud::cli {

// Alone in its file, outside the unity batches: a new commit changes OMBUD_VERSION, and only
// this file is compiled again.
const char* version() {
    return OMBUD_VERSION;
}

} // namespace ombud::cli
