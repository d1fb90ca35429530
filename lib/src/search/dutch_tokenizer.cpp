#include "search/dutch_tokenizer.hpp"

#include "kennis/error.hpp"
#include "util/sha256.hpp"

#include <libstemmer.h>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <sqlite3.h>
#include <stdexcept>

namespace kennis {
namespace {

struct StemmerDeleter {
    void operator()(sb_stemmer* s) const noexcept { sb_stemmer_delete(s); }
};
using Stemmer = std::unique_ptr<sb_stemmer, StemmerDeleter>;

Stemmer new_stemmer() {
    Stemmer s(sb_stemmer_new("dutch", "UTF_8"));
    if (!s)
        throw Error(ExitCode::failure, "the Snowball Dutch stemmer is not available");
    return s;
}

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// One tokenizer instance: a unicode61 instance to split and fold, and a stemmer of its own
// (Snowball stemmers are not shared between threads), with the stems it made: the same few
// thousand words make up most of any text, and a look-up costs a tenth of stemming.
struct Instance {
    fts5_tokenizer base{};
    Fts5Tokenizer* base_instance = nullptr;
    Stemmer stemmer = new_stemmer();
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> stems;
    static constexpr std::size_t max_stems = 1 << 16;

    std::string_view stem(std::string_view word) {
        if (const auto it = stems.find(word); it != stems.end())
            return it->second;
        const sb_symbol* stemmed = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                                   static_cast<int>(word.size()));
        if (!stemmed)
            throw std::bad_alloc();
        if (stems.size() >= max_stems) // a text of many rare words: start over rather than grow
            stems.clear();
        return stems.emplace(word, std::string(reinterpret_cast<const char*>(stemmed),
                                               static_cast<std::size_t>(sb_stemmer_length(stemmer.get()))))
            .first->second;
    }
};

struct ForwardCtx {
    Instance* self;
    void* ctx;
    int (*token)(void*, int, const char*, int, int, int);
    bool stem;
};

int forward(void* p, int tflags, const char* token, int n, int start, int end) {
    auto* f = static_cast<ForwardCtx*>(p);
    if (!f->stem || n <= 0)
        return f->token(f->ctx, tflags, token, n, start, end);
    std::string_view stemmed;
    try {
        stemmed = f->self->stem(std::string_view(token, static_cast<std::size_t>(n)));
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
    return f->token(f->ctx, tflags, stemmed.data(), static_cast<int>(stemmed.size()), start, end);
}

int create(void* api_ptr, const char**, int, Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(api_ptr);
    auto self = std::make_unique<Instance>();
    void* user = nullptr;
    int rc = api->xFindTokenizer(api, "unicode61", &user, &self->base);
    if (rc != SQLITE_OK)
        return rc;
    const char* args[] = {"remove_diacritics", "2"};
    rc = self->base.xCreate(user, args, 2, &self->base_instance);
    if (rc != SQLITE_OK)
        return rc;
    *out = reinterpret_cast<Fts5Tokenizer*>(self.release());
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer* t) {
    std::unique_ptr<Instance> self(reinterpret_cast<Instance*>(t));
    if (self->base_instance)
        self->base.xDelete(self->base_instance);
}

int tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
    auto* self = reinterpret_cast<Instance*>(t);
    // A prefix query ("handreik*") names the start of words as written, not a stem.
    ForwardCtx f{self, ctx, token, (flags & FTS5_TOKENIZE_PREFIX) == 0};
    return self->base.xTokenize(self->base_instance, &f, flags, text, n, forward);
}

fts5_api* fts5_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        throw Error(ExitCode::failure, "this SQLite has no FTS5");
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api || api->iVersion < 2)
        throw Error(ExitCode::failure, "this SQLite has no usable FTS5");
    return api;
}

// kennis_columns(search_index): a bit for each column the query matched in this row, from the
// match positions FTS5 already has (no text is read).
void matched_columns(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* out, int, sqlite3_value**) {
    int count = 0;
    int mask = 0;
    if (api->xInstCount(ctx, &count) == SQLITE_OK)
        for (int i = 0; i < count; ++i) {
            int phrase = 0, column = 0, offset = 0;
            if (api->xInst(ctx, i, &phrase, &column, &offset) == SQLITE_OK && column < 31)
                mask |= 1 << column;
        }
    sqlite3_result_int(out, mask);
}

} // namespace

void register_dutch_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_of(db);
    static fts5_tokenizer tokenizer{create, destroy, tokenize};
    if (api->xCreateTokenizer(api, dutch_tokenizer_name, api, &tokenizer, nullptr) != SQLITE_OK)
        throw Error(ExitCode::failure, "cannot register the Dutch search tokenizer");
    if (api->xCreateFunction(api, "kennis_columns", nullptr, matched_columns, nullptr) != SQLITE_OK)
        throw Error(ExitCode::failure, "cannot register the search column function");
}

void tokenize_dutch(sqlite3* db, std::string_view text, const std::function<void(std::string_view, std::string_view)>& token) {
    fts5_api* api = fts5_of(db);
    void* user = nullptr;
    fts5_tokenizer methods{};
    if (api->xFindTokenizer(api, dutch_tokenizer_name, &user, &methods) != SQLITE_OK)
        throw Error(ExitCode::failure, "the Dutch tokenizer is not registered");
    Fts5Tokenizer* instance = nullptr;
    if (methods.xCreate(user, nullptr, 0, &instance) != SQLITE_OK)
        throw Error(ExitCode::failure, "the Dutch tokenizer could not start");
    const std::unique_ptr<Fts5Tokenizer, void (*)(Fts5Tokenizer*)> owned(instance, methods.xDelete);
    struct Ctx {
        std::string_view text;
        const std::function<void(std::string_view, std::string_view)>* token;
    } ctx{text, &token};
    methods.xTokenize(instance, &ctx, FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()),
                      [](void* p, int, const char* stem, int n, int start, int end) {
                          auto* c = static_cast<Ctx*>(p);
                          (*c->token)(std::string_view(stem, static_cast<std::size_t>(n)),
                                      c->text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
                          return SQLITE_OK;
                      });
}

std::string dutch_stem(const std::string& word) {
    static thread_local Stemmer stemmer = new_stemmer();
    const sb_symbol* s = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
    return s ? std::string(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())))
             : word;
}

std::string stemmer_name() { return "snowball dutch (UTF-8), unicode61 remove_diacritics=2"; }

std::string stemmer_fingerprint() {
    static const char* probes[] = {"handreikingen", "vrijstellingen", "leerlingen", "leerplichtwet", "verzuim",
                                   "scholen", "thuiszitters", "aanwezigheidsregistratie", "jongeren", "ouders",
                                   "onderwijs", "gemeenten", "kinderen", "begeleiding", "zorgvuldigheid",
                                   "beoordelingen", "schoolverlaters", "knieën", "opgelegde", "ambtenaren"};
    static const std::string fingerprint = [] { // every command checks it on opening the catalogue
        std::string all;
        for (const char* p : probes)
            all += dutch_stem(p) + "\n";
        return sha256_hex(all).substr(0, 16);
    }();
    return fingerprint;
}

} // namespace kennis
