#include "context.hpp"

#include <ombud/error.hpp>

#include <fmt/format.h>
#include <ombud/text.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ombud::cli {
namespace {

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0')
        return std::nullopt;
    return std::string(v);
}

bool color_allowed(const std::string& mode) {
    if (mode == "always")
        return true;
    if (mode == "never")
        return false;
    const auto term = env("TERM");
    return isatty(STDOUT_FILENO) && !env("NO_COLOR") && term.value_or("") != "dumb";
}

std::size_t output_width() {
    winsize ws{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    if (auto cols = env("COLUMNS")) {
        const long n = std::strtol(cols->c_str(), nullptr, 10);
        if (n > 0)
            return static_cast<std::size_t>(n);
    }
    return 0;
}

// Lock waits are bounded so a stuck writer surfaces as "busy" (exit 5), not a hang.
int busy_timeout_ms() {
    const auto v = env("OMBUD_BUSY_TIMEOUT");
    if (!v)
        return 10000;
    int ms = -1;
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), ms);
    if (ec != std::errc{} || end != v->data() + v->size() || ms < 0 || ms > 3600000)
        throw UsageError("OMBUD_BUSY_TIMEOUT must be a number of milliseconds from 0 to 3600000",
                         "unset it for the default of 10000");
    return ms;
}

// OMBUD_NETWORK_FS overrides what statfs says about the file system: for shares ombud does not
// recognise, and for local FUSE file systems that handle WAL well.
std::optional<bool> network_share_override() {
    const auto v = env("OMBUD_NETWORK_FS");
    if (!v || *v == "auto")
        return std::nullopt;
    if (*v == "yes" || *v == "1")
        return true;
    if (*v == "no" || *v == "0")
        return false;
    throw UsageError("OMBUD_NETWORK_FS must be yes, no or auto",
                     "unset it to let ombud tell from the file system");
}

} // namespace

void warn(const std::string& message) {
    std::fflush(stdout);
    std::fprintf(stderr, "ombud: warning: %s\n", text::sanitize(message).c_str());
}

std::istream& Context::input(const std::string& file, std::ifstream& file_stream,
                             std::string_view what) {
    if (file != "-") {
        file_stream.open(file, std::ios::binary);
        if (!file_stream)
            throw NotFoundError(fmt::format("cannot read {}", file), "check the file name");
        return file_stream;
    }
    if (isatty(STDIN_FILENO))
        throw UsageError(fmt::format("{} - reads stdin, and stdin is a terminal", what),
                         "pipe the input in, or give a file");
    return std::cin;
}

std::string Context::database_path() const {
    if (!globals.db.empty())
        return globals.db;
    if (auto p = env("OMBUD_DB"))
        return *p;
    if (auto xdg = env("XDG_DATA_HOME"))
        return *xdg + "/ombud/ombud.db";
    if (auto home = env("HOME"))
        return *home + "/.local/share/ombud/ombud.db";
    throw UsageError("no database given and no home folder to keep one in",
                     "pass --db PATH or set OMBUD_DB");
}

std::string Context::actor() const {
    if (!globals.as.empty())
        return globals.as;
    if (auto u = env("OMBUD_USER"))
        return *u;
    if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr)
        return pw->pw_name;
    if (auto u = env("USER"))
        return *u;
    throw UsageError("cannot tell who is acting", "pass --as NAME or set OMBUD_USER");
}

StoreOptions Context::store_options() const {
    return StoreOptions{.busy_timeout_ms = busy_timeout_ms(),
                        .network_share = network_share_override(),
                        .warn = warn};
}

Store& Context::store(OpenMode mode) {
    if (!store_)
        store_ = Store::open(database_path(), mode, store_options());
    return *store_;
}

Tracker& Context::tracker(OpenMode mode) {
    if (!tracker_) {
        tracker_ = std::make_unique<Tracker>(store(mode), actor(), now);
        tracker_->on_warning(warn);
    }
    return *tracker_;
}

Renderer& Context::out() {
    if (!renderer_) {
        switch (globals.format) {
        case Format::json:
            renderer_ = make_json_renderer(stdout, false);
            break;
        case Format::ndjson:
            renderer_ = make_json_renderer(stdout, true);
            break;
        case Format::csv:
            renderer_ = make_csv_renderer(stdout);
            break;
        case Format::human:
            renderer_ = make_human_renderer(
                stdout,
                HumanOptions{.color = color_allowed(globals.color),
                             .width = output_width(),
                             .hints = static_cast<bool>(isatty(STDERR_FILENO)),
                             .now = now,
                             .at_risk_before = [this, at = std::optional<Timestamp>()]() mutable {
                                 if (!at) {
                                     Tracker& t = tracker(OpenMode::read);
                                     at = t.business_from_now(t.policy().within);
                                 }
                                 return *at;
                             }});
            break;
        }
    }
    return *renderer_;
}

std::optional<std::string> Context::text_or_stdin(const std::optional<std::string>& arg,
                                                  std::string_view what, bool required) {
    if (arg && *arg != "-")
        return arg;
    if (!arg && isatty(STDIN_FILENO)) {
        if (required)
            throw UsageError(std::string(what) + " is missing",
                             "give it as an argument, or pipe it in (use - to read stdin)");
        return std::nullopt;
    }
    // Read one byte past the limit, so an endless pipe (`yes | ombud note 1`) is refused
    // as too long instead of filling memory.
    std::string text(max_text_bytes + 1, '\0');
    std::cin.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(std::cin.gcount()));
    // A piped mail or `echo` ends in a newline that is not part of the text.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    if (text.empty() && !arg && !required)
        return std::nullopt;
    return text;
}

} // namespace ombud::cli
