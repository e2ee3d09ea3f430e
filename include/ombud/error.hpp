#pragma once
// The typed errors of ombud; each maps to one documented exit code.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ombud {

/// Exit codes of the interface contract.
enum class ExitCode : int {
    ok = 0,
    failed = 1,
    usage = 2,
    not_found = 3,
    conflict = 4,
    busy = 5,
    storage = 6,
    /// `check`: done, and something needs attention (a deadline passed or close, …).
    attention = 10,
};

/// Base of every error ombud reports; `hint` is an optional second line ("run `ombud list` …").
class Error : public std::runtime_error {
  public:
    Error(ExitCode code, const std::string& message, std::string hint = {})
        : std::runtime_error(message), code_(code), hint_(std::move(hint)) {}

    ExitCode code() const { return code_; }
    const std::string& hint() const { return hint_; }
    /// Stable snake_case name used in JSON error objects (`not_found`, `conflict`, …).
    std::string_view code_name() const;
    /// Lines that say more, one problem each (the rows of a file that cannot be imported).
    const std::vector<std::string>& details() const { return details_; }
    void set_details(std::vector<std::string> details) { details_ = std::move(details); }

  private:
    ExitCode code_;
    std::string hint_;
    std::vector<std::string> details_;
};

struct UsageError : Error {
    explicit UsageError(const std::string& m, std::string hint = {})
        : Error(ExitCode::usage, m, std::move(hint)) {}
};
struct NotFoundError : Error {
    explicit NotFoundError(const std::string& m, std::string hint = {})
        : Error(ExitCode::not_found, m, std::move(hint)) {}
};
struct ConflictError : Error {
    explicit ConflictError(const std::string& m, std::string hint = {})
        : Error(ExitCode::conflict, m, std::move(hint)) {}
};
struct BusyError : Error {
    explicit BusyError(const std::string& m, std::string hint = {})
        : Error(ExitCode::busy, m, std::move(hint)) {}
};
struct StorageError : Error {
    explicit StorageError(const std::string& m, std::string hint = {})
        : Error(ExitCode::storage, m, std::move(hint)) {}
};

} // namespace ombud
