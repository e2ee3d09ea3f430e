#pragma once
// What every command shares: the global options, the database and the renderer.

#include "render.hpp"

#include <ombud/store.hpp>
#include <ombud/tracker.hpp>

#include <fstream>
#include <memory>
#include <optional>
#include <string>

namespace ombud::cli {

/// What stdout carries: `--format`, or `--json` for its short form.
enum class Format { human, json, ndjson, csv };

/// The global options, accepted before or after the subcommand.
struct Globals {
    std::string db;
    std::string as;
    Format format = Format::human;
    std::string color = "auto";
};

/// `ombud: warning: …` on stderr, after what stdout has so far.
void warn(const std::string& message);

class Context {
  public:
    Globals globals;
    /// One timestamp for the whole command, so everything it records agrees.
    Timestamp now = ombud::now();
    /// The exit status of a command that succeeded (`check` says 10 when something needs
    /// attention).
    int exit_status = 0;

    /// The database; `write` creates the file when it does not exist yet.
    Store& store(OpenMode mode);
    /// How the database is opened: busy timeout, network share, warnings.
    StoreOptions store_options() const;
    /// The tracker on the database, acting as actor().
    Tracker& tracker(OpenMode mode);
    Renderer& out();

    /// `arg` itself, or stdin when `arg` is "-" or absent and stdin is not a terminal.
    /// Throws UsageError when `required` and there is neither.
    std::optional<std::string> text_or_stdin(const std::optional<std::string>& arg,
                                             std::string_view what, bool required);

    /// The file a command reads (`-`: stdin, which must not be a terminal then), opened into
    /// `file_stream` when it is a file. `what` names the option in the message for a terminal.
    static std::istream& input(const std::string& file, std::ifstream& file_stream,
                               std::string_view what);

    /// `--db`, else $OMBUD_DB, else $XDG_DATA_HOME/ombud/ombud.db, else ~/.local/share/….
    std::string database_path() const;
    /// `--as`, else $OMBUD_USER, else the login name.
    std::string actor() const;

  private:
    std::unique_ptr<Store> store_;
    std::unique_ptr<Tracker> tracker_;
    std::unique_ptr<Renderer> renderer_;
};

} // namespace ombud::cli
