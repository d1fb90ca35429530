#include "kennis/metadata.hpp"

#include "kennis/choices.hpp"
#include "kennis/title.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace kennis {
namespace {

// A word of the folded title and the punctuation that stood between it and the word before.
struct Token {
    std::string text;
    std::string sep;
};

std::vector<Token> tokenize(std::string_view folded) {
    std::vector<Token> tokens;
    std::string word;
    std::string sep;
    for (std::size_t pos = 0; pos < folded.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::next(folded, pos);
        const std::string_view bytes = folded.substr(start, pos - start);
        if (unicode::is_alnum(cp)) {
            word.append(bytes);
            continue;
        }
        if (!word.empty()) {
            tokens.push_back({std::move(word), std::move(sep)});
            word.clear();
            sep.clear();
        }
        if (cp != ' ')
            sep.append(bytes);
    }
    if (!word.empty())
        tokens.push_back({std::move(word), std::move(sep)});
    return tokens;
}

bool all_digits(std::string_view s, std::size_t min_len, std::size_t max_len) {
    return s.size() >= min_len && s.size() <= max_len &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s)
        n = n * 10 + (c - '0');
    return n;
}

int month_of(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, int>, 24> months{{
        {"januari", 1}, {"jan", 1},     {"februari", 2}, {"feb", 2},      {"maart", 3},
        {"mrt", 3},     {"april", 4},   {"apr", 4},      {"mei", 5},      {"juni", 6},
        {"jun", 6},     {"juli", 7},    {"jul", 7},      {"augustus", 8}, {"aug", 8},
        {"september", 9}, {"sept", 9},  {"sep", 9},      {"oktober", 10}, {"okt", 10},
        {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
    }};
    for (const auto& [name, month] : months)
        if (name == word)
            return month;
    return 0;
}

bool is_year(std::string_view s) {
    if (!all_digits(s, 4, 4))
        return false;
    const int y = number(s);
    return y >= 1900 && y <= 2099;
}

bool valid_day(int year, int month, int day) {
    static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= (month == 2 && !leap ? 28 : days[static_cast<std::size_t>(month - 1)]);
}

// The title's date and period into `meta`; which tokens they are made of into `in_date`, when
// given (one flag per token).
void parse_dates(const std::vector<Token>& t, TitleMetadata& meta, std::vector<bool>* in_date = nullptr) {
    int best_precision = 0;
    std::string best;
    std::size_t from = 0; // the first token of the run being matched
    const auto candidate = [&](int precision, std::string iso) {
        if (precision >= best_precision) { // a later date of equal precision wins: it is the
            best_precision = precision;    // publication date that titles put at their end
            best = std::move(iso);
        }
    };
    // Every date-like run counts, not only the one taken as the document's date.
    const auto taken = [&](std::size_t through) {
        if (in_date)
            std::fill(in_date->begin() + static_cast<std::ptrdiff_t>(from), in_date->begin() + static_cast<std::ptrdiff_t>(through) + 1, true);
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        from = i;
        const auto at = [&](std::size_t k) -> const Token* { return i + k < t.size() ? &t[i + k] : nullptr; };
        // 02-04-2014
        if (all_digits(t[i].text, 1, 2) && at(2) && all_digits(at(1)->text, 1, 2) &&
            at(1)->sep == "-" && is_year(at(2)->text) && at(2)->sep == "-") {
            const int d = number(t[i].text), m = number(at(1)->text), y = number(at(2)->text);
            if (valid_day(y, m, d)) {
                candidate(3, fmt::format("{:04}-{:02}-{:02}", y, m, d));
                taken(i += 2);
                continue;
            }
        }
        // 2018-2019
        if (is_year(t[i].text) && at(1) && is_year(at(1)->text) &&
            (at(1)->sep == "-" || at(1)->sep == "/")) {
            const int first = number(t[i].text), last = number(at(1)->text);
            if (last > first && last - first <= 10) {
                meta.period = fmt::format("{}-{}", first, last);
                taken(++i);
                continue;
            }
        }
        // 14 jan 2021
        if (all_digits(t[i].text, 1, 2) && at(2) && month_of(at(1)->text) && is_year(at(2)->text)) {
            const int d = number(t[i].text), m = month_of(at(1)->text), y = number(at(2)->text);
            if (valid_day(y, m, d)) {
                candidate(3, fmt::format("{:04}-{:02}-{:02}", y, m, d));
                taken(i += 2);
                continue;
            }
        }
        // april 2020
        if (month_of(t[i].text) && at(1) && is_year(at(1)->text)) {
            candidate(2, fmt::format("{}-{:02}", at(1)->text, month_of(t[i].text)));
            taken(++i);
            continue;
        }
        if (is_year(t[i].text)) {
            candidate(1, t[i].text);
            taken(i);
        }
    }
    if (best_precision > 0)
        meta.date = best;
}

struct TypeWord {
    std::string_view word;
    std::string_view type;
    bool as_suffix; // also ends a compound: "thuiszittersonderzoek" is an Onderzoek
};

constexpr std::array<TypeWord, 46> type_words{{
    {"handreiking", "Handreiking", false},
    {"handreikingen", "Handreiking", false},
    {"handboek", "Handboek", false},
    {"infographic", "Infographic", false},
    {"rapport", "Rapport", true},
    {"rapportage", "Rapport", false},
    {"onderzoek", "Onderzoek", true},
    {"factsheet", "Factsheet", false},
    {"notitie", "Notitie", false},
    {"reactie", "Reactie", false},
    {"uitspraak", "Uitspraak", false},
    {"kamerbrief", "Kamerbrief", false},
    {"brief", "Brief", false},
    {"folder", "Folder", false},
    {"checklist", "Checklist", false},
    {"jaarverslag", "Jaarverslag", false},
    {"verslag", "Verslag", false},
    {"stappenplan", "Stappenplan", false},
    {"servicedocument", "Servicedocument", false},
    {"brochure", "Brochure", false},
    {"magazine", "Magazine", false},
    {"bijlage", "Bijlage", true},
    {"oproep", "Oproep", false},
    {"praatplaat", "Praatplaat", false},
    {"stroomschema", "Stroomschema", false},
    {"routekaart", "Routekaart", false},
    {"afwegingskader", "Afwegingskader", false},
    {"begrippenkader", "Begrippenkader", false},
    {"handelingskader", "Handelingskader", false},
    {"handelingskaders", "Handelingskader", false},
    {"meldcode", "Meldcode", false},
    {"tijdlijn", "Tijdlijn", false},
    {"actieplan", "Actieplan", false},
    {"krant", "Krant", false},
    {"boekje", "Boekje", false},
    {"format", "Format", false},
    {"samenvatting", "Samenvatting", false},
    {"monitor", "Monitor", false},
    {"overzicht", "Overzicht", false},
    {"manifest", "Manifest", false},
    {"signaleringsinstrument", "Signaleringsinstrument", false},
    {"evaluatie", "Evaluatie", false},
    {"factsheets", "Factsheet", false},
    {"infographics", "Infographic", false},
    {"rapporten", "Rapport", false},
    {"notities", "Notitie", false},
}};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void parse_type(const std::vector<Token>& t, TitleMetadata& meta) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].text == "proces" && i + 1 < t.size() && t[i + 1].text == "verbaal") {
            meta.type = "Model proces-verbaal";
            return;
        }
        for (const auto& tw : type_words) {
            if (t[i].text == tw.word || (tw.as_suffix && ends_with(t[i].text, tw.word))) {
                meta.type = std::string(tw.type);
                return;
            }
        }
    }
}

