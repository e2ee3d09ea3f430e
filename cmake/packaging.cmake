# The Debian package, built with CPack from the install rules in CMakeLists.txt:
#
#   cmake --preset release && cmake --build --preset release && (cd build && cpack -G DEB)
#
# gives build/ombud_<version>_<arch>.deb. Its dependencies are computed by dpkg-shlibdeps (from
# dpkg-dev, which also needs `file`) from the libraries the binary is linked against.
# tests/packaging/test_deb.sh builds and checks it.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ombud)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "complaint tracker for the terminal")
set(CPACK_PACKAGE_DESCRIPTION
    "ombud logs customer complaints and sees them through: one owner at a time,\n"
    "an append-only record of every contact, escalation to whoever has the\n"
    "mandate, deadlines, and the customer's rating at close. It is one command\n"
    "with subcommands, keeps everything in one SQLite file and prints output for\n"
    "people or as JSON for scripts.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_CONTACT
    "ombud maintainers <maintainers@ombud.invalid>"
    CACHE STRING "Maintainer of the Debian package, as \"Name <e-mail>\"")

# Everything lives under /usr, as for any Debian package. cpack runs the install rules with this
# prefix (and DESTDIR set to its staging folder), so the zsh completion goes to
# /usr/share/zsh/vendor-completions, where Debian's zsh looks (see CMakeLists.txt).
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The release preset builds with debug information; the package carries the stripped binary.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME ombud)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # ombud_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(PROJECT_HOMEPAGE_URL)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Business time reads the system's time-zone database at run time (no library brings it in).
set(CPACK_DEBIAN_PACKAGE_DEPENDS tzdata)
# Control files owned by root with the modes dpkg expects (0644, scripts 0755).
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
