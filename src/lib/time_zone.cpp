#include <ombud/time_zone.hpp>

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace ombud::tz {
namespace {

constexpr std::int64_t kLongAgo = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kForever = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kDay = 86400;
// About 17,400 years either side of 1970: as far as a rule's years are worked out (the
// calendar's years are a short).
constexpr std::int64_t kRuleReach = std::int64_t{1} << 39;

[[noreturn]] void invalid(const std::string& why) {
    throw std::runtime_error(why);
}

// Big-endian numbers from the bytes of a TZif file.
class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}

    std::string_view take(std::size_t n) {
        if (n > data_.size() - pos_)
            invalid("the file is cut short");
        const std::string_view s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::uint64_t unsigned_number(std::size_t bytes) {
        std::uint64_t v = 0;
        for (const char c : take(bytes))
            v = v << 8 | static_cast<unsigned char>(c);
        return v;
    }
    std::int64_t signed_number(std::size_t bytes) {
        const std::uint64_t v = unsigned_number(bytes);
        if (bytes == 8)
            return static_cast<std::int64_t>(v);
        const std::uint64_t sign = std::uint64_t{1} << (bytes * 8 - 1);
        return static_cast<std::int64_t>(v ^ sign) - static_cast<std::int64_t>(sign);
    }
    std::string_view rest() const { return data_.substr(pos_); }

  private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

struct Header {
    char version = 0;
    std::uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

    // The size of the data block that follows, with times of `time_size` bytes.
    std::uint64_t data_size(std::uint64_t time_size) const {
        return timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) +
               isstdcnt + isutcnt;
    }
};

Header read_header(Reader& r) {
    if (r.take(4) != "TZif")
        invalid("not a TZif file");
    Header h;
    h.version = r.take(1)[0];
    r.take(15);
    h.isutcnt = r.unsigned_number(4);
    h.isstdcnt = r.unsigned_number(4);
    h.leapcnt = r.unsigned_number(4);
    h.timecnt = r.unsigned_number(4);
    h.typecnt = r.unsigned_number(4);
    h.charcnt = r.unsigned_number(4);
    if (h.typecnt == 0 || h.typecnt > 256)
        invalid("the number of local time types is not 1 to 256");
    return h;
}

// ---- POSIX TZ strings ---------------------------------------------------------------------------

class PosixParser {
  public:
    explicit PosixParser(std::string_view s) : s_(s) {}

    PosixRule rule() {
        PosixRule r;
        name();
        r.standard = -offset(24);
        if (done())
            return r;
        name();
        PosixRule::Daylight d;
        d.offset = r.standard + 3600;
        if (!done() && peek() != ',')
            d.offset = -offset(24);
        if (done()) {
            // No rule given (zic always writes one): the US rule since 2007, which glibc also
            // uses when the database has no posixrules file.
            d.start = {PosixRule::Date::Kind::month_week_day, 3, 2, 0};
            d.end = {PosixRule::Date::Kind::month_week_day, 11, 1, 0};
        } else {
            expect(',');
            d.start = date();
            expect(',');
            d.end = date();
        }
        if (!done())
            fail();
        r.daylight = d;
        return r;
    }

  private:
    bool done() const { return i_ >= s_.size(); }
    char peek() const { return done() ? '\0' : s_[i_]; }
    [[noreturn]] void fail() const {
        invalid("the TZ string \"" + std::string(s_) + "\" is not valid");
    }
    void expect(char c) {
        if (peek() != c)
            fail();
        ++i_;
    }

    // `CET`, or `<+0330>` for names that are not letters.
    // At least three characters, the brackets not counted.
    void name() {
        const bool quoted = peek() == '<';
        if (quoted)
            ++i_;
        const std::size_t start = i_;
        if (quoted) {
            while (!done() && peek() != '>')
                ++i_;
        } else {
            while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))
                ++i_;
        }
        if (i_ - start < 3)
            fail();
        if (quoted)
            expect('>');
    }

    int number(int max) {
        if (!(peek() >= '0' && peek() <= '9'))
            fail();
        int v = 0;
        while (peek() >= '0' && peek() <= '9') {
            v = v * 10 + (s_[i_++] - '0');
            if (v > max)
                fail();
        }
        return v;
    }

    // [+-]hh[:mm[:ss]] in seconds; hours up to `max_hours`.
    std::int32_t offset(int max_hours) {
        int sign = 1;
        if (peek() == '+' || peek() == '-')
            sign = s_[i_++] == '-' ? -1 : 1;
        std::int32_t seconds = number(max_hours) * 3600;
        if (peek() == ':') {
            ++i_;
            seconds += number(59) * 60;
            if (peek() == ':') {
                ++i_;
                seconds += number(59);
            }
        }
        return sign * seconds;
    }

    PosixRule::Date date() {
        PosixRule::Date d;
        if (peek() == 'J') {
            ++i_;
            d.kind = PosixRule::Date::Kind::julian;
            d.day = number(365);
            if (d.day < 1)
                fail();
        } else if (peek() == 'M') {
            ++i_;
            d.kind = PosixRule::Date::Kind::month_week_day;
            d.month = number(12);
            expect('.');
            d.week = number(5);
            expect('.');
            d.day = number(6);
            if (d.month < 1 || d.week < 1)
                fail();
        } else {
            d.kind = PosixRule::Date::Kind::day_of_year;
            d.day = number(365);
        }
        if (peek() == '/') {
            ++i_;
            d.time = offset(167); // RFC 8536 allows -167 to 167 hours
        }
        return d;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

// The first second of the day `d` of `year` names, in local time as seconds since 1970.
std::int64_t rule_day(int year, const PosixRule::Date& d) {
    using namespace date;
    const date::year y{year};
    sys_days day;
    switch (d.kind) {
    case PosixRule::Date::Kind::julian:
        // Days 1 to 365, February 29 never counted: J60 is always March 1.
        day = sys_days{y / January / 1} + days(d.day - 1 + (y.is_leap() && d.day >= 60 ? 1 : 0));
        break;
    case PosixRule::Date::Kind::day_of_year:
        day = sys_days{y / January / 1} + days(d.day);
        break;
    case PosixRule::Date::Kind::month_week_day: {
        const date::month m{static_cast<unsigned>(d.month)};
        const date::weekday wd{static_cast<unsigned>(d.day)};
        day = d.week == 5 ? sys_days{y / m / wd[last]}
                          : sys_days{y / m / wd[static_cast<unsigned>(d.week)]};
        break;
    }
    }
    return day.time_since_epoch().count() * kDay;
}

} // namespace

