#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::support {
std::vector<store::Migration> migrations();
}