void parse_level(const std::vector<Token>& t, TitleMetadata& meta) {
    // Canonical order; a title may name several levels ("po-vo", "vo/vso").
    std::array<bool, 4> found{};
    enum { po, vo, vso, mbo };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string& w = t[i].text;
        const std::string* nxt = i + 1 < t.size() ? &t[i + 1].text : nullptr;
        if (w == "po")
            found[po] = true;
        else if (w == "vo")
            found[vo] = true;
        else if (w == "vso" || w == "so" || (w == "v" && nxt && *nxt == "so" && t[i + 1].sep == ")"))
            found[vso] = true;
        else if (w == "mbo")
            found[mbo] = true;
        else if (nxt && *nxt == "onderwijs" && w == "primair")
            found[po] = true;
        else if (nxt && *nxt == "onderwijs" && w == "voortgezet")
            found[vo] = true;
        else if (nxt && *nxt == "onderwijs" && w == "speciaal")
            found[vso] = true;
        else if (nxt && *nxt == "beroepsonderwijs" && w == "middelbaar")
            found[mbo] = true;
    }
    const auto& names = choices::level;
    std::string level;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (!found[k])
            continue;
        if (!level.empty())
            level += ',';
        level += names[k];
    }
    if (!level.empty())
        meta.level = level;
}

