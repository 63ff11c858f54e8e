#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::auth {
std::vector<store::Migration> migrations();
}