PosixRule PosixRule::parse(std::string_view text) {
    return PosixParser(text).rule();
}

Period PosixRule::at(std::int64_t t) const {
    if (!daylight)
        return {kLongAgo, kForever, standard};
    // The changes of the years around t's, in order; at one moment the end of daylight time
    // comes before a start (a zone on daylight time all year has both at New Year).
    struct Change {
        std::int64_t at;
        bool starts;
    };
    // The calendar's years are short and its days int: far beyond the years 0000 to 9999 that
    // ombud asks about, the years around the edge of this range stand in.
    const std::int64_t probe = std::clamp(t, -kRuleReach, kRuleReach);
    const auto civil = date::year_month_day{
        date::floor<date::days>(date::sys_seconds{std::chrono::seconds(probe)})};
    const int year = static_cast<int>(civil.year());
    std::array<Change, 10> changes{};
    std::size_t n = 0;
    for (int y = year - 2; y <= year + 2; ++y) {
        changes[n++] = {rule_day(y, daylight->start) + daylight->start.time - standard, true};
        changes[n++] = {rule_day(y, daylight->end) + daylight->end.time - daylight->offset, false};
    }
    std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
        return a.at != b.at ? a.at < b.at : !a.starts && b.starts;
    });
    // The last change at or before t (two years back always has one), and the next after it.
    // (Only a t beyond the reach of the calendar lies before them all.)
    if (t < changes[0].at)
        return {kLongAgo, changes[0].at, changes[0].starts ? standard : daylight->offset};
    std::size_t i = 0;
    while (i + 1 < n && changes[i + 1].at <= t)
        ++i;
    const Change& now = changes[i];
    std::size_t next = i + 1;
    while (next < n && changes[next].at <= t)
        ++next;
    return {now.at, next < n ? changes[next].at : kForever,
            now.starts ? daylight->offset : standard};
}

