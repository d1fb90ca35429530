#pragma once

#include "kennis/library.hpp"

namespace kennis {

// The library's edge. Every public entry point ends in
//
//     ReturnType entry(Library& library, …) try {
//         …
//     } catch (...) {
//         rethrow_at_edge(library);
//     }
//
// so that what SQLite, SQLiteCpp or the standard library throw inside becomes a kennis Error: a
// catalogue failure names the catalogue's path, and nothing else reaches the program that calls.
[[noreturn]] void rethrow_at_edge(const Library& library);

} // namespace kennis
