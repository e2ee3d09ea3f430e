# The version string `ombud --version` prints: the project version, and when the source tree is
# a git checkout, the short revision of HEAD: "0.1.0 (abc1234)". A tree without .git of its own
# (an unpacked tarball, even one unpacked inside another repository) gives just "0.1.0".
#
# The revision is read at configure time. CMake is told that the configuration depends on HEAD
# and the branch it points to, so a commit or checkout makes the next build reconfigure and
# rebuild with the new revision. Edits that are not committed do not show: the string names the
# commit the build started from, not the state of the working tree.
#
# Sets OMBUD_VERSION_STRING.

set(OMBUD_VERSION_STRING "${PROJECT_VERSION}")

if(EXISTS "${PROJECT_SOURCE_DIR}/.git")
    find_package(Git QUIET)
endif()
if(GIT_FOUND)
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" rev-parse --short HEAD
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        OUTPUT_VARIABLE _ombud_revision
        ERROR_VARIABLE _ombud_git_error
        RESULT_VARIABLE _ombud_git_result
        OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(_ombud_git_result EQUAL 0 AND _ombud_revision MATCHES "^[0-9a-f]+$")
        string(APPEND OMBUD_VERSION_STRING " (${_ombud_revision})")

        # Reconfigure when HEAD moves: HEAD itself (checkout), the branch's ref file (commit),
        # packed-refs (where the ref lives after `git gc`) and HEAD's reflog (appended to by
        # every commit, checkout and reset). --git-path also finds them in a worktree, where
        # .git is a file. Only files that exist are watched.
        execute_process(
            COMMAND "${GIT_EXECUTABLE}" symbolic-ref -q HEAD
            WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
            OUTPUT_VARIABLE _ombud_ref
            RESULT_VARIABLE _ombud_ref_result
            OUTPUT_STRIP_TRAILING_WHITESPACE)
        set(_ombud_watch HEAD logs/HEAD packed-refs)
        if(_ombud_ref_result EQUAL 0 AND _ombud_ref)
            list(APPEND _ombud_watch "${_ombud_ref}")
        endif()
        foreach(_ombud_path IN LISTS _ombud_watch)
            execute_process(
                COMMAND "${GIT_EXECUTABLE}" rev-parse --git-path "${_ombud_path}"
                WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                OUTPUT_VARIABLE _ombud_file
                OUTPUT_STRIP_TRAILING_WHITESPACE)
            if(_ombud_file AND NOT IS_ABSOLUTE "${_ombud_file}")
                set(_ombud_file "${PROJECT_SOURCE_DIR}/${_ombud_file}")
            endif()
            if(_ombud_file AND EXISTS "${_ombud_file}")
                set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_ombud_file}")
            endif()
        endforeach()
    else()
        string(STRIP "${_ombud_git_error}" _ombud_git_error)
        message(STATUS "ombud: no git revision in --version (${_ombud_git_error})")
    endif()
endif()

message(STATUS "ombud: version ${OMBUD_VERSION_STRING}")
