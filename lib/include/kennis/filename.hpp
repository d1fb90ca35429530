#pragma once

#include <cstddef>
#include <filesystem>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

// File names that Windows clients of an SMB share can open: the "windows-smb" naming profile.
namespace kennis {

// Longest name component, in bytes (NTFS and most Linux file systems allow 255).
inline constexpr std::size_t max_name_bytes = 255;
// Windows' classic path limit, which Explorer and many programs still keep to.
inline constexpr std::size_t max_path_chars = 260;

// A name for a file made from a title: NFC; no control characters or <>:"/\|?*; no invisible
// format characters (bidi overrides, zero-width characters: unicode::is_format); no reserved
// device name (CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM1-9, LPT1-9, COM¹²³, LPT¹²³, also with an
// extension); no trailing dot or space; at most `max_bytes` bytes, cut on a character boundary,
// the extension kept; `fallback` when nothing of the title is left. `extension` includes its dot
// (".pdf") or is empty.
std::string safe_file_name(std::string_view title, std::string_view extension, std::size_t max_bytes = max_name_bytes,
                           std::string_view fallback = "document");

// Hands out names within one folder so that no two differ only in case (Samba compares names
// case-insensitively by default): the second "Rapport.pdf" becomes "Rapport (2).pdf".
class NameAllocator {
public:
    std::string claim(const std::string& name);

private:
    std::unordered_set<std::string> m_taken; // case-folded
};

struct NameProblem {
    std::string path;    // relative to the folder checked
    std::string problem; // in words
};

// What in `name` a Windows client cannot open, or could be misled by (an invisible format
// character, a program's extension), or empty when it is fine.
std::string windows_name_problem(std::string_view name);

// Every name and path under `dir` that Windows clients cannot open: reserved names, illegal
// characters, trailing dots or spaces, names that differ only in case, paths over 260 characters.
std::vector<NameProblem> check_windows_names(const std::filesystem::path& dir);

} // namespace kennis
