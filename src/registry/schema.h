#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::registry {
std::vector<store::Migration> migrations();
}