bool is_date_word(std::string_view folded_word) {
    return month_of(folded_word) || all_digits(folded_word, 1, 4) || folded_word == "versie";
}

bool is_edition_word(std::string_view key_word) { return is_date_word(key_word) || key_word == "editie"; }

std::vector<std::string> split_on(std::string_view text, std::string_view sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(sep, start)) != std::string_view::npos; start = at + sep.size())
        parts.emplace_back(text.substr(start, at - start));
    parts.emplace_back(text.substr(start));
    return parts;
}

// "Ingrado maart 2021" names its publisher and then a date: keep the words before the date.
std::string without_trailing_date(const std::string& part) {
    auto words = split_on(part, " ");
    while (!words.empty() && is_date_word(unicode::fold(words.back())))
        words.pop_back();
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

bool is_publisher(std::string_view candidate) {
    static constexpr std::array<std::string_view, 10> starts{
        "ingrado", "kba ", "ocw", "ministerie van ", "inspectie van ", "halt",
        "ouders & onderwijs", "werkgroep ", "stichting ", "gemeente "};
    const std::string folded = unicode::fold(candidate);
    for (const auto s : starts) {
        if (folded.starts_with(s) &&
            (folded.size() == s.size() || s.back() == ' ' || !unicode::is_alnum(static_cast<unsigned char>(folded[s.size()]))))
            return true;
    }
    return ends_with(folded, " foundation");
}

void parse_publisher(std::string_view title, const std::vector<Token>& t, TitleMetadata& meta) {
    std::string text = collapse_spaces(unicode::nfc(title));
    for (std::size_t at; (at = text.find(" \u2013 ")) != std::string::npos;) // en dash
        text.replace(at, 5, " - ");
    const auto segments = split_on(text, " - ");
    for (std::size_t s = 1; s < segments.size(); ++s) {
        std::string candidate;
        for (const auto& part : split_on(segments[s], ", ")) {
            const auto words = split_words(unicode::fold(part));
            const bool date_only = !words.empty() && std::all_of(words.begin(), words.end(), is_date_word);
            if (date_only)
                continue;
            candidate += (candidate.empty() ? "" : ", ") + part;
        }
        candidate = without_trailing_date(candidate);
        if (!candidate.empty() && is_publisher(candidate)) {
            meta.publisher = unicode::fold(candidate) == "ocw" ? "Ministerie van OCW" : candidate;
            return;
        }
    }
    // "Ingrado Checklist …", "Reactie (van) Ingrado op …": the title names its author first.
    const bool leads = (!t.empty() && t[0].text == "ingrado") ||
                       (t.size() > 1 && t[0].text == "reactie" && t[1].text == "ingrado") ||
                       (t.size() > 2 && t[0].text == "reactie" && t[1].text == "van" && t[2].text == "ingrado");
    if (leads)
        meta.publisher = "Ingrado";
}

} // namespace

TitleMetadata parse_title_metadata(std::string_view title) {
    TitleMetadata meta;
    const auto tokens = tokenize(unicode::fold(title));
    parse_type(tokens, meta);
    parse_level(tokens, meta);
    parse_dates(tokens, meta);
    parse_publisher(title, tokens, meta);
    return meta;
}

std::string series_numbers(std::string_view title) {
    const auto tokens = tokenize(unicode::fold(title));
    TitleMetadata dates;
    std::vector<bool> in_date(tokens.size(), false);
    parse_dates(tokens, dates, &in_date);
    std::string numbers;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const bool copy_mark = t.sep.ends_with('(') && i + 1 == tokens.size();
        if (in_date[i] || copy_mark || !all_digits(t.text, 1, t.text.size()))
            continue;
        const auto digits = t.text.find_first_not_of('0');
        numbers += (numbers.empty() ? "" : " ") + (digits == std::string::npos ? "0" : t.text.substr(digits));
    }
    return numbers;
}

std::string series_key(std::string_view title) {
    std::string key;
    for (const auto& word : split_words(title_key(title))) {
        if (is_edition_word(word))
            continue;
        if (!key.empty())
            key += ' ';
        key += word;
    }
    return key;
}

} // namespace kennis
