#include "scoped_zone.hpp"

#include <ombud/csv_import.hpp>
#include <ombud/error.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace ombud;
using namespace ombud::csv_import;

namespace {

constexpr Timestamp t_now = 1795428300; // 2026-11-23T10:05:00Z, a Monday

Rows read_text(const std::string& text, const Options& o = {}) {
    std::istringstream in(text);
    return read(in, o, t_now);
}

// The message of the UsageError reading `text` throws for the whole file.
std::string file_error(const std::string& text, const Options& o = {}) {
    try {
        read_text(text, o);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

// Every problem of `text`, as `describe` tells them, one a line.
std::string problems(const std::string& text, const Options& o = {}) {
    std::string all;
    for (const auto& p : read_text(text, o).problems)
        all += describe(p) + "\n";
    return all;
}

Timestamp date(std::string_view text, DateOrder order = DateOrder::unset,
               WhenUse use = WhenUse::since) {
    return parse_date(text, order, t_now, use).time;
}

std::string date_error(std::string_view text, DateOrder order = DateOrder::unset) {
    try {
        parse_date(text, order, t_now, WhenUse::since);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("headers name fields by their name or a synonym, in any case") {
    CHECK(field_of("title") == "title");
    CHECK(field_of("  Subject ") == "title");
    CHECK(field_of("Name") == "customer");
    CHECK(field_of("Customer Name") == "customer");
    CHECK(field_of("E-mail") == "email");
    CHECK(field_of("e_mail") == "email");
    CHECK(field_of("MAIL") == "email");
    CHECK(field_of("Phone number") == "phone");
    CHECK(field_of("Assigned to") == "owner");
    CHECK(field_of("Notes") == "note");
    CHECK(field_of("Description") == "note");
    CHECK(field_of("Date") == "at");
    CHECK(field_of("opened") == "at");
    CHECK(field_of("Created") == "at");
    CHECK(field_of("created_at") == "at");
    CHECK(field_of("customer_email") == "email");
    CHECK(field_of("Deadline") == "due");
    CHECK(field_of("Klant") == "");
    CHECK(field_of("") == "");
}

TEST_CASE("ISO dates, with a time, and RFC 3339") {
    const test::ScopedZone zone("UTC0");
    CHECK(date("2026-11-23") == 1795392000);
    CHECK(date("2026-11-23") == date("2026-11-23 00:00"));
    CHECK(date("2026-11-23 14:05") == t_now + 4 * 3600);
    CHECK(date("2026-11-23T14:05") == date("2026-11-23 14:05"));
    CHECK(date("2026-11-23 9:05") == date("2026-11-23 09:05"));
    CHECK(date("2026-11-23 14:05:30") == date("2026-11-23 14:05") + 30);
    CHECK(date("2026-11-23T14:05:00Z") == date("2026-11-23 14:05"));
    CHECK(date("2026-11-23T14:05:00.123Z") == date("2026-11-23 14:05"));
    CHECK(date("2026-11-23T15:05:00+01:00") == date("2026-11-23 14:05"));
    CHECK(date("2026-11-23T15:05:00+0100") == date("2026-11-23 14:05"));
    CHECK(date("2026/11/23") == date("2026-11-23"));
    CHECK(date("2026-1-5") == date("2026-01-05"));
    // A deadline on a date is the end of that day.
    CHECK(parse_date("2026-11-23", DateOrder::unset, t_now, WhenUse::deadline).time ==
          date("2026-11-24") - 1);
}

TEST_CASE("a date in local time is read in the time zone") {
    const test::ScopedZone zone("Europe/Amsterdam");
    CHECK(date("2026-11-23 14:05") == t_now + 3 * 3600);
    CHECK(date("2026-11-23T14:05:00Z") == t_now + 4 * 3600);
}

TEST_CASE("day-first and month-first dates, by --dates") {
    const test::ScopedZone zone("UTC0");
    const Timestamp nov23 = date("2026-11-23");
    CHECK(date("23-11-2026", DateOrder::dmy) == nov23);
    CHECK(date("23/11/2026", DateOrder::dmy) == nov23);
    CHECK(date("23.11.2026", DateOrder::dmy) == nov23);
    CHECK(date("11/23/2026", DateOrder::mdy) == nov23);
    CHECK(date("03/04/2026", DateOrder::dmy) == date("2026-04-03"));
    CHECK(date("03/04/2026", DateOrder::mdy) == date("2026-03-04"));
    CHECK(date("3/4/2026", DateOrder::mdy) == date("2026-03-04"));
    CHECK(date("23-11-2026 14:05", DateOrder::dmy) == date("2026-11-23 14:05"));
    CHECK(date("11/23/2026 2:05 PM", DateOrder::mdy) == date("2026-11-23 14:05"));
    CHECK(date("11/23/2026 12:05 am", DateOrder::mdy) == date("2026-11-23 00:05"));
    CHECK(date("11/23/2026 12:05 PM", DateOrder::mdy) == date("2026-11-23 12:05"));
    // ISO dates read the same whatever --dates says.
    CHECK(date("2026-11-23", DateOrder::mdy) == nov23);
}

TEST_CASE("without --dates, a date with the year last reads only when it reads one way") {
    const test::ScopedZone zone("UTC0");
    CHECK(parse_date("23/11/2026", DateOrder::unset, t_now, WhenUse::since).read_as ==
          DateOrder::dmy);
    CHECK(parse_date("11/23/2026", DateOrder::unset, t_now, WhenUse::since).read_as ==
          DateOrder::mdy);
    CHECK(date("05/05/2026") == date("2026-05-05"));
    CHECK(parse_date("05/05/2026", DateOrder::unset, t_now, WhenUse::since).read_as ==
          DateOrder::unset);
    CHECK(parse_date("2026-11-23", DateOrder::unset, t_now, WhenUse::since).read_as ==
          DateOrder::unset);
    CHECK(date_error("03/04/2026") ==
          "\"03/04/2026\" reads as 3 April or as March 4: say which with --dates dmy (day "
          "first) or --dates mdy (month first)");
}

TEST_CASE("what is not a date says why") {
    const test::ScopedZone zone("UTC0");
    CHECK(date_error("11/23/2026", DateOrder::dmy) ==
          "\"11/23/2026\" has no month 23 (the day comes first, as --dates dmy says)");
    CHECK(date_error("13/14/2026") == "\"13/14/2026\" is not a date: neither 13 nor 14 is a month");
    CHECK(date_error("2026-02-30") == "\"2026-02-30\" is not a date: February 2026 has 28 days");
    CHECK(date_error("2026-13-01") == "\"2026-13-01\" has no month 13");
    CHECK(date_error("23-11-26", DateOrder::dmy) ==
          "\"23-11-26\" has a year of two digits: write it in four (2026)");
    CHECK(date_error("46349").find("a spreadsheet's number for a date") != std::string::npos);
    CHECK(date_error("tomorrow").starts_with("\"tomorrow\" is not a date: use 2026-11-23"));
    CHECK(date_error("2026-11-23 25:00") == "\"2026-11-23 25:00\" has no such time of day");
    CHECK(date_error("11/23/2026 14:05 PM", DateOrder::mdy) ==
          "\"11/23/2026 14:05 PM\" has an hour past 12 with AM or PM");
    CHECK(date_error("2026-11-23 14") ==
          "\"2026-11-23 14\" has no time of day in the form 14:05 after the date");
    CHECK(date_error("00/05/2026").starts_with("\"00/05/2026\" is not a date"));
    CHECK(date_error("2026-11-23 14:05 tomorrow")
              .starts_with("\"2026-11-23 14:05 tomorrow\" "
                           "is not a date"));
}

TEST_CASE("parse_date_order") {
    CHECK(parse_date_order("dmy") == DateOrder::dmy);
    CHECK(parse_date_order("MDY") == DateOrder::mdy);
    CHECK_THROWS_AS(parse_date_order("ymd"), UsageError);
}

TEST_CASE("rows become requests, columns found by their headers") {
    const test::ScopedZone zone("UTC0");
    const Rows rows = read_text("Subject,Name,E-mail,Phone,Channel,Category,Priority,Assigned "
                                "to,Deadline,Notes,Date\n"
                                "Parcel damaged,Jan,jan@example.nl,0612,Phone,delivery,HIGH,"
                                "anna,2026-12-01,\"Box\ncrushed\",2026-11-20 09:30\n"
                                "  Late  ,,,,,,,,,,\n");
    REQUIRE(rows.problems.empty());
    CHECK(rows.count == 2);
    REQUIRE(rows.requests.size() == 2);
    const OpenRequest& r = rows.requests[0];
    CHECK(r.title == "Parcel damaged");
    REQUIRE(r.customer);
    CHECK(r.customer->name == "Jan");
    CHECK(r.customer->email == "jan@example.nl");
    CHECK(r.customer->phone == "0612");
    CHECK(r.channel == "phone");
    CHECK(r.category == "delivery");
    CHECK(r.priority == Priority::high);
    CHECK(r.owner == "anna");
    CHECK(r.due == date("2026-12-02") - 1);
    CHECK(r.note == "Box\ncrushed");
    CHECK(r.at == date("2026-11-20 09:30"));
    // Blank cells are absent; text is trimmed.
    const OpenRequest& late = rows.requests[1];
    CHECK(late.title == "Late");
    CHECK_FALSE(late.customer);
    CHECK_FALSE(late.owner);
    CHECK_FALSE(late.at);
    CHECK(rows.places == std::vector<std::pair<std::size_t, std::size_t>>{{2, 2}, {3, 4}});
    CHECK(rows.columns[0].header == "Subject");
    CHECK(rows.columns[0].field == "title");
}

TEST_CASE("the ' that --format csv puts before a formula-like cell is taken off") {
    const Rows rows = read_text("title,phone,customer\n'=SUM(A1),'+31 6,'Jan\n");
    REQUIRE(rows.requests.size() == 1);
    CHECK(rows.requests[0].title == "=SUM(A1)");
    CHECK(rows.requests[0].customer->phone == "+31 6");
    CHECK(rows.requests[0].customer->name == "'Jan");
}

TEST_CASE("--map names the field of other columns, or leaves one out") {
    Options o;
    o.delimiter = ';';
    o.map = {"Klant=customer", "onderwerp = Title", "Intern="};
    const Rows rows = read_text("Onderwerp;Klant;Intern\nFactuur dubbel;Jan;secret\n", o);
    REQUIRE(rows.requests.size() == 1);
    CHECK(rows.requests[0].title == "Factuur dubbel");
    CHECK(rows.requests[0].customer->name == "Jan");
    CHECK(rows.columns[2].field == "");
    // A map overrides the name of a column.
    o = {};
    o.map = {"Name=", "Full name=customer"};
    const Rows other = read_text("title,Name,Full name\nX,short,Jan de Vries\n", o);
    CHECK(other.requests.at(0).customer->name == "Jan de Vries");
}

TEST_CASE("a file that cannot be read as a whole is refused") {
    CHECK(file_error("") == "the file is empty: a CSV import needs a header row");
    CHECK(file_error("customer,email\nJan,j@x.nl\n") ==
          "no column gives the title; the header has \"customer\", \"email\"");
    CHECK(file_error("Titel,Klant\nx,y\n") ==
          "unknown columns \"Titel\" (did you mean title?) and \"Klant\"");
    CHECK(file_error("title,Emial\nx,y\n") == "unknown column \"Emial\" (did you mean email?)");
    CHECK(file_error("title,,x\nx,y,z\n") == "unknown columns \"\" (column 2) and \"x\"");
    CHECK(file_error("Name,Customer,title\na,b,c\n") ==
          "the columns \"Name\" and \"Customer\" both give the customer");
    CHECK(file_error("Onderwerp;Klant\nx;y\n") ==
          "the header is one column, \"Onderwerp;Klant\", that looks separated by \";\"");
    CHECK(file_error("title\n\"open\n") == "line 2: a quoted field is never closed");
    CHECK(file_error("title\xff\nx\n") ==
          "line 1: the header is not UTF-8 (a bad byte at offset 5)");
    Options o;
    o.map = {"Klant"};
    CHECK(file_error("title\nx\n", o) == "--map \"Klant\" has no \"=\"");
    o.map = {"Klant=klant"};
    CHECK(file_error("title\nx\n", o) == "--map \"Klant=klant\": \"klant\" is not a field");
    o.map = {"title=titel"};
    CHECK(file_error("title\nx\n", o) ==
          "--map \"title=titel\": \"titel\" is not a field; did you mean title?");
    o.map = {"Klant=customer"};
    CHECK(file_error("title\nx\n", o) ==
          "--map names the column \"Klant\", which the header does not have");
    o = {};
    o.ignore_unknown = true;
    const Rows rows = read_text("title,Klant,,id\nx,y,z,4\n", o);
    CHECK(rows.requests.size() == 1);
    CHECK(rows.columns[1].field == "");
}

TEST_CASE("every problem of every row is told with its row, line and column") {
    const test::ScopedZone zone("UTC0");
    const std::string text = "title,priority,channel,date,due,email\n"
                             "ok,high,phone,2026-11-01,,\n"
                             ",low,,,,\n"
                             "bad priority,huge,fax,,,\n"
                             "\"two\nlines\",,,2099-01-01,,\n"
                             "late,,,2026-11-01,2026-10-01,\n"
                             "past,,,,2020-01-01,\n"
                             "wide,,,,,,,extra\n"
                             ",,,,,\n"
                             "bytes,,,,,\xC3(\n";
    const Rows rows = read_text(text);
    CHECK(problems(text) ==
          "row 3: column \"title\": is empty, and every complaint needs a title\n"
          "row 4: column \"priority\": invalid priority \"huge\": use one of low, normal, high, "
          "urgent\n"
          "row 4: column \"channel\": invalid channel \"fax\": use one of phone, email, letter, "
          "chat, social, in-person, web, other\n"
          "row 5: column \"date\": \"2099-01-01\" is in the future\n"
          "row 6 (line 7): column \"due\": \"2026-10-01\" is before the complaint was opened "
          "(\"2026-11-01\")\n"
          "row 7 (line 8): column \"due\": \"2020-01-01\" is in the past, and no column gives the "
          "time the complaint was opened\n"
          "row 8 (line 9): has 8 fields, the header only 6\n"
          "row 10 (line 11): column \"email\": is not UTF-8 (a bad byte at offset 0): save the "
          "file as CSV UTF-8\n");
    CHECK(rows.count == 8);
    REQUIRE(rows.requests.size() == 1);
    CHECK(rows.requests[0].title == "ok");
    CHECK(bad_rows(rows.problems) == 7);
}

TEST_CASE("without --dates, the rows of a column read their dates one way") {
    const test::ScopedZone zone("UTC0");
    CHECK(problems("title,date\na,23/11/2025\nb,05/05/2025\nc,11/23/2025\n") ==
          "row 4: column \"date\": \"11/23/2025\" has the month first, but row 2 has the day "
          "first (\"23/11/2025\"): say which with --dates dmy or --dates mdy\n");
    CHECK(problems("title,date\na,03/04/2025\n") ==
          "row 2: column \"date\": \"03/04/2025\" reads as 3 April or as March 4: say which with "
          "--dates dmy (day first) or --dates mdy (month first)\n");
    Options o;
    o.dates = DateOrder::dmy;
    CHECK(problems("title,date\na,03/04/2025\nb,23/11/2025\n", o) == "");
}

TEST_CASE("combine tells the refusals of the database as rows and columns") {
    Rows rows;
    rows.columns = {{"Subject", "title"}, {"Handler", "owner"}};
    rows.count = 3;
    rows.requests.resize(2);
    rows.places = {{2, 2}, {4, 5}};
    rows.problems = {{3, 3, "Subject", "is empty"}};
    BatchReport batch;
    batch.refused = {{1, "owner", "Ana is not on the team; did you mean Anna?"}};
    batch.opened.resize(1);
    batch.opened[0].id = 7;
    batch.new_customers = {"Jan"};
    const Report r = combine(rows, batch, true);
    CHECK(r.dry_run);
    CHECK_FALSE(r.written);
    CHECK(r.rows == 3);
    CHECK(r.complaints == 1);
    CHECK_FALSE(r.first_id);
    REQUIRE(r.problems.size() == 2);
    CHECK(describe(r.problems[0]) == "row 3: column \"Subject\": is empty");
    CHECK(describe(r.problems[1]) ==
          "row 4 (line 5): column \"Handler\": Ana is not on the team; did you mean Anna?");
    batch.written = true;
    const Report written = combine(rows, batch, false);
    CHECK(written.first_id == 7);
    CHECK(written.last_id == 7);
}
