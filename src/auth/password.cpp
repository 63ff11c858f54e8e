#include "auth/password.h"

#include <sodium.h>

#include <stdexcept>

namespace yilian::auth {
namespace {

void init() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium initialisation failed");
}

std::string hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

bool minimal_cost = false;

}  // namespace

void use_minimal_password_cost_for_tests() { minimal_cost = true; }

std::string hash_password(const std::string& password) {
  init();
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops = minimal_cost ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = minimal_cost ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str(out, password.data(), password.size(), ops, mem) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  init();
  if (hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string password_problem(const std::string& password) {
  if (password.size() < 8) return "密码至少8位";
  if (password.size() > 128) return "密码不能超过128位";
  bool letter = false, digit = false;
  for (unsigned char c : password) {
    if (std::isalpha(c)) letter = true;
    if (std::isdigit(c)) digit = true;
  }
  if (!letter || !digit) return "密码须同时包含字母和数字";
  return "";
}

std::string random_token() {
  init();
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return hex(buf, sizeof buf);
}

std::string token_digest(const std::string& t) {
  init();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(t.data()), t.size(), nullptr, 0);
  return hex(out, sizeof out);
}

std::string generate_password() {
  init();
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 14; ++i) out += alphabet[randombytes_uniform(sizeof alphabet - 1)];
  out += std::to_string(randombytes_uniform(90) + 10);  // always a digit, so the policy holds
  return out;
}

}  // namespace yilian::auth
