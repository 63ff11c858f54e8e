// Password hashing with libsodium's argon2id (interactive limits) and random tokens.
#pragma once
#include <string>

namespace yilian::auth {

std::string hash_password(const std::string& password);
// Tests hash thousands of passwords; they switch to libsodium's minimum cost.
// Verification reads the cost from the stored hash, so both kinds verify.
void use_minimal_password_cost_for_tests();
bool verify_password(const std::string& hash, const std::string& password);
// A policy that people can meet on a phone: at least 8 characters, letters and digits.
// Returns an empty string when acceptable, otherwise the Chinese reason.
std::string password_problem(const std::string& password);

std::string random_token();                      // 32 random bytes, hex
std::string token_digest(const std::string& t);  // what is stored: BLAKE2b of the token, hex
std::string generate_password();                 // 16 characters for initial admin passwords

}  // namespace yilian::auth
