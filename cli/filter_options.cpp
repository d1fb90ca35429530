#include "filter_options.hpp"

#include "choice.hpp"

#include <CLI/CLI.hpp>
#include <kennis/choices.hpp>

namespace kennis::cli {

void add_filter_options(CLI::App& command, Filter& filter) {
    command.add_option("--theme", filter.themes, "Only documents under THEME (repeat for any of several)")
        ->type_name("THEME")
        ->allow_extra_args(false);
    command.add_option("--tag", filter.tags, "Only documents tagged TAG or a tag below it (repeatable)")
        ->type_name("TAG")
        ->allow_extra_args(false);
    command.add_option("--type", filter.type, "Only documents of this type: Handreiking, Handboek, Rapport, …")
        ->type_name("TYPE");
    command.add_option("--year", filter.year, "Only documents dated in YEAR, or whose period spans it")
        ->type_name("YEAR")
        ->check(CLI::Range(1000, 9999));
    offer(command.add_option("--level", filter.level, "Only documents for this school level"), choices::level)->type_name("LEVEL");
    choose_from(command.add_option("--status", filter.status, "Documents still listed (default active), withdrawn, or all"), choices::status)
        ->type_name("STATUS");
    command.add_flag("--latest", filter.latest,
                     "Leave out a document when a newer edition of it exists (same title, later date or version)");
    command.add_option("--limit", filter.limit, "At most N documents")->type_name("N")->check(CLI::PositiveNumber);
}

} // namespace kennis::cli
