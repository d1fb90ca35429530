#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kennis::cli {

enum class Format { table, json, csv, tsv, paths };

Format parse_format(const std::string& name);

struct Output {
    Format format = Format::table;
    bool quiet = false;
    int verbose = 0;
    bool stdout_tty = false;
    bool progress = false;
    bool color = false;
};

// A column of a table: the header, the JSON field it shows, and whether it may be shortened to
// fit the terminal (one flexible column takes what the others leave).
struct Column {
    std::string header;
    std::string field;
    bool flexible = false;
};

// Prints records (a JSON array of objects) in the chosen format: `columns` for the table, every
// field named in `fields` for CSV and TSV, the objects themselves for JSON.
void print_records(const Output& out, const nlohmann::ordered_json& records, const std::vector<Column>& columns,
                   const std::vector<std::string>& fields);

// The i-th of some records, made when it is printed; what it refers to may change at the next call.
using RecordAt = std::function<const nlohmann::ordered_json&(std::size_t)>;

// As print_records, for `count` records made one at a time and dropped once printed. Holding
// a hundred thousand documents as JSON objects at once took 200 of `list`'s 440 MB, and freeing
// them a quarter of its time.
void print_each_record(const Output& out, std::size_t count, const RecordAt& record, const std::vector<Column>& columns,
                       const std::vector<std::string>& fields);

// Prints one object: "field: value" lines for a table, one row for CSV/TSV, the object for JSON.
void print_object(const Output& out, const nlohmann::ordered_json& object, const std::vector<std::string>& fields);

// A report for a script: the whole of it as JSON, or its list `records` as CSV, TSV or paths.
// Returns false for a table, which the caller prints itself. Quiet prints nothing. The report is
// made only when it is printed, as an export's holds a record for each of thousands of files.
bool print_report_for_scripts(const Output& out, const std::function<nlohmann::ordered_json()>& report, const std::string& records,
                              const std::vector<std::string>& fields);

// A JSON value as the text of one cell: arrays joined with `sep`, null as nothing.
// Text as a terminal should show it: invisible format characters (a right-to-left override in a
// title) written out as <U+202E>, so that nothing reorders what a table shows.
std::string shown(std::string_view text);

std::string cell_text(const nlohmann::ordered_json& value, const std::string& sep = ", ");

} // namespace kennis::cli
