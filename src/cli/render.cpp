#include "render.hpp"

#include <ombud/error.hpp>

#include <fmt/format.h>

namespace ombud::cli {

void Renderer::unavailable(std::string_view what) {
    throw UsageError(fmt::format("{} has no CSV form", what), "use --json or the human output");
}

void Renderer::team(const std::vector<TeamMember>&) {
    unavailable("the team");
}
void Renderer::member(MemberAction, const TeamMember&) {
    unavailable("a team member");
}
void Renderer::settings(const std::vector<SettingValue>&) {
    unavailable("a setting");
}
void Renderer::setting(const SettingValue&) {
    unavailable("a setting");
}
void Renderer::setting_changed(const SettingValue&) {
    unavailable("a setting");
}
void Renderer::holidays(const std::vector<Holiday>&) {
    unavailable("the holidays");
}
void Renderer::holiday_changed(bool, const Holiday&) {
    unavailable("a holiday");
}
void Renderer::attention(const Attention&) {
    unavailable("the check");
}

} // namespace ombud::cli
