// The shared set-up of a database: the team, the settings of the service policy, holidays.

#include <ombud/error.hpp>
#include <ombud/text.hpp>
#include <ombud/tracker.hpp>

#include <fmt/format.h>

namespace ombud {

void Tracker::require_person(const std::string& name, std::string_view role) {
    if (store_.find_member(name))
        return;
    // A name close to a member's is a typo until someone says otherwise with `team add`.
    const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(2, name.size() / 3));
    for (const TeamMember& m : store_.team()) {
        if (text::edit_distance(text::ascii_lower(name), text::ascii_lower(m.name)) <= limit)
            throw UsageError(
                fmt::format("{} is not on the team; did you mean {}?", name, m.name),
                fmt::format("if {} is new, add them first: ombud team add \"{}\"", name, name));
    }
    TeamMember m;
    m.name = name;
    m.added_by_use = true;
    m.created_at = now_;
    store_.save_member(m);
    warn(fmt::format("{} is new to the team (as {}); add an e-mail address or a deputy with: "
                     "ombud team add \"{}\" --email …",
                     name, role, name));
}

TeamMember Tracker::member(const std::string& name) {
    if (auto m = store_.find_member(name))
        return *m;
    std::string hint = "see the team with: ombud team list";
    std::size_t best = 3;
    for (const TeamMember& m : store_.team()) {
        const std::size_t d =
            text::edit_distance(text::ascii_lower(name), text::ascii_lower(m.name));
        if (d < best) {
            best = d;
            hint = fmt::format("did you mean {}?", m.name);
        }
    }
    throw NotFoundError(fmt::format("{} is not on the team", name), hint);
}

TeamMember Tracker::team_add(const TeamRequest& r) {
    validate_text(r.name, "the name", max_name_bytes);
    if (r.email)
        validate_text(*r.email, "the e-mail address", max_name_bytes);
    if (r.deputy && *r.deputy == r.name)
        throw UsageError(fmt::format("{} cannot be their own deputy", r.name));
    TeamMember m;
    write([&] {
        const auto existing = store_.find_member(r.name);
        if (existing && !existing->added_by_use)
            throw ConflictError(fmt::format("{} is on the team already", r.name),
                                "see them with: ombud team list");
        if (r.deputy)
            require_person(*r.deputy, "deputy");
        m = existing.value_or(TeamMember{});
        m.name = r.name;
        if (r.email)
            m.email = r.email;
        if (r.deputy)
            m.deputy = r.deputy;
        m.added_by_use = false;
        if (!existing)
            m.created_at = now_;
        store_.save_member(m);
    });
    return m;
}

TeamMember Tracker::team_away(const std::string& name, Timestamp until,
                              const std::optional<std::string>& deputy) {
    if (until <= now_)
        throw UsageError(fmt::format("{} lies in the past", format_local(until)),
                         "give the day they are back, such as 2026-12-01 or monday");
    if (deputy && *deputy == name)
        throw UsageError(fmt::format("{} cannot stand in for themselves", name));
    TeamMember m;
    write([&] {
        m = member(name);
        if (deputy)
            require_person(*deputy, "deputy");
        m.away_until = until;
        m.away_deputy = deputy;
        store_.save_member(m);
        std::string why;
        if (!decider(name, why))
            warn(
                fmt::format("{}: nobody decides in their place; give a deputy with --deputy", why));
    });
    return m;
}

TeamMember Tracker::team_back(const std::string& name) {
    TeamMember m;
    write([&] {
        m = member(name);
        if (!m.away(now_))
            throw ConflictError(fmt::format("{} is not away", name));
        m.away_until.reset();
        m.away_deputy.reset();
        store_.save_member(m);
    });
    return m;
}

namespace {

SettingValue value_of(const SettingSpec& spec, const std::vector<Setting>& set) {
    for (const auto& s : set)
        if (s.key == spec.key)
            return {spec.key, s.value, false, spec.description};
    return {spec.key, spec.default_value, true, spec.description};
}

} // namespace

std::vector<SettingValue> Tracker::settings() {
    const auto set = store_.settings();
    std::vector<SettingValue> out;
    for (const auto& spec : setting_specs())
        out.push_back(value_of(spec, set));
    return out;
}

SettingValue Tracker::setting(const std::string& key) {
    return value_of(setting_spec(key), store_.settings());
}

SettingValue Tracker::set_setting(const std::string& key, const std::string& value) {
    validate_text(value, "the value", max_name_bytes);
    const std::string stored = check_setting(key, value);
    const SettingSpec& spec = setting_spec(key);
    write([&] { store_.set_setting(spec.key, stored); });
    policy_.reset();
    return {spec.key, stored, false, spec.description};
}

SettingValue Tracker::unset_setting(const std::string& key) {
    const SettingSpec& spec = setting_spec(key);
    write([&] { store_.unset_setting(spec.key); });
    policy_.reset();
    return {spec.key, spec.default_value, true, spec.description};
}

Holiday Tracker::add_holiday(const std::string& day, const std::optional<std::string>& name) {
    if (name)
        validate_text(*name, "the name", max_name_bytes);
    const Holiday h{format_local_date(parse_local_date(day)), name};
    write([&] {
        if (!store_.add_holiday(h))
            throw ConflictError(fmt::format("{} is a holiday already", h.day),
                                "see them with: ombud holiday list");
    });
    policy_.reset();
    return h;
}

Holiday Tracker::remove_holiday(const std::string& day) {
    Holiday h{format_local_date(parse_local_date(day)), std::nullopt};
    write([&] {
        for (const auto& existing : store_.holidays())
            if (existing.day == h.day)
                h = existing;
        if (!store_.remove_holiday(h.day))
            throw NotFoundError(fmt::format("{} is not a holiday", h.day),
                                "see them with: ombud holiday list");
    });
    policy_.reset();
    return h;
}

const Policy& Tracker::policy() {
    if (!policy_)
        policy_ = Policy::from(store_.settings(), store_.holidays());
    return *policy_;
}

Timestamp Tracker::business_from_now(const BusinessDuration& duration) {
    return add_business_time(policy().calendar, now_, duration);
}

} // namespace ombud
