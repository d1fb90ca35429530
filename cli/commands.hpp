#pragma once

#include "globals.hpp"

#include <kennis/fetch.hpp>

namespace CLI {
class App;
}

namespace kennis::cli {

void register_list(CLI::App& app, Globals& globals);
void register_show(CLI::App& app, Globals& globals);
void register_themes(CLI::App& app, Globals& globals);
void register_stats(CLI::App& app, Globals& globals);
void register_sync(CLI::App& app, Globals& globals);
void register_fetch(CLI::App& app, Globals& globals);
void register_search(CLI::App& app, Globals& globals);
void register_tag(CLI::App& app, Globals& globals);
void register_export(CLI::App& app, Globals& globals);
void register_verify(CLI::App& app, Globals& globals);
void register_gc(CLI::App& app, Globals& globals);
void register_reindex(CLI::App& app, Globals& globals);
void register_completion(CLI::App& app, Globals& globals);
void register_config(CLI::App& app, Globals& globals);
void register_changes(CLI::App& app, Globals& globals);
void register_dupes(CLI::App& app, Globals& globals); // dupes, merge and unmerge
void register_diff(CLI::App& app, Globals& globals);

// "-word" excludes a word from a search; this marks such words after "search" so the parser
// takes them for words rather than options.
std::vector<std::string> protect_excluded_words(std::vector<std::string> args);

// The summary a fetch prints (also after sync --fetch); sets the exit code 3 when some failed.
void report_fetch(Globals& globals, const FetchReport& report);
// A line for each document merged into another, and why.
void print_merges(const std::vector<MergeNote>& merged);
void note_fetch_failures(Globals& globals, const FetchReport& report);

} // namespace kennis::cli
