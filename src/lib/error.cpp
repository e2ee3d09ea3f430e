#include <ombud/error.hpp>

namespace ombud {

std::string_view Error::code_name() const {
    switch (code_) {
    case ExitCode::ok:
        return "ok";
    case ExitCode::failed:
        return "failed";
    case ExitCode::usage:
        return "usage";
    case ExitCode::not_found:
        return "not_found";
    case ExitCode::conflict:
        return "conflict";
    case ExitCode::busy:
        return "busy";
    case ExitCode::storage:
        return "storage";
    case ExitCode::attention:
        return "attention";
    }
    return "failed";
}

} // namespace ombud
