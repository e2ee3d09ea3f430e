#include "commands.hpp"

#include <ombud/error.hpp>

namespace ombud::cli {
namespace {

struct TeamOptions {
    std::string name;
    std::optional<std::string> email, deputy, until;
};

} // namespace

void setup_team(CLI::App& sub, Context& ctx) {
    sub.require_subcommand(0, 1);
    sub.callback([&sub, &ctx] {
        // `ombud team` alone lists the team.
        if (sub.get_subcommands().empty())
            ctx.out().team(ctx.tracker(OpenMode::read).team());
    });
    auto o = std::make_shared<TeamOptions>();

    CLI::App* add = sub.add_subcommand("add", "Add someone to the team, or complete their entry");
    add->fallthrough();
    add->add_option("NAME", o->name, "Their name, as used with --owner and --to")
        ->required()
        ->type_name("");
    add_optional(*add, "--email", o->email, "Their e-mail address")->type_name("ADDR");
    add_optional(*add, "--deputy", o->deputy, "Who decides in their place while they are away")
        ->type_name("NAME");
    add->callback([o, &ctx] {
        const TeamMember m =
            ctx.tracker(OpenMode::write).team_add(TeamRequest{o->name, o->email, o->deputy});
        ctx.out().member(MemberAction::added, m);
    });

    CLI::App* away = sub.add_subcommand("away", "Mark someone away until a date");
    away->fallthrough();
    away->add_option("NAME", o->name, "Who is away")->required()->type_name("");
    add_optional(*away, "--until", o->until, "When they are back")->required()->type_name("WHEN");
    add_optional(*away, "--deputy", o->deputy, "Who decides in their place this time")
        ->type_name("NAME");
    away->callback([o, &ctx] {
        // A bare date means they are back at the start of that day; `2w` lies ahead.
        const Timestamp until = parse_when(*o->until, ctx.now, WhenUse::back);
        const TeamMember m = ctx.tracker(OpenMode::change).team_away(o->name, until, o->deputy);
        ctx.out().member(MemberAction::away, m);
    });

    CLI::App* back = sub.add_subcommand("back", "Mark someone back before the date they gave");
    back->fallthrough();
    back->add_option("NAME", o->name, "Who is back")->required()->type_name("");
    back->callback([o, &ctx] {
        ctx.out().member(MemberAction::back, ctx.tracker(OpenMode::change).team_back(o->name));
    });

    CLI::App* list = sub.add_subcommand("list", "Show the team, deputies and who is away");
    list->fallthrough();
    list->callback([&ctx] { ctx.out().team(ctx.tracker(OpenMode::read).team()); });
}

} // namespace ombud::cli
