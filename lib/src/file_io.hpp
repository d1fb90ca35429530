#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace kennis {

// Hands what is left of an open file, from its offset to its end, to `take` in pieces of up to
// 1 MiB; throws Error naming `name` when reading fails.
void read_pieces(int fd, const std::filesystem::path& name, const std::function<void(std::string_view)>& take);

// Whether the bytes of `part` are the first bytes of `whole` (all of them when the sizes match);
// false when either cannot be read.
bool is_beginning_of(const std::filesystem::path& part, const std::filesystem::path& whole);

// Replaces `file` with `content` atomically (a temp file named `temp_prefix`… beside it, renamed;
// with `sync`, synced first and after), unless it holds exactly that already. Returns whether it
// wrote.
bool write_if_changed(const std::filesystem::path& file, std::string_view content, std::string_view temp_prefix, bool sync);

} // namespace kennis
