#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::rounds {
// The rounds tables (V1–V8), migrations 500–549: teams and their villages, senior
// doctors, the half-day plan, visit records and the weekly report (附件2).
std::vector<store::Migration> migrations();
}  // namespace yilian::rounds
