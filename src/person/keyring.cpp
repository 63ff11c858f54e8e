#include "person/keyring.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <vector>

namespace yilian::person {
namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "yilianpi";
constexpr uint64_t kEncryptionKeyId = 1, kIndexKeyId = 2, kCheckKeyId = 3;
constexpr std::string_view kPrefix = "v1:";
constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
// Personal fields are short (an address is the longest); anything bigger is not ours.
constexpr size_t kMaxStored = 64 * 1024;

void init() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw KeyError("libsodium initialisation failed");
}

std::string hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string hex_of(const MasterKey& key) { return hex(key.data(), key.size()); }

std::string trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string read_all(int fd) {
  std::string text;
  char buf[256];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      throw KeyError(std::string("cannot read the key file: ") + std::strerror(errno));
    }
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > 4096) throw KeyError("the key file is not a key (too long)");
  }
  return text;
}

}  // namespace

Keyring::Keyring(const MasterKey& master) {
  init();
  crypto_kdf_derive_from_key(enc_, sizeof enc_, kEncryptionKeyId, kKdfContext, master.data());
  crypto_kdf_derive_from_key(index_, sizeof index_, kIndexKeyId, kKdfContext, master.data());
  crypto_kdf_derive_from_key(check_, sizeof check_, kCheckKeyId, kKdfContext, master.data());
}

Keyring::~Keyring() {
  sodium_memzero(enc_, sizeof enc_);
  sodium_memzero(index_, sizeof index_);
  sodium_memzero(check_, sizeof check_);
}

std::string Keyring::encrypt(std::string_view column, std::string_view plaintext) const {
  std::vector<unsigned char> out(kNonce + plaintext.size() + kTag);
  randombytes_buf(out.data(), kNonce);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + kNonce, &len, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(column.data()), column.size(), nullptr, out.data(), enc_);
  size_t b64 = sodium_base64_ENCODED_LEN(out.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string text(b64, '\0');
  sodium_bin2base64(text.data(), text.size(), out.data(), out.size(), sodium_base64_VARIANT_ORIGINAL);
  text.pop_back();  // the terminating NUL
  return std::string(kPrefix) + text;
}

std::optional<std::string> Keyring::decrypt(std::string_view column, std::string_view stored) const {
  if (stored.size() > kMaxStored || stored.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view b64 = stored.substr(kPrefix.size());
  if (b64.empty()) return std::nullopt;  // nothing to decode (and no buffer to hand libsodium)
  std::vector<unsigned char> bin(b64.size());
  size_t bin_len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(bin.data(), bin.size(), b64.data(), b64.size(), nullptr, &bin_len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != b64.data() + b64.size() || bin_len < kNonce + kTag)
    return std::nullopt;
  std::string plain(bin_len - kNonce - kTag, '\0');
  unsigned long long plain_len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &plain_len, nullptr,
                                                 bin.data() + kNonce, bin_len - kNonce,
                                                 reinterpret_cast<const unsigned char*>(column.data()), column.size(),
                                                 bin.data(), enc_) != 0)
    return std::nullopt;
  plain.resize(plain_len);
  return plain;
}

std::string Keyring::blind_index(std::string_view domain, std::string_view value) const {
  // The domain and a separator byte first, so ("id:a", "b") and ("id:", "ab") differ and a
  // phone's index never equals an ID number's.
  crypto_generichash_state st;
  crypto_generichash_init(&st, index_, sizeof index_, 32);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
  const unsigned char sep = 0;
  crypto_generichash_update(&st, &sep, 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(value.data()), value.size());
  unsigned char out[32];
  crypto_generichash_final(&st, out, sizeof out);
  return hex(out, sizeof out);
}

std::string Keyring::fingerprint() const {
  static const char label[] = "yilian person key check";
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(label), sizeof label - 1, check_,
                     sizeof check_);
  return hex(out, sizeof out);
}

MasterKey parse_key_hex(std::string_view text) {
  init();
  std::string h = trimmed(text);
  MasterKey key{};
  size_t len = 0;
  const char* end = nullptr;
  if (h.size() != 64 || sodium_hex2bin(key.data(), key.size(), h.data(), h.size(), nullptr, &len, &end) != 0 ||
      len != key.size() || end != h.data() + h.size())
    throw KeyError("the data key must be 64 hexadecimal characters (32 bytes)");
  return key;
}

MasterKey read_key_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw KeyError("cannot open the key file " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw KeyError("the key file " + path + " is not a regular file");
  }
  if (st.st_mode & 077) {
    ::close(fd);
    throw KeyError("the key file " + path + " is readable by others; run: chmod 600 " + path);
  }
  std::string text;
  try {
    text = read_all(fd);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  try {
    return parse_key_hex(text);
  } catch (const KeyError&) {
    throw KeyError("the key file " + path + " does not hold a key (64 hexadecimal characters)");
  }
}

MasterKey load_or_create_key_file(const std::string& path) {
  init();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return read_key_file(path);
    throw KeyError("cannot create the key file " + path + ": " + std::strerror(errno));
  }
  MasterKey key{};
  randombytes_buf(key.data(), key.size());
  std::string text = hex_of(key) + "\n";
  bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  int saved = errno;
  ::close(fd);
  sodium_memzero(text.data(), text.size());
  if (!ok) {
    ::unlink(path.c_str());
    throw KeyError("cannot write the key file " + path + ": " + std::strerror(saved));
  }
  std::cerr << "created a new data key in " << path
            << " (mode 0600). Back it up apart from the database: without it the encrypted ID numbers, phones and "
               "addresses cannot be read.\n";
  return key;
}

std::optional<MasterKey> key_from_environment() {
  if (const char* hex_key = std::getenv("YILIAN_DATA_KEY"); hex_key && *hex_key) {
    try {
      return parse_key_hex(hex_key);
    } catch (const KeyError&) {
      throw KeyError("YILIAN_DATA_KEY must be 64 hexadecimal characters (32 bytes)");
    }
  }
  if (const char* file = std::getenv("YILIAN_KEY_FILE"); file && *file) return read_key_file(file);
  return std::nullopt;
}

MasterKey resolve_master_key(const std::string& explicit_path, const std::string& default_path) {
  if (!explicit_path.empty()) return load_or_create_key_file(explicit_path);
  if (auto key = key_from_environment()) return *key;
  if (!default_path.empty()) return load_or_create_key_file(default_path);
  throw KeyError("no data key: set YILIAN_DATA_KEY or YILIAN_KEY_FILE, or pass --key-file");
}

namespace {

// Keyrings are never destroyed once installed: a request on another thread may still hold
// a reference when a test installs the next one. They are few (one per process, a few per
// test run).
std::mutex install_mutex;
std::vector<std::unique_ptr<Keyring>>& installed() {
  static std::vector<std::unique_ptr<Keyring>> all;
  return all;
}
std::atomic<const Keyring*> current{nullptr};

}  // namespace

void install_keyring(const MasterKey& key) {
  std::lock_guard lock(install_mutex);
  installed().push_back(std::make_unique<Keyring>(key));
  current.store(installed().back().get());
}

const Keyring& keyring() {
  if (const Keyring* k = current.load()) return *k;
  std::lock_guard lock(install_mutex);
  if (const Keyring* k = current.load()) return *k;
  auto key = key_from_environment();
  if (!key) throw KeyError("no data key configured (YILIAN_DATA_KEY, YILIAN_KEY_FILE or --key-file)");
  installed().push_back(std::make_unique<Keyring>(*key));
  sodium_memzero(key->data(), key->size());
  current.store(installed().back().get());
  return *current.load();
}

}  // namespace yilian::person
