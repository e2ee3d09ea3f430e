#pragma once
// CSV as RFC 4180 and spreadsheets write it: reading records, and quoting a field.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace ombud::csv {

/// One record and the line of the input it starts on (a quoted field may span lines).
struct Record {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

/// Reads records one at a time from `in`: fields separated by `delimiter` (`,`, `;` or a tab),
/// records ended by LF, CRLF or a lone CR. A field in double quotes may hold the delimiter, line
/// breaks (each read as one LF) and quotes written twice (`""`); a quote inside an unquoted
/// field is taken as it is.
/// A UTF-8 byte order mark at the start is skipped, and so are empty lines. Throws UsageError
/// naming the line for a quote never closed, text after a closing quote, a field over 1 MiB
/// or an input over `max_bytes`.
class Reader {
  public:
    explicit Reader(std::istream& in, char delimiter = ',', std::size_t max_bytes = 256u << 20);

    /// The next record; false at the end of the input.
    bool next(Record& record);

  private:
    int get();
    int peek();

    std::istream& in_;
    char delimiter_;
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::size_t line_ = 1;
    bool started_ = false;
};

/// `s` as one field: in quotes, with its quotes doubled, when it holds `delimiter`, a quote, CR
/// or LF; as it is otherwise.
std::string quote(std::string_view s, char delimiter = ',');

} // namespace ombud::csv
