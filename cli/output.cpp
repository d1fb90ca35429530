#include "output.hpp"

#include "util/unicode.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include "util/csv.hpp"
#include <kennis/error.hpp>
#include <sys/ioctl.h>
#include <unistd.h>

namespace kennis::cli {
namespace {

constexpr std::size_t min_flexible_width = 20;

std::size_t display_width(const std::string& s) {
    // Code points, not bytes: enough for the Latin text of titles.
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string shorten(const std::string& s, std::size_t width) {
    if (display_width(s) <= width)
        return s;
    std::string out;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++seen > width - 1)
            break;
        out += s[i];
    }
    return out + "\u2026";
}

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::size_t terminal_width() {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 100;
}

std::string tsv_clean(std::string s) {
    std::replace_if(s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return s;
}

void print_row(Format format, const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += format == Format::csv ? "," : "\t";
        line += format == Format::csv ? csv_field(cells[i]) : tsv_clean(cells[i]);
    }
    fmt::print("{}\n", line);
}

void print_delimited(const Output& out, std::size_t count, const RecordAt& record, const std::vector<std::string>& fields) {
    print_row(out.format, fields);
    for (std::size_t i = 0; i < count; ++i) {
        const auto& r = record(i);
        std::vector<std::string> cells;
        for (const auto& f : fields)
            cells.push_back(cell_text(r.contains(f) ? r.at(f) : nlohmann::ordered_json(), "; "));
        print_row(out.format, cells);
    }
}

} // namespace

Format parse_format(const std::string& name) {
    if (name == "json")
        return Format::json;
    if (name == "csv")
        return Format::csv;
    if (name == "tsv")
        return Format::tsv;
    if (name == "paths")
        return Format::paths;
    return Format::table;
}

std::string shown(std::string_view text) { return unicode::format_made_visible(text); }

std::string cell_text(const nlohmann::ordered_json& value, const std::string& sep) {
    if (value.is_null())
        return "";
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_array()) {
        std::string out;
        for (const auto& v : value)
            out += (out.empty() ? "" : sep) + cell_text(v, sep);
        return out;
    }
    return value.dump();
}

void print_records(const Output& out, const nlohmann::ordered_json& records, const std::vector<Column>& columns,
                   const std::vector<std::string>& fields) {
    print_each_record(out, records.size(), [&records](std::size_t i) -> const nlohmann::ordered_json& { return records[i]; },
                      columns, fields);
}

void print_each_record(const Output& out, std::size_t count, const RecordAt& record, const std::vector<Column>& columns,
                       const std::vector<std::string>& fields) {
    if (out.format == Format::json) {
        // As the array's dump(2) would print it: each object indented by two more spaces (its
        // strings hold no newline, which JSON escapes).
        if (count == 0) {
            fmt::print("[]\n");
            return;
        }
        for (std::size_t i = 0; i < count; ++i) {
            const std::string object = record(i).dump(2);
            std::string text = i == 0 ? "[\n  " : ",\n  ";
            text.reserve(text.size() + object.size() + object.size() / 8);
            for (char c : object) {
                text.push_back(c);
                if (c == '\n')
                    text.append("  ");
            }
            std::fwrite(text.data(), 1, text.size(), stdout);
        }
        fmt::print("\n]\n");
        return;
    }
    if (out.format == Format::paths) {
        // Stored files, one per line, for xargs; documents without a file have no line.
        if (std::find(fields.begin(), fields.end(), "path") == fields.end())
            throw UsageError("--format paths is for commands that list documents");
        for (std::size_t i = 0; i < count; ++i)
            if (const auto& r = record(i); r.contains("path") && r.at("path").is_string())
                fmt::print("{}\n", r.at("path").get<std::string>());
        return;
    }
    if (out.format != Format::table) {
        print_delimited(out, count, record, fields);
        return;
    }
    // Only the columns' cells are kept until every width is known.
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> widths;
    for (const auto& c : columns)
        widths.push_back(display_width(c.header));
    for (std::size_t at = 0; at < count; ++at) {
        const auto& r = record(at);
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            cells.push_back(shown(cell_text(r.contains(columns[i].field) ? r.at(columns[i].field) : nlohmann::ordered_json())));
            widths[i] = std::max(widths[i], display_width(cells.back()));
        }
        rows.push_back(std::move(cells));
    }
    if (out.stdout_tty) {
        // Fit the terminal by shortening the flexible column, never below a readable width.
        std::size_t fixed = 0;
        for (std::size_t i = 0; i < columns.size(); ++i)
            fixed += (columns[i].flexible ? 0 : widths[i]) + 2;
        const std::size_t total = terminal_width();
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].flexible && fixed + widths[i] > total)
                widths[i] = std::max(min_flexible_width, total > fixed ? total - fixed : 0);
    }
    const auto print_line = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string text = shorten(cells[i], widths[i]);
            line += i + 1 == cells.size() ? text : pad(text, widths[i]) + "  ";
        }
        fmt::print("{}\n", line);
    };
    std::vector<std::string> headers;
    for (const auto& c : columns)
        headers.push_back(c.header);
    print_line(headers);
    for (const auto& row : rows)
        print_line(row);
}

void print_object(const Output& out, const nlohmann::ordered_json& object, const std::vector<std::string>& fields) {
    if (out.format == Format::json) {
        fmt::print("{}\n", object.dump(2));
        return;
    }
    if (out.format == Format::paths) {
        print_records(out, nlohmann::ordered_json::array({object}), {}, fields);
        return;
    }
    if (out.format != Format::table) {
        print_delimited(out, 1, [&object](std::size_t) -> const nlohmann::ordered_json& { return object; }, fields);
        return;
    }
    std::size_t width = 0;
    for (const auto& f : fields)
        width = std::max(width, f.size() + 1);
    for (const auto& f : fields) {
        const auto& value = object.contains(f) ? object.at(f) : nlohmann::ordered_json();
        if (value.is_array() && value.size() > 1) {
            for (std::size_t i = 0; i < value.size(); ++i)
                fmt::print("{}{}\n", pad(i == 0 ? f + ":" : "", width + 1), shown(cell_text(value[i])));
        } else {
            fmt::print("{}{}\n", pad(f + ":", width + 1), shown(cell_text(value)));
        }
    }
}

bool print_report_for_scripts(const Output& out, const std::function<nlohmann::ordered_json()>& report, const std::string& records,
                              const std::vector<std::string>& fields) {
    if (out.format == Format::table)
        return false;
    if (out.quiet)
        return true;
    if (out.format == Format::json)
        fmt::print("{}\n", report().dump(2));
    else
        print_records(out, report()[records], {}, fields);
    return true;
}

} // namespace kennis::cli
