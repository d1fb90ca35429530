#include "export/state.hpp"

#include "util/file_io.hpp"
#include "kennis/error.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <vector>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace kennis {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view header = "#kennis-export 1";
constexpr std::string_view listings_line = "#listings ";
constexpr std::string_view plan_line = "#plan ";
constexpr std::string_view skipped_line = "#skipped\t";
constexpr std::string_view journal_header = "#kennis-export-journal 1";

// Titles go on one line of the state file.
std::string one_line(std::string_view text) {
    std::string out(text);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return out;
}

bool parse_int(std::string_view text, std::int64_t& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// Damage in a file an export keeps in DEST, at line `number`.
InputError damaged(const fs::path& file, std::size_t number, std::string_view problem) {
    return InputError(fmt::format("{}:{}: {}; move the file away to start the export afresh", file.string(), number, problem));
}

// The journal's paths, as pending, into `state`. A last line without its newline is one the
// run was writing when it was killed; its path had not been written yet.
void take_journal(const fs::path& dest, ExportState& state) {
    const fs::path file = dest / ExportState::journal_name;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return;
    const std::string text(std::istreambuf_iterator<char>(in), {});
    const auto lines = split(text, '\n');
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (i == 0) {
            if (lines[0] != journal_header)
                throw damaged(file, 1, fmt::format("not an export journal (the first line is not '{}')", journal_header));
            continue;
        }
        const auto f = split(lines[i], '\t');
        std::int64_t document = 0;
        if (f.size() != 3 || f[0].empty() || f[1].size() != 64 || !parse_int(f[2], document))
            throw damaged(file, i + 1, "expected PATH, SHA-256 and DOCUMENT separated by tabs");
        state.files[std::string(f[0])] = {std::string(f[1]), 0, ExportedFile::pending, document};
    }
}

// How many bytes of the open file are whole lines (up to and with its last newline); -1 when it
// cannot be read.
off_t whole_lines(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return -1;
    char block[4096];
    for (off_t end = st.st_size; end > 0;) {
        const off_t start = std::max<off_t>(0, end - static_cast<off_t>(sizeof block));
        const ssize_t n = ::pread(fd, block, static_cast<std::size_t>(end - start), start);
        if (n != end - start)
            return -1;
        for (ssize_t i = n; i > 0; --i)
            if (block[i - 1] == '\n')
                return start + i;
        end = start;
    }
    return 0;
}

} // namespace

ExportState ExportState::load(const fs::path& dest) {
    ExportState state;
    const fs::path file = dest / file_name;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        take_journal(dest, state);
        return state;
    }
    std::string line;
    std::size_t number = 0;
    auto bad = [&](std::string_view problem) { return damaged(file, number, problem); };
    while (std::getline(in, line)) {
        ++number;
        if (number == 1) {
            if (line != header)
                throw bad(fmt::format("not an export state file (the first line is not '{}')", header));
            continue;
        }
        if (line.empty())
            continue;
        if (line.starts_with(listings_line)) {
            state.listings = line.substr(listings_line.size());
            continue;
        }
        if (line.starts_with(plan_line)) {
            state.plan = line.substr(plan_line.size());
            continue;
        }
        if (line.starts_with(skipped_line)) {
            const auto f = split(std::string_view(line).substr(skipped_line.size()), '\t');
            ExportSkip skip;
            if (f.size() != 3 || !parse_int(f[0], skip.id))
                throw bad("expected #skipped, DOCUMENT, REASON and TITLE separated by tabs");
            skip.reason = std::string(f[1]);
            skip.title = std::string(f[2]);
            state.skipped.push_back(std::move(skip));
            continue;
        }
        const auto f = split(line, '\t');
        ExportedFile entry;
        if (f.size() != 5 || f[0].empty() || f[1].size() != 64 || !parse_int(f[2], entry.size) ||
            !parse_int(f[3], entry.mtime_ns) || !parse_int(f[4], entry.document))
            throw bad("expected PATH, SHA-256, SIZE, MTIME and DOCUMENT separated by tabs");
        entry.sha256 = std::string(f[1]);
        state.files.emplace(std::string(f[0]), std::move(entry));
    }
    take_journal(dest, state);
    return state;
}

void ExportState::save(const fs::path& dest, bool sync) const {
    std::string text = std::string(header) + "\n";
    if (!listings.empty())
        text += fmt::format("{}{}\n", listings_line, listings);
    if (!plan.empty())
        text += fmt::format("{}{}\n", plan_line, plan);
    const auto out = std::back_inserter(text);
    for (const auto& s : skipped)
        fmt::format_to(out, "{}{}\t{}\t{}\n", skipped_line, s.id, one_line(s.reason), one_line(s.title));
    text.reserve(text.size() + files.size() * 160);
    // Appended field by field: formatting ten thousand lines took longer than writing them.
    const auto number = [&text](std::int64_t value) {
        char digits[24];
        text.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    };
    for (const auto& [path, f] : files) {
        text.append(path).push_back('\t');
        text.append(f.sha256).push_back('\t');
        number(f.size);
        text.push_back('\t');
        number(f.mtime_ns);
        text.push_back('\t');
        number(f.document);
        text.push_back('\n');
    }
    write_if_changed(dest / file_name, text, export_temp_prefix, sync); // a run that changed nothing writes nothing
    std::error_code ec;
    fs::remove(dest / journal_name, ec);
}

bool ExportJournal::exists() const {
    std::error_code ec;
    return m_fd || fs::exists(m_dest / ExportState::journal_name, ec);
}

void ExportJournal::append(const std::vector<Record>& records, bool sync) {
    const fs::path file = m_dest / ExportState::journal_name;
    std::string text;
    if (!m_fd) {
        m_fd = UniqueFd(::open(file.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
        if (!m_fd)
            throw Error(ExitCode::failure, fmt::format("cannot write {}: {}", file.string(), std::strerror(errno)));
        // A journal a killed run left may end in the line it was writing: that line goes, so
        // that this run's lines do not run on from it.
        const off_t whole = whole_lines(m_fd.get());
        if (whole < 0 || ::ftruncate(m_fd.get(), whole) != 0)
            throw Error(ExitCode::failure, fmt::format("cannot write {}: {}", file.string(), std::strerror(errno)));
        if (whole == 0)
            text = fmt::format("{}\n", journal_header);
    }
    for (const auto& r : records)
        text += fmt::format("{}\t{}\t{}\n", r.path, r.sha256, r.document);
    for (std::string_view rest = text; !rest.empty();) {
        const ssize_t n = ::write(m_fd.get(), rest.data(), rest.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error(ExitCode::failure, fmt::format("cannot write {}: {}", file.string(), std::strerror(errno)));
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (sync && ::fdatasync(m_fd.get()) != 0)
        throw Error(ExitCode::failure, fmt::format("cannot sync {}: {}", file.string(), std::strerror(errno)));
}

} // namespace kennis
