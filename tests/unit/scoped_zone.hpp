#pragma once
// Sets TZ for one test and puts back what was there before.

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace ombud::test {

class ScopedZone {
  public:
    explicit ScopedZone(const char* tz) {
        if (const char* old = std::getenv("TZ"))
            old_ = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~ScopedZone() {
        if (old_)
            setenv("TZ", old_->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
    ScopedZone(const ScopedZone&) = delete;
    ScopedZone& operator=(const ScopedZone&) = delete;

  private:
    std::optional<std::string> old_;
};

} // namespace ombud::test
