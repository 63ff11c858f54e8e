// The keys that protect personal data at rest (个人信息保护法 art. 51: encryption of
// sensitive personal information). One 32-byte master key comes from outside the
// database — the environment (YILIAN_DATA_KEY, 64 hex characters) or a key file — and is
// never written to it; a copy of the database without the key reveals no ID number,
// phone or address.
//
// Two subkeys are derived from it (crypto_kdf_derive_from_key, context "yilianpi"):
//   1: encryption, XChaCha20-Poly1305 (IETF AEAD), a random 24-byte nonce per value and
//      the column name as associated data, so a ciphertext moved to another column (or
//      altered by one bit) is refused rather than decrypted;
//   2: the blind index, keyed BLAKE2b-256 of a domain and the normalised value, for exact
//      lookup and uniqueness without decrypting (equal inputs ⇒ equal index under one
//      key; without the key the index cannot be computed for a guessed number).
//   3: a fingerprint of the key, stored in the database so a server started with another
//      key refuses to run instead of writing rows nobody can read later.
// Stored ciphertext is text, "v1:" + base64(nonce ‖ ciphertext ‖ tag), so both backends keep
// TEXT columns. The prefix names the key generation: a later rotation adds "v2:" and
// decrypts each value with the generation it names.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace yilian::person {

using MasterKey = std::array<unsigned char, 32>;

// A key that could not be read, or a value that this key cannot decrypt. Never carries the
// key or the plaintext in its message.
struct KeyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Keyring {
 public:
  explicit Keyring(const MasterKey& master);
  ~Keyring();
  Keyring(const Keyring&) = delete;
  Keyring& operator=(const Keyring&) = delete;

  // "v1:…"; `column` is the associated data ("person.phone").
  std::string encrypt(std::string_view column, std::string_view plaintext) const;
  // The plaintext, or nullopt when the value was altered, belongs to another column, was
  // written under another key or is not of a known format.
  std::optional<std::string> decrypt(std::string_view column, std::string_view stored) const;
  // 64 hex characters; deterministic per key and (domain, value), unrelated across keys.
  std::string blind_index(std::string_view domain, std::string_view value) const;
  // Identifies the key without revealing it or either subkey.
  std::string fingerprint() const;

 private:
  unsigned char enc_[32];
  unsigned char index_[32];
  unsigned char check_[32];
};

// 64 hex characters (surrounding whitespace ignored) → key; KeyError otherwise.
MasterKey parse_key_hex(std::string_view hex);
// The key file: the key as 64 hex characters on one line. Refused when readable by group
// or others, like ssh refuses a private key.
MasterKey read_key_file(const std::string& path);
// Reads the key file, or creates it (mode 0600, a random key) when absent and says so on
// stderr with its path, so the operator knows to back it up. Safe against two processes
// creating it at once (O_EXCL: the loser reads the winner's file).
MasterKey load_or_create_key_file(const std::string& path);
// The key the environment names: YILIAN_DATA_KEY (hex) first, then YILIAN_KEY_FILE.
std::optional<MasterKey> key_from_environment();
// What the server and the command line use: an explicit --key-file (created when absent),
// else the environment, else `default_path` (created when absent; the lead's default is
// the SQLite file's path + ".key"). An empty default_path means "none": KeyError.
MasterKey resolve_master_key(const std::string& explicit_path, const std::string& default_path);

// The process-wide keyring the person store uses. Installed once at start-up (and by
// tests); keyring() without one tries key_from_environment() and otherwise throws KeyError,
// so personal data is never written unencrypted.
void install_keyring(const MasterKey& key);
const Keyring& keyring();

}  // namespace yilian::person
