#include "sha256.hpp"

#include "file_io.hpp"
#include "unique_fd.hpp"

#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <system_error>
#include <unistd.h>

namespace kennis {

struct Sha256::Ctx {
    sha256_ctx state;
};

Sha256::Sha256() : m_ctx(std::make_unique<Ctx>()) { sha256_init(&m_ctx->state); }

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    sha256_update(&m_ctx->state, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&m_ctx->state, sizeof digest, digest);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const std::uint8_t byte : digest) {
        out += hex[byte >> 4];
        out += hex[byte & 0xF];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex_digest();
}

std::string sha256_file(const std::filesystem::path& file) {
    const UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        throw std::system_error(errno, std::generic_category(), "cannot read " + file.string());
    Sha256 h;
    read_pieces(fd.get(), file, [&h](std::string_view piece) { h.update(piece); });
    return h.hex_digest();
}

} // namespace kennis