Zone Zone::parse(std::string name, std::string_view tzif) {
    Zone z;
    z.name_ = std::move(name);
    Reader r(tzif);
    Header h = read_header(r);
    std::size_t time_size = 4;
    if (h.version >= '2') {
        // The version 1 block is there for old readers; the 64-bit one follows.
        const std::uint64_t skip = h.data_size(4);
        if (skip > r.rest().size())
            invalid("the file is cut short");
        r.take(skip);
        h = read_header(r);
        time_size = 8;
    }
    if (h.leapcnt > 0)
        invalid("zones with leap seconds (right/) are not supported");
    if (h.data_size(time_size) > r.rest().size())
        invalid("the file is cut short");
    z.transitions_.reserve(h.timecnt);
    for (std::uint64_t i = 0; i < h.timecnt; ++i) {
        z.transitions_.push_back(r.signed_number(time_size));
        if (i > 0 && z.transitions_[i] <= z.transitions_[i - 1])
            invalid("the transitions are not in order");
    }
    std::vector<std::uint8_t> type_of(h.timecnt);
    for (std::uint64_t i = 0; i < h.timecnt; ++i) {
        type_of[i] = static_cast<std::uint8_t>(r.unsigned_number(1));
        if (type_of[i] >= h.typecnt)
            invalid("a transition names a local time type that does not exist");
    }
    std::vector<std::int32_t> type_offset(h.typecnt);
    for (std::uint64_t i = 0; i < h.typecnt; ++i) {
        type_offset[i] = static_cast<std::int32_t>(r.signed_number(4));
        r.take(2); // is DST, abbreviation: ombud needs only the offset
        if (type_offset[i] <= -25 * 3600 || type_offset[i] >= 26 * 3600)
            invalid("an offset from UTC is out of range");
    }
    r.take(h.charcnt + h.isstdcnt + h.isutcnt);
    z.initial_ = type_offset[0];
    for (const std::uint8_t t : type_of)
        z.offsets_.push_back(type_offset[t]);
    if (time_size == 8) {
        // The footer: "\n" TZ string "\n"; empty when the last offset simply stays.
        const std::string_view footer = r.rest();
        if (footer.size() < 2 || footer.front() != '\n')
            invalid("the footer is missing");
        const std::size_t close = footer.find('\n', 1);
        if (close == std::string_view::npos)
            invalid("the footer is not ended");
        if (close > 1)
            z.rule_ = PosixRule::parse(footer.substr(1, close - 1));
    }
    return z;
}

Period Zone::at(std::int64_t t) const {
    const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), t);
    if (after == transitions_.begin()) {
        if (transitions_.empty() && rule_)
            return rule_->at(t);
        return {kLongAgo, transitions_.empty() ? kForever : transitions_.front(), initial_};
    }
    const auto i = static_cast<std::size_t>(after - transitions_.begin()) - 1;
    if (after != transitions_.end())
        return {transitions_[i], *after, offsets_[i]};
    if (!rule_)
        return {transitions_[i], kForever, offsets_[i]};
    Period p = rule_->at(t);
    p.begin = std::max(p.begin, transitions_[i]);
    return p;
}

