#include "json.hpp"

#include <cmath>

namespace kennis {
namespace {

template <typename T>
nlohmann::ordered_json or_null(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

} // namespace

nlohmann::ordered_json to_json(const Document& d, bool with_versions) {
    nlohmann::ordered_json urls = nlohmann::ordered_json::array();
    for (const auto& u : d.urls)
        urls.push_back(u.url);
    const auto* current = d.current();
    // Field by field: an initializer list copies every value once more, which `list` felt for a
    // hundred thousand documents.
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["id"] = d.id;
    j["slug"] = d.slug;
    j["title"] = d.title;
    j["aliases"] = d.aliases;
    j["themes"] = d.themes;
    j["tags"] = d.tags;
    j["urls"] = std::move(urls);
    j["status"] = d.status;
    j["type"] = or_null(d.type);
    j["publisher"] = or_null(d.publisher);
    j["date"] = or_null(d.date);
    j["period"] = or_null(d.period);
    j["level"] = or_null(d.level);
    j["sha256"] = current ? nlohmann::ordered_json(current->sha256) : nlohmann::ordered_json(nullptr);
    j["size"] = current ? nlohmann::ordered_json(current->size) : nlohmann::ordered_json(nullptr);
    j["mime"] = current ? or_null(current->mime) : nlohmann::ordered_json(nullptr);
    j["path"] = or_null(d.path);
    j["macros"] = current != nullptr && current->macros;
    if (with_versions) {
        nlohmann::ordered_json versions = nlohmann::ordered_json::array();
        for (const auto& v : d.versions)
            versions.push_back({{"sha256", v.sha256}, {"first_seen", v.first_seen}});
        j["versions"] = versions;
        nlohmann::ordered_json url_details = nlohmann::ordered_json::array();
        for (const auto& u : d.urls)
            url_details.push_back({{"url", u.url},
                                   {"etag", or_null(u.etag)},
                                   {"last_modified", or_null(u.last_modified)},
                                   {"last_status", or_null(u.last_status)},
                                   {"last_checked", or_null(u.last_checked)}});
        j["url_details"] = url_details;
        j["first_seen"] = d.first_seen;
        j["last_seen"] = d.last_seen;
        nlohmann::ordered_json editions = nlohmann::ordered_json::array();
        for (const auto& e : d.editions)
            editions.push_back({{"id", e.id}, {"slug", e.slug}, {"title", e.title}, {"date", e.date},
                                {"status", e.status}, {"newer", e.newer}});
        j["editions"] = editions;
        const Edition* newer = d.newer_edition();
        j["newer_edition"] = newer ? nlohmann::ordered_json{{"id", newer->id}, {"slug", newer->slug}, {"date", newer->date}}
                                   : nlohmann::ordered_json(nullptr);
        const auto& c = d.text_change;
        j["text_change"] = c ? nlohmann::ordered_json{{"against", c->against}, {"id", c->against_id}, {"version", c->against_version},
                                                      {"changed", std::round(c->changed * 1000) / 1000}, {"changes", c->changes}}
                             : nlohmann::ordered_json(nullptr);
        nlohmann::ordered_json related = nlohmann::ordered_json::array();
        for (const auto& r : d.related)
            related.push_back({{"id", r.id}, {"slug", r.slug}, {"title", r.title}, {"score", std::round(r.score * 100) / 100}});
        j["related"] = related;
    }
    return j;
}

nlohmann::ordered_json to_json(const ThemeSummary& t) {
    return {{"name", t.name}, {"documents", t.documents}, {"entries", t.entries}};
}

nlohmann::ordered_json to_json(const SyncReport& r) {
    nlohmann::ordered_json sources = nlohmann::ordered_json::array();
    for (const auto& s : r.sources) {
        nlohmann::ordered_json changes = nlohmann::ordered_json::array();
        for (const auto& c : s.changes)
            changes.push_back({{"id", c.id}, {"slug", c.slug}, {"title", c.title}, {"change", c.kind},
                               {"details", c.details}});
        sources.push_back({{"source", s.source},
                           {"entries", s.entries},
                           {"added", s.added},
                           {"updated", s.updated},
                           {"withdrawn", s.withdrawn},
                           {"unchanged", s.unchanged},
                           {"changes", changes}});
    }
    nlohmann::ordered_json j = {{"added", r.added},         {"updated", r.updated},     {"withdrawn", r.withdrawn},
                                {"unchanged", r.unchanged}, {"documents", r.documents}, {"sources", sources}};
    if (r.fetch)
        j["fetch"] = to_json(*r.fetch);
    return j;
}

static nlohmann::ordered_json merges_json(const std::vector<MergeNote>& merged) {
    nlohmann::ordered_json merges = nlohmann::ordered_json::array();
    for (const auto& m : merged)
        merges.push_back({{"id", m.id}, {"into", m.into}, {"title", m.title}, {"reason", m.reason}});
    return merges;
}

nlohmann::ordered_json to_json(const FetchReport& r) {
    nlohmann::ordered_json failed = nlohmann::ordered_json::array();
    for (const auto& f : r.failed)
        failed.push_back({{"id", f.id}, {"url", f.url}, {"error", f.error}});
    return {{"requested", r.requested}, {"downloaded", r.downloaded}, {"unchanged", r.unchanged},
            {"not_modified", r.not_modified}, {"merged", r.merged.size()}, {"failed", failed}, {"merges", merges_json(r.merged)}};
}

nlohmann::ordered_json to_json(const ReindexReport& r) {
    return {{"read", r.read}, {"with_text", r.with_text}, {"gained", r.gained}, {"missing", r.missing}, {"merges", merges_json(r.merged)}};
}

nlohmann::ordered_json to_json(const VerifyReport& r) {
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const auto& p : r.problems) {
        nlohmann::ordered_json j{{"sha256", p.sha256}, {"problem", p.problem}, {"documents", p.documents}, {"path", p.path}};
        if (!p.repair.empty())
            j["repair"] = p.repair;
        problems.push_back(std::move(j));
    }
    nlohmann::ordered_json out{{"ok", r.clean()},
                               {"integrity", r.integrity},
                               {"checked", r.checked},
                               {"problems", problems},
                               {"repaired", r.repaired()},
                               {"unreferenced", r.unreferenced}};
    if (r.fetch)
        out["fetch"] = to_json(*r.fetch);
    return out;
}

nlohmann::ordered_json to_json(const GcReport& r) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& path : r.removed)
        files.push_back({{"path", path}});
    return {{"removed", r.removed.size()}, {"bytes", r.bytes}, {"dry_run", r.dry_run}, {"files", files}};
}

