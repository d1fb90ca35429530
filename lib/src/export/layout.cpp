#include "export/layout.hpp"

#include "kennis/choices.hpp"
#include "kennis/error.hpp"
#include "kennis/filename.hpp"
#include "util/mime.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace kennis {
namespace {

constexpr std::array<std::string_view, 9> field_names{"theme", "tag", "type", "year", "date", "title", "slug", "publisher", "ext"};

// The values of a field for a document; never empty, so every document gets a place. The
// words for a missing value are Dutch because the folders are read by the staff on the share.
std::vector<std::string> field_values(const Document& d, std::string_view field, std::string_view extension) {
    auto one = [](const std::optional<std::string>& v, const char* missing) {
        return std::vector<std::string>{v ? *v : std::string(missing)};
    };
    if (field == "theme")
        return d.themes.empty() ? std::vector<std::string>{"zonder thema"} : d.themes;
    if (field == "tag")
        return d.tags.empty() ? std::vector<std::string>{"zonder tag"} : d.tags;
    if (field == "type")
        return one(d.type, "overig");
    if (field == "publisher")
        return one(d.publisher, "onbekend");
    if (field == "date")
        return one(d.date ? d.date : d.period, "zonder datum");
    if (field == "year") {
        const auto& from = d.date ? d.date : d.period;
        return one(from ? std::optional(from->substr(0, 4)) : std::nullopt, "zonder jaar");
    }
    if (field == "title")
        return {d.title};
    if (field == "slug")
        return {d.slug};
    return {std::string(extension)};
}

} // namespace

PathTemplate::PathTemplate(std::string_view text) {
    if (text.empty())
        throw UsageError("the export template is empty");
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto slash = std::min(text.find('/', start), text.size());
        const std::string_view segment = text.substr(start, slash - start);
        if (segment.empty() || segment == "." || segment == "..")
            throw UsageError(fmt::format("the export template '{}' has an empty, '.' or '..' folder", text));
        std::vector<Token> tokens;
        for (std::size_t i = 0; i < segment.size();) {
            if (segment[i] != '{') {
                const auto brace = std::min(segment.find('{', i), segment.size());
                tokens.push_back({false, std::string(segment.substr(i, brace - i))});
                i = brace;
                continue;
            }
            const auto close = segment.find('}', i);
            if (close == std::string_view::npos)
                throw UsageError(fmt::format("the export template '{}' has a '{{' without '}}'", text));
            const std::string name(segment.substr(i + 1, close - i - 1));
            if (std::find(field_names.begin(), field_names.end(), name) == field_names.end())
                throw UsageError(fmt::format("the export template has an unknown field {{{}}}; the fields are {{{}}}", name,
                                             fmt::join(field_names, "} {")));
            tokens.push_back({true, name});
            i = close + 1;
        }
        m_segments.push_back(std::move(tokens));
        start = slash + 1;
    }
}

PathTemplate PathTemplate::for_layout(std::string_view by) {
    if (by == "theme" || by == "tag" || by == "type")
        return PathTemplate(fmt::format("{{{}}}/{{title}}{{ext}}", by));
    if (by == "flat")
        return PathTemplate("{title}{ext}");
    throw UsageError(fmt::format("there is no export layout '{}'; use {}", by, choices::one_of(choices::layout)));
}

std::vector<std::string> PathTemplate::paths(const Document& d, std::string_view extension, std::size_t max_path_bytes) const {
    // One path per combination of the values of the many-valued fields in the template.
    std::vector<std::string> many;
    for (const auto& segment : m_segments)
        for (const auto& t : segment)
            if (t.field && (t.text == "theme" || t.text == "tag") &&
                std::find(many.begin(), many.end(), t.text) == many.end())
                many.push_back(t.text);
    std::vector<std::vector<std::string>> choices;
    for (const auto& field : many)
        choices.push_back(field_values(d, field, extension));

    std::vector<std::string> result;
    std::vector<std::size_t> pick(many.size(), 0);
    for (;;) {
        auto value = [&](const std::string& field) -> std::string {
            const auto at = std::find(many.begin(), many.end(), field);
            if (at == many.end())
                return field_values(d, field, extension).front();
            const auto k = static_cast<std::size_t>(at - many.begin());
            return choices[k][pick[k]];
        };
        std::string path;
        auto add = [&path](const std::string& component) { path += (path.empty() ? "" : "/") + component; };
        for (std::size_t s = 0; s < m_segments.size(); ++s) {
            const auto& tokens = m_segments[s];
            if (tokens.size() == 1 && tokens[0].field && tokens[0].text == "tag" && s + 1 < m_segments.size()) {
                const std::string tag = value("tag"); // outlives the views split() returns
                for (const auto level : split(tag, '/'))
                    add(safe_file_name(level, ""));
                continue;
            }
            // A name ending in {ext} keeps its extension when it has to be shortened.
            const bool ends_in_ext = s + 1 == m_segments.size() && tokens.back().field && tokens.back().text == "ext";
            std::string text;
            for (std::size_t i = 0; i + (ends_in_ext ? 1 : 0) < tokens.size(); ++i)
                text += tokens[i].field ? value(tokens[i].text) : tokens[i].text;
            const std::size_t used = path.empty() ? 0 : path.size() + 1;
            const std::size_t room = s + 1 < m_segments.size() ? max_name_bytes
                                     : std::min(max_name_bytes, used + 40 < max_path_bytes ? max_path_bytes - used : 40);
            // A title that leaves nothing for a name (only invisible characters) is named by its id.
            const std::string fallback = s + 1 == m_segments.size() ? fmt::format("document {}", d.id) : "document";
            add(safe_file_name(text, ends_in_ext ? extension : std::string_view(), room, fallback));
        }
        if (std::find(result.begin(), result.end(), path) == result.end())
            result.push_back(path);
        std::size_t k = 0;
        while (k < pick.size() && ++pick[k] == choices[k].size())
            pick[k++] = 0;
        if (k == pick.size())
            break;
    }
    return result;
}

std::string export_extension(const Document& d) {
    // From what the bytes are, never from the title or the address: a page cannot name a program
    // "….pdf" on the share.
    const auto* v = d.current();
    return v && v->mime ? mime_extension(*v->mime) : std::string();
}

} // namespace kennis
