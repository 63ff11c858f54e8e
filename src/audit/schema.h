#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::audit {
std::vector<store::Migration> migrations();
}