nlohmann::ordered_json to_json(const ChangesReport& r) {
    nlohmann::ordered_json themes = nlohmann::ordered_json::array();
    for (const auto& t : r.themes) {
        nlohmann::ordered_json changes = nlohmann::ordered_json::array();
        for (const auto& c : t.changes)
            changes.push_back({{"id", c.id}, {"slug", c.slug}, {"title", c.title}, {"kind", c.kind}, {"detail", c.detail}, {"at", c.at}, {"url", c.url}});
        themes.push_back({{"theme", t.theme}, {"changes", changes}});
    }
    return {{"since", r.since}, {"changes", r.events}, {"themes", themes}};
}

nlohmann::ordered_json to_json(const TextStats& t) {
    nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
    for (const auto& [reason, documents] : t.reasons)
        reasons.push_back({{"reason", reason}, {"documents", documents}});
    return {{"documents", {{"text_layer", t.text_layer}, {"ocr", t.ocr}, {"unreadable", t.unreadable}}},
            {"pages", {{"text_layer", t.pages_text_layer}, {"ocr", t.pages_ocr}}},
            {"unreadable", reasons},
            {"older_reader_files", t.older_reader}};
}

nlohmann::ordered_json to_json(const Stats& s) {
    nlohmann::ordered_json sources = nlohmann::ordered_json::array();
    for (const auto& src : s.sources)
        sources.push_back({{"location", src.location},
                           {"kind", src.kind},
                           {"last_synced", src.last_synced},
                           {"entries", src.entries}});
    return {{"home", s.home},
            {"schema_version", s.schema_version},
            {"documents", s.documents},
            {"withdrawn", s.withdrawn},
            {"entries", s.entries},
            {"themes", s.themes},
            {"aliases", s.aliases},
            {"urls", s.urls},
            {"tags", s.tags},
            {"fetched", s.fetched},
            {"store_files", s.store_files},
            {"store_bytes", s.store_bytes},
            {"sources", sources},
            {"text", to_json(s.text)}};
}

