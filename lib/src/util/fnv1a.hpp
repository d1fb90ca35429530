#pragma once

#include <cstdint>
#include <string_view>

namespace kennis {

// FNV-1a: a quick hash of short strings (words), not for anything an attacker may choose to
// collide where that would matter.
template <typename Hash, Hash offset_basis, Hash prime>
constexpr Hash fnv1a(std::string_view text) {
    Hash h = offset_basis;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= prime;
    }
    return h;
}

constexpr std::uint32_t fnv1a_32(std::string_view text) { return fnv1a<std::uint32_t, 2166136261u, 16777619u>(text); }
constexpr std::uint64_t fnv1a_64(std::string_view text) { return fnv1a<std::uint64_t, 0xcbf29ce484222325ULL, 0x100000001b3ULL>(text); }

} // namespace kennis
