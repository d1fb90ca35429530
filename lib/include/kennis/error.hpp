#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace kennis {

// The exit codes of the command-line contract.
enum class ExitCode : int {
    ok = 0,
    failure = 1,
    usage = 2,
    partial = 3,
    locked = 4,
};

// Every error the library raises carries the exit code the CLI should end with, a message that
// reads as one complete line for a user (no trailing period, no newline), and, where there is
// one, a hint: what to do about it, printed on a line of its own.
class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message, std::string hint = {})
        : std::runtime_error(message), m_code(code), m_hint(std::move(hint)) {}
    ExitCode code() const noexcept { return m_code; }
    const std::string& hint() const noexcept { return m_hint; }

private:
    ExitCode m_code;
    std::string m_hint;
};

// Bad input from a file, page or argument that names its source: exit 1, nothing changed.
class InputError : public Error {
public:
    explicit InputError(const std::string& message) : Error(ExitCode::failure, message) {}
};

// A command used wrongly or a query that cannot be parsed: exit 2.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

// A DOC argument that names no document; carries the closest titles as suggestions.
class NotFoundError : public Error {
public:
    NotFoundError(const std::string& message, std::vector<std::string> suggestions)
        : Error(ExitCode::failure, message), m_suggestions(std::move(suggestions)) {}
    const std::vector<std::string>& suggestions() const noexcept { return m_suggestions; }

private:
    std::vector<std::string> m_suggestions;
};

// Another kennis run holds the library's writer lock.
class LockedError : public Error {
public:
    LockedError(const std::string& message, std::string hint) : Error(ExitCode::locked, message, std::move(hint)) {}
};

// The catalogue database could not do what was asked (a damaged file, a full disk, …); the
// message names the catalogue's path.
class CatalogueError : public Error {
public:
    CatalogueError(const std::string& message, std::string hint) : Error(ExitCode::failure, message, std::move(hint)) {}
};

} // namespace kennis
