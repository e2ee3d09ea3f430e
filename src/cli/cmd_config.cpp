#include "commands.hpp"

namespace ombud::cli {
namespace {

struct ConfigOptions {
    std::string key, value;
};

} // namespace

void setup_config(CLI::App& sub, Context& ctx) {
    sub.require_subcommand(0, 1);
    sub.callback([&sub, &ctx] {
        if (sub.get_subcommands().empty())
            ctx.out().settings(ctx.tracker(OpenMode::read).settings());
    });
    auto o = std::make_shared<ConfigOptions>();

    CLI::App* set = sub.add_subcommand("set", "Set a shared setting for everyone on this database");
    set->fallthrough();
    set->add_option("KEY", o->key,
                    "hours, timezone, sla.PRIORITY.response|resolve|decide, "
                    "check.within")
        ->required()
        ->type_name("");
    set->add_option("VALUE", o->value, "The value (none: no target)")->required()->type_name("");
    set->callback([o, &ctx] {
        ctx.out().setting_changed(ctx.tracker(OpenMode::write).set_setting(o->key, o->value));
    });

    CLI::App* get = sub.add_subcommand("get", "Show one setting");
    get->fallthrough();
    get->add_option("KEY", o->key, "The setting")->required()->type_name("");
    get->callback([o, &ctx] { ctx.out().setting(ctx.tracker(OpenMode::read).setting(o->key)); });

    CLI::App* unset = sub.add_subcommand("unset", "Go back to the default of a setting");
    unset->fallthrough();
    unset->add_option("KEY", o->key, "The setting")->required()->type_name("");
    unset->callback([o, &ctx] {
        ctx.out().setting_changed(ctx.tracker(OpenMode::change).unset_setting(o->key));
    });

    CLI::App* list = sub.add_subcommand("list", "Show every setting, with the defaults");
    list->fallthrough();
    list->callback([&ctx] { ctx.out().settings(ctx.tracker(OpenMode::read).settings()); });
}

} // namespace ombud::cli
