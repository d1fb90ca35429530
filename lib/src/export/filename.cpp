#include "kennis/filename.hpp"

#include "kennis/error.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fmt/format.h>
#include <map>

namespace kennis {
namespace fs = std::filesystem;
namespace {

bool is_reserved(std::string_view name) {
    // Windows ignores everything from the first dot when it matches device names, and takes the
    // superscript digits for digits ("COM¹").
    std::string stem(name.substr(0, name.find('.')));
    while (!stem.empty() && (stem.back() == ' '))
        stem.pop_back();
    if (stem.size() < 3 || stem.size() > 7) // no device name is longer or shorter; most titles are
        return false;
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    static constexpr std::array<std::string_view, 6> plain{"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
    if (std::find(plain.begin(), plain.end(), stem) != plain.end())
        return true;
    if (!stem.starts_with("COM") && !stem.starts_with("LPT"))
        return false;
    const std::string_view digit = std::string_view(stem).substr(3);
    static constexpr std::array<std::string_view, 3> superscripts{"\xC2\xB9", "\xC2\xB2", "\xC2\xB3"}; // ¹ ² ³
    return (digit.size() == 1 && digit[0] >= '1' && digit[0] <= '9') ||
           std::find(superscripts.begin(), superscripts.end(), digit) != superscripts.end();
}

// Extensions of files that run when a Windows user opens them.
bool program_extension(std::string_view name) {
    static constexpr std::array<std::string_view, 28> programs{
        ".exe", ".com", ".scr", ".pif", ".cpl", ".dll", ".msi", ".msp", ".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe",
        ".js", ".jse", ".wsf", ".wsh", ".hta", ".lnk", ".url", ".jar", ".reg", ".appx", ".msix", ".iso", ".img", ".vhd"};
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos)
        return false;
    const std::string ext = unicode::lower_ascii(name.substr(dot));
    return std::find(programs.begin(), programs.end(), ext) != programs.end();
}

bool illegal(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || cp == '<' || cp == '>' || cp == ':' || cp == '"' || cp == '/' || cp == '\\' ||
           cp == '|' || cp == '?' || cp == '*';
}

// The longest prefix of `text` of at most `bytes` bytes that ends on a character boundary.
std::string cut(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes)
        return std::string(text);
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string(text.substr(0, end));
}

std::string trim_end(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' '))
        s.pop_back();
    return s;
}

} // namespace

std::string safe_file_name(std::string_view title, std::string_view extension, std::size_t max_bytes,
                           std::string_view fallback) {
    const std::string text = unicode::without_format(unicode::nfc(title));
    std::string stem;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::next(text, pos);
        switch (cp) {
        case '/':
        case '\\':
        case '|':
            stem += '-';
            break;
        case ':':
            stem += " -";
            break;
        case '"':
            stem += '\'';
            break;
        default:
            if (illegal(cp))
                stem += ' ';
            else
                stem.append(text.substr(start, pos - start));
        }
    }
    stem = trim_end(collapse_spaces(stem));
    while (!stem.empty() && stem.front() == '.') // a leading dot hides a file on Linux
        stem.erase(0, 1);
    if (stem.empty())
        stem = fallback;
    if (is_reserved(stem)) // "CON.txt" is as reserved as "CON": break the device name itself
        stem.insert(std::min(stem.find('.'), stem.size()), "_");
    const std::size_t room = max_bytes > extension.size() ? max_bytes - extension.size() : 1;
    stem = trim_end(cut(stem, room));
    if (stem.empty())
        stem = fallback;
    return stem + std::string(extension);
}

std::string NameAllocator::claim(const std::string& name) {
    const auto dot = name.rfind('.');
    const std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
    const std::string ext = dot == std::string::npos || dot == 0 ? "" : name.substr(dot);
    std::string candidate = name;
    for (int n = 2; !m_taken.insert(unicode::casefold(candidate)).second; ++n) {
        const std::string suffix = fmt::format(" ({})", n);
        candidate = trim_end(cut(stem, max_name_bytes - ext.size() - suffix.size())) + suffix + ext;
    }
    return candidate;
}

std::string windows_name_problem(std::string_view name) {
    if (!unicode::is_valid_utf8(name))
        return "is not valid UTF-8";
    for (std::size_t pos = 0; pos < name.size();) {
        const char32_t cp = unicode::next(name, pos);
        if (cp < 0x20 || cp == 0x7F)
            return "contains a control character";
        if (illegal(cp))
            return fmt::format("contains '{}'", static_cast<char>(cp));
        if (unicode::is_format(cp))
            return fmt::format("contains U+{:04X}, an invisible character that can change how the name reads",
                               static_cast<std::uint32_t>(cp));
    }
    if (is_reserved(name))
        return "is a name Windows reserves for a device";
    if (name.ends_with('.') || name.ends_with(' '))
        return "ends with a dot or a space";
    if (program_extension(name))
        return fmt::format("ends in {}, the extension of a program", name.substr(name.rfind('.')));
    if (name.size() > max_name_bytes)
        return fmt::format("is longer than {} bytes", max_name_bytes);
    return {};
}

std::vector<NameProblem> check_windows_names(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError(fmt::format("{} is not a folder", dir.string()));
    std::vector<NameProblem> problems;
    std::map<fs::path, std::map<std::string, std::string>> folded; // folder -> casefolded -> first name
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path rel = fs::relative(it->path(), dir, ec);
        const std::string name = it->path().filename().string();
        if (auto problem = windows_name_problem(name); !problem.empty())
            problems.push_back({rel.string(), "the name " + problem});
        auto& seen = folded[rel.parent_path()];
        const auto [first, fresh] = seen.emplace(unicode::casefold(name), name);
        if (!fresh)
            problems.push_back({rel.string(), fmt::format("differs only in case from '{}'", first->second)});
        if (unicode::length(rel.string()) > max_path_chars)
            problems.push_back({rel.string(), fmt::format("the path is longer than {} characters", max_path_chars)});
    }
    std::sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return problems;
}

} // namespace kennis
