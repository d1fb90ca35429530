#pragma once

// Old Office files written by the tests: the compound-file container (MS-CFB, version 3), an Excel
// 97 workbook (BIFF8) and a Word 97 document, each with only the records their readers need.

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kennis::test {

namespace cfb {

inline void put16(std::string& s, std::uint16_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>(v >> 8);
}
inline void put32(std::string& s, std::uint32_t v) {
    put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
    put16(s, static_cast<std::uint16_t>(v >> 16));
}
inline void set32(std::string& s, std::size_t at, std::uint32_t v) {
    std::string b;
    put32(b, v);
    s.replace(at, 4, b);
}

constexpr std::uint32_t end_of_chain = 0xFFFFFFFE, fat_sector = 0xFFFFFFFD, free_sector = 0xFFFFFFFF, no_stream = 0xFFFFFFFF;
constexpr std::size_t sector = 512, mini_cutoff = 4096;

inline std::string entry(const std::string& name, std::uint8_t type, std::uint32_t right, std::uint32_t child, std::uint32_t start,
                         std::uint32_t size) {
    std::string e;
    for (char c : name)
        put16(e, static_cast<std::uint8_t>(c));
    e.resize(64, '\0');
    put16(e, static_cast<std::uint16_t>(name.empty() ? 0 : (name.size() + 1) * 2));
    e += static_cast<char>(type);
    e += '\1'; // black
    put32(e, no_stream);
    put32(e, right);
    put32(e, child);
    e.append(16 + 4 + 16, '\0'); // class, state, times
    put32(e, start);
    put32(e, size);
    put32(e, 0);
    return e;
}

} // namespace cfb

// A compound file holding the given streams. Each stream is padded to the mini-stream cutoff so
// every one lives in ordinary sectors; readers take a stream's length from what it says inside.
inline std::string compound_file(std::vector<std::pair<std::string, std::string>> streams) {
    using namespace cfb;
    // Siblings must be ordered by name length, then name; a chain to the right is a valid tree.
    std::sort(streams.begin(), streams.end(),
              [](const auto& a, const auto& b) { return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first; });
    std::vector<std::uint32_t> fat{fat_sector, end_of_chain};
    std::string dir = entry("Root Entry", 5, no_stream, streams.empty() ? no_stream : 1, end_of_chain, 0), data;
    for (std::size_t i = 0; i < streams.size(); ++i) {
        std::string& bytes = streams[i].second;
        if (bytes.size() < mini_cutoff)
            bytes.resize(mini_cutoff, '\0');
        bytes.resize((bytes.size() + sector - 1) / sector * sector, '\0');
        const auto start = static_cast<std::uint32_t>(fat.size());
        for (std::size_t s = 1; s < bytes.size() / sector; ++s)
            fat.push_back(start + static_cast<std::uint32_t>(s));
        fat.push_back(end_of_chain);
        dir += entry(streams[i].first, 2, i + 1 < streams.size() ? static_cast<std::uint32_t>(i + 2) : no_stream, no_stream, start,
                     static_cast<std::uint32_t>(bytes.size()));
        data += bytes;
    }
    if (fat.size() > sector / 4 || dir.size() > sector)
        throw std::logic_error("compound_file holds one FAT sector and one directory sector");
    dir.resize(sector, '\0');
    for (std::size_t at = dir.size() - 128; at >= streams.size() * 128 + 128; at -= 128)
        dir.replace(at, 128, entry("", 0, no_stream, no_stream, free_sector, 0));
    std::string fat_bytes;
    for (auto f : fat)
        put32(fat_bytes, f);
    fat_bytes.resize(sector, '\xFF');

    std::string h("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    h.append(16, '\0');
    put16(h, 0x3E);
    put16(h, 3);
    put16(h, 0xFFFE);
    put16(h, 9);
    put16(h, 6);
    h.append(6, '\0');
    put32(h, 0);            // directory sectors (always 0 in version 3)
    put32(h, 1);            // FAT sectors
    put32(h, 1);            // first directory sector
    put32(h, 0);            // transaction
    put32(h, mini_cutoff);  // mini stream cutoff
    put32(h, end_of_chain); // mini FAT
    put32(h, 0);
    put32(h, end_of_chain); // DIFAT
    put32(h, 0);
    put32(h, 0); // the FAT is sector 0
    h.resize(sector, '\xFF');
    return h + fat_bytes + dir + data;
}

namespace biff {

inline std::string record(std::uint16_t type, const std::string& body) {
    std::string r;
    cfb::put16(r, type);
    cfb::put16(r, static_cast<std::uint16_t>(body.size()));
    return r + body;
}

inline std::string bof(std::uint16_t kind) {
    std::string b;
    cfb::put16(b, 0x0600);
    cfb::put16(b, kind);
    cfb::put16(b, 0x0DBB);
    cfb::put16(b, 0x07CC);
    cfb::put32(b, 0);
    cfb::put32(b, 0x06);
    return record(0x0809, b);
}

// Latin-1 text, as Excel stores it when no character needs two bytes.
inline std::string latin1(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0xC0 && i + 1 < utf8.size()) {
            out += static_cast<char>(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F));
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

} // namespace biff

// An Excel 97 workbook: sheets by name, each with rows of text cells (shared strings, as Excel
// writes them), in Latin-1.
inline std::string make_xls(const std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>>& sheets) {
    using namespace biff;
    std::string sst;
    std::uint32_t count = 0;
    std::vector<std::string> bodies;
    for (const auto& [name, rows] : sheets) {
        std::string body = bof(0x0010), dim;
        std::uint16_t width = 0;
        for (const auto& row : rows)
            width = std::max(width, static_cast<std::uint16_t>(row.size()));
        cfb::put32(dim, 0);
        cfb::put32(dim, static_cast<std::uint32_t>(rows.size()));
        cfb::put16(dim, 0);
        cfb::put16(dim, width);
        cfb::put16(dim, 0);
        body += record(0x0200, dim);
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                const std::string text = latin1(rows[r][c]);
                cfb::put16(sst, static_cast<std::uint16_t>(text.size()));
                sst += '\0';
                sst += text;
                std::string cell;
                cfb::put16(cell, static_cast<std::uint16_t>(r));
                cfb::put16(cell, static_cast<std::uint16_t>(c));
                cfb::put16(cell, 15);
                cfb::put32(cell, count++);
                body += record(0x00FD, cell);
            }
        bodies.push_back(body + record(0x000A, ""));
    }
    std::string codepage;
    cfb::put16(codepage, 1252);
    std::string globals = bof(0x0005) + record(0x0042, codepage);
    std::vector<std::size_t> offsets;
    for (const auto& sheet : sheets) {
        const std::string name = latin1(sheet.first);
        std::string b(4, '\0');
        b += '\0'; // visible
        b += '\0'; // worksheet
        b += static_cast<char>(name.size());
        b += '\0';
        b += name;
        offsets.push_back(globals.size());
        globals += record(0x0085, b);
    }
    std::string table;
    cfb::put32(table, count);
    cfb::put32(table, count);
    globals += record(0x00FC, table + sst) + record(0x000A, "");
    std::string stream = globals;
    for (std::size_t s = 0; s < bodies.size(); ++s) {
        cfb::set32(stream, offsets[s] + 4, static_cast<std::uint32_t>(stream.size()));
        stream += bodies[s];
    }
    return compound_file({{"Workbook", stream}});
}

// A Word 97 document: pages of paragraphs, a page break between pages, the text in one piece of
// single-byte characters (Windows-1252).
inline std::string make_doc(const std::vector<std::vector<std::string>>& pages) {
    std::string text;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (p > 0)
            text += '\f';
        for (const auto& paragraph : pages[p])
            text += biff::latin1(paragraph) + '\r';
    }
    constexpr std::uint32_t text_at = 0x800;
    std::string fib;
    cfb::put16(fib, 0xA5EC); // wIdent
    cfb::put16(fib, 0x00C1); // nFib: Word 97
    cfb::put16(fib, 0);
    cfb::put16(fib, 0x0413); // Dutch
    cfb::put16(fib, 0);
    cfb::put16(fib, 0x0200); // fWhichTblStm: the table is 1Table
    cfb::put16(fib, 0x00BF);
    fib.append(32 - fib.size(), '\0');
    cfb::put16(fib, 14);
    fib.append(28, '\0');
    cfb::put16(fib, 22);
    std::string longs;
    cfb::put32(longs, text_at + static_cast<std::uint32_t>(text.size())); // cbMac
    cfb::put32(longs, 0);
    cfb::put32(longs, 0);
    cfb::put32(longs, static_cast<std::uint32_t>(text.size())); // ccpText
    longs.resize(88, '\0');
    fib += longs;
    constexpr std::uint16_t pairs = 0x5D;
    cfb::put16(fib, pairs);
    const std::size_t pairs_at = fib.size();
    fib.append(pairs * 8u, '\0');
    cfb::put16(fib, 0);

    // The piece table: one piece, every character a byte, at text_at.
    std::string pieces;
    cfb::put32(pieces, 0);
    cfb::put32(pieces, static_cast<std::uint32_t>(text.size()));
    cfb::put16(pieces, 0);
    cfb::put32(pieces, (text_at * 2) | 0x40000000);
    cfb::put16(pieces, 0);
    std::string clx = "\x02";
    cfb::put32(clx, static_cast<std::uint32_t>(pieces.size()));
    clx += pieces;
    // An empty style sheet: no styles, the base of each 10 bytes.
    std::string styles;
    cfb::put16(styles, 18);
    cfb::put16(styles, 0);
    cfb::put16(styles, 10);
    styles.resize(20, '\0');
    const auto place = [&](std::size_t pair, std::uint32_t at, std::size_t size) {
        cfb::set32(fib, pairs_at + pair * 8, at);
        cfb::set32(fib, pairs_at + pair * 8 + 4, static_cast<std::uint32_t>(size));
    };
    place(1, 0, styles.size());
    place(33, static_cast<std::uint32_t>(styles.size()), clx.size());

    std::string word = fib;
    word.resize(text_at, '\0');
    word += text;
    return compound_file({{"WordDocument", word}, {"1Table", styles + clx}});
}

} // namespace kennis::test