nlohmann::ordered_json to_json(const ExportReport& r) {
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const auto& s : r.skipped)
        skipped.push_back({{"id", s.id}, {"title", s.title}, {"reason", s.reason}});
    nlohmann::ordered_json failed = nlohmann::ordered_json::array();
    for (const auto& f : r.failed)
        failed.push_back({{"path", f.path}, {"error", f.error}});
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const auto& c : r.changes)
        changes.push_back({{"action", c.action}, {"path", c.path}});
    nlohmann::ordered_json out{{"written", r.written}, {"unchanged", r.unchanged}, {"removed", r.removed},
                               {"linked", r.linked},   {"copied", r.copied},       {"dest", r.dest.string()},
                               {"documents", r.documents}, {"stale", r.stale},     {"skipped", skipped},
                               {"failed", failed},     {"changes", changes}};
    if (r.fetch)
        out["fetch"] = to_json(*r.fetch);
    return out;
}

nlohmann::ordered_json to_json(const SearchHit& hit) {
    auto row = to_json(hit.document);
    row["score"] = hit.score;
    row["snippet"] = without_highlights(hit.snippet);
    row["page"] = hit.page ? nlohmann::ordered_json(*hit.page) : nlohmann::ordered_json(nullptr);
    row["part"] = hit.part ? nlohmann::ordered_json(*hit.part) : nlohmann::ordered_json(nullptr);
    row["ocr"] = hit.ocr;
    if (hit.likeness)
        row["likeness"] = std::round(*hit.likeness * 100) / 100;
    return row;
}

namespace {

nlohmann::ordered_json ref_json(const DocumentRef& d) { return {{"id", d.id}, {"slug", d.slug}, {"title", d.title}}; }

} // namespace

nlohmann::ordered_json to_json(const DupesReport& r) {
    nlohmann::ordered_json merged = nlohmann::ordered_json::array();
    for (const auto& g : r.merged) {
        nlohmann::ordered_json absorbed = nlohmann::ordered_json::array();
        for (const auto& a : g.absorbed)
            absorbed.push_back({{"id", a.id}, {"slug", a.slug}, {"reason", a.reason}, {"at", a.at},
                                {"can_unmerge", a.can_unmerge}});
        auto group = ref_json(g.document);
        group["same_url_titles"] = g.same_url_titles;
        group["absorbed"] = absorbed;
        merged.push_back(std::move(group));
    }
    nlohmann::ordered_json suspects = nlohmann::ordered_json::array();
    for (const auto& s : r.suspects)
        suspects.push_back({{"a", ref_json(s.a)}, {"b", ref_json(s.b)}, {"reason", s.reason},
                            {"similarity", std::round(s.similarity * 100) / 100}});
    nlohmann::ordered_json apart = nlohmann::ordered_json::array();
    for (const auto& [a, b] : r.kept_apart)
        apart.push_back({{"a", ref_json(a)}, {"b", ref_json(b)}});
    return {{"merged", merged}, {"suspects", suspects}, {"kept_apart", apart}};
}

static nlohmann::ordered_json side_json(const DiffSide& s) {
    return {{"id", s.id}, {"slug", s.slug}, {"title", s.title}, {"version", s.version}, {"sha256", s.sha256}, {"first_seen", s.first_seen}};
}

static const char* kind_name(DiffBlock::Kind kind) {
    switch (kind) {
    case DiffBlock::Kind::added:
        return "added";
    case DiffBlock::Kind::removed:
        return "removed";
    case DiffBlock::Kind::changed:
        break;
    }
    return "changed";
}

nlohmann::ordered_json to_json(const TextDiff& d) {
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const auto& b : d.blocks)
        changes.push_back({{"kind", kind_name(b.kind)}, {"old_page", b.old_page}, {"old_part", or_null(b.old_part)},
                           {"new_page", b.new_page}, {"new_part", or_null(b.new_part)}, {"removed", b.removed}, {"added", b.added}});
    return {{"against", d.against}, {"old", side_json(d.old_side)}, {"new", side_json(d.new_side)},
            {"changed", std::round(d.changed * 1000) / 1000}, {"changes", changes}};
}

nlohmann::ordered_json to_json(const MergeOutcome& o) {
    return {{"survivor", ref_json(o.survivor)}, {"other", ref_json(o.other)}};
}

} // namespace kennis
