#pragma once

#include "catalogue/database.hpp"
#include "kennis/library.hpp"

namespace kennis {

struct Library::Impl {
    Context ctx;
    Database db;
};

} // namespace kennis
