#include "commands.hpp"

namespace ombud::cli {
namespace {

struct HolidayOptions {
    std::string day;
    std::optional<std::string> name;
};

} // namespace

void setup_holiday(CLI::App& sub, Context& ctx) {
    sub.require_subcommand(0, 1);
    sub.callback([&sub, &ctx] {
        if (sub.get_subcommands().empty())
            ctx.out().holidays(ctx.tracker(OpenMode::read).holidays());
    });
    auto o = std::make_shared<HolidayOptions>();

    CLI::App* add = sub.add_subcommand("add", "Close the business on a date: deadlines skip it");
    add->fallthrough();
    add->add_option("DATE", o->day, "The day, YYYY-MM-DD")->required()->type_name("");
    add_optional(*add, "--name", o->name, "What the day is")->type_name("TEXT");
    add->callback([o, &ctx] {
        ctx.out().holiday_changed(true, ctx.tracker(OpenMode::write).add_holiday(o->day, o->name));
    });

    CLI::App* remove = sub.add_subcommand("remove", "Open on a date after all");
    remove->fallthrough();
    remove->add_option("DATE", o->day, "The day, YYYY-MM-DD")->required()->type_name("");
    remove->callback([o, &ctx] {
        ctx.out().holiday_changed(false, ctx.tracker(OpenMode::change).remove_holiday(o->day));
    });

    CLI::App* list = sub.add_subcommand("list", "Show the holidays");
    list->fallthrough();
    list->callback([&ctx] { ctx.out().holidays(ctx.tracker(OpenMode::read).holidays()); });
}

} // namespace ombud::cli
