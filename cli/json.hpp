#pragma once

#include "kennis/browse.hpp"
#include "kennis/changes.hpp"
#include "kennis/diff.hpp"
#include "kennis/document.hpp"
#include "kennis/dupes.hpp"
#include "kennis/export.hpp"
#include "kennis/fetch.hpp"
#include "kennis/maintenance.hpp"
#include "kennis/search.hpp"
#include "kennis/sync.hpp"

#include <nlohmann/json.hpp>

// The machine output of the command-line contract: these field names are stable.
namespace kennis {

nlohmann::ordered_json to_json(const Document& document, bool with_versions = false);
nlohmann::ordered_json to_json(const ThemeSummary& theme);
nlohmann::ordered_json to_json(const SyncReport& report);
nlohmann::ordered_json to_json(const FetchReport& report);
nlohmann::ordered_json to_json(const ReindexReport& report);
nlohmann::ordered_json to_json(const TextStats& text);
nlohmann::ordered_json to_json(const Stats& stats);
nlohmann::ordered_json to_json(const ExportReport& report);
nlohmann::ordered_json to_json(const VerifyReport& report);
nlohmann::ordered_json to_json(const GcReport& report);
nlohmann::ordered_json to_json(const ChangesReport& report);
nlohmann::ordered_json to_json(const DupesReport& report);
nlohmann::ordered_json to_json(const MergeOutcome& outcome);
nlohmann::ordered_json to_json(const TextDiff& diff);
// The document fields plus score, snippet (without highlight marks) and page.
nlohmann::ordered_json to_json(const SearchHit& hit);

} // namespace kennis