LocalMeaning Zone::at_local(std::int64_t local) const {
    // Kept clear of the ends of int64, so that the arithmetic below cannot overflow.
    local = std::clamp(local, kLongAgo / 2, kForever / 2);
    // Offsets lie within a day and a bit of zero, so every period that can hold `local` overlaps
    // the two days either side of it: those are walked in order.
    LocalMeaning m;
    std::size_t matches = 0;
    // For a time that is skipped: the last period it lies after the start of, and the next one.
    Period started;
    Period following;
    bool follows = false;
    for (Period p = at(local - 2 * kDay);; p = at(p.end)) {
        const std::int64_t utc = local - p.offset;
        if (p.begin <= utc && utc < p.end) {
            if (matches++ == 0)
                m.first = p;
            m.second = p;
        }
        if (follows) {
            following = p;
            follows = false;
        }
        if (p.begin <= utc) {
            started = p;
            follows = true;
        }
        if (p.end == kForever || p.end > local + 2 * kDay)
            break;
    }
    if (matches == 1) {
        m.kind = LocalMeaning::Kind::unique;
    } else if (matches > 1) {
        m.kind = LocalMeaning::Kind::ambiguous;
    } else {
        m.kind = LocalMeaning::Kind::nonexistent;
        m.first = started;
        m.second = follows ? started : following;
    }
    return m;
}

std::string database_folder() {
    const char* dir = std::getenv("TZDIR");
    return dir && *dir ? dir : "/usr/share/zoneinfo";
}

namespace {

// Files of the database that are no zone of their own: the copies with leap seconds (right/)
// and POSIX names (posix/), the machine's own zone (localtime, a link out of the folder), the
// template of old rules (posixrules) and the zone of no place (Factory).
bool hidden(std::string_view name) {
    return name.starts_with("posix/") || name.starts_with("right/") || name == "posix" ||
           name == "right" || name == "localtime" || name == "posixrules" || name == "Factory";
}

// A name of the database, not a way out of it.
bool plausible_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\0') != std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        const std::string_view part = name.substr(start, end - start);
        if (part.empty() || part == "." || part == "..")
            return false;
        start = end + 1;
    }
    return true;
}

std::optional<Zone> load(const std::string& name) {
    if (!plausible_name(name) || hidden(name))
        return std::nullopt;
    std::ifstream in(database_folder() + "/" + name, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    try {
        return Zone::parse(name, bytes.str());
    } catch (const std::runtime_error&) {
        return std::nullopt; // a folder, a table, a damaged file: not a zone
    }
}

} // namespace

const Zone* find_zone(std::string_view name) {
    // Once per name and process: deadlines look their zone up for every complaint.
    static std::map<std::string, std::unique_ptr<Zone>, std::less<>> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        std::optional<Zone> zone = load(std::string(name));
        it = cache
                 .emplace(std::string(name),
                          zone ? std::make_unique<Zone>(std::move(*zone)) : nullptr)
                 .first;
    }
    return it->second.get();
}

std::vector<std::string> zone_names() {
    namespace fs = std::filesystem;
    const fs::path root = database_folder();
    std::vector<std::string> names;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path relative = it->path().lexically_relative(root);
        const std::string name = relative.generic_string();
        if (hidden(name)) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec))
            continue;
        std::ifstream in(it->path(), std::ios::binary);
        char magic[4] = {};
        if (in.read(magic, sizeof magic) && std::string_view(magic, 4) == "TZif")
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> configured_zone_name() {
    namespace fs = std::filesystem;
    std::error_code ec;
    // Where the link points, else (a link to a link) where it ends: the first names the zone
    // as the administrator chose it, also when that is itself a link to another zone's file.
    constexpr std::string_view folder = "zoneinfo/";
    for (const fs::path& target :
         {fs::read_symlink("/etc/localtime", ec), fs::canonical("/etc/localtime", ec)}) {
        const std::string path = target.generic_string();
        if (const std::size_t at = path.rfind(folder); at != std::string::npos)
            return path.substr(at + folder.size());
    }
    std::ifstream in("/etc/timezone");
    std::string line;
    if (std::getline(in, line)) {
        line.erase(line.find_last_not_of(" \t\r") + 1);
        line.erase(0, line.find_first_not_of(" \t"));
        if (!line.empty())
            return line;
    }
    return std::nullopt;
}

} // namespace ombud::tz
