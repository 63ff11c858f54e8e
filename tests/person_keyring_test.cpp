// The keys of personal data at rest (src/person/keyring.h): what one key encrypts only
// that key decrypts, in that column, unaltered; the blind index is a function of the key.
#include "person/keyring.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace yilian::person {
namespace {

MasterKey key_of(unsigned char fill) {
  MasterKey k{};
  for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(fill + i);
  return k;
}

// The stored text decoded to bytes, and re-encoded after a change.
std::string payload(const std::string& stored) {
  std::string b64 = stored.substr(3);
  std::string bin(b64.size(), '\0');
  size_t len = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), b64.data(), b64.size(), nullptr, &len,
                    nullptr, sodium_base64_VARIANT_ORIGINAL);
  bin.resize(len);
  return bin;
}
std::string stored_of(const std::string& bin) {
  std::string text(sodium_base64_ENCODED_LEN(bin.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bin.data()), bin.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  text.pop_back();
  return "v1:" + text;
}

std::filesystem::path temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "yilian-tests";
  std::filesystem::create_directories(dir);
  auto p = dir / (name + "-" + std::to_string(getpid()));
  std::filesystem::remove(p);
  return p;
}

// Sets an environment variable for one test and restores it afterwards.
struct EnvVar {
  std::string name;
  std::optional<std::string> old;
  EnvVar(std::string n, const char* value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
    if (value) setenv(name.c_str(), value, 1); else unsetenv(name.c_str());
  }
  ~EnvVar() {
    if (old) setenv(name.c_str(), old->c_str(), 1); else unsetenv(name.c_str());
  }
};

}  // namespace

TEST(PersonKeyring, AValueEncryptedForAColumnDecryptsToItselfAndIsStoredAsVersionedText) {
  Keyring k(key_of(1));
  std::string stored = k.encrypt("person.phone", "13812345678");
  EXPECT_EQ(stored.rfind("v1:", 0), 0u);
  EXPECT_EQ(stored.find("13812345678"), std::string::npos);
  EXPECT_EQ(k.decrypt("person.phone", stored), "13812345678");
  EXPECT_EQ(k.decrypt("person.address", k.encrypt("person.address", "")), "");
  EXPECT_EQ(k.decrypt("person.address", k.encrypt("person.address", "山东省临沂市莒南县十字路街道")),
            "山东省临沂市莒南县十字路街道");
}

TEST(PersonKeyring, TheSameValueEncryptsDifferentlyEachTime) {
  Keyring k(key_of(1));
  EXPECT_NE(k.encrypt("person.phone", "13812345678"), k.encrypt("person.phone", "13812345678"));
}

TEST(PersonKeyring, AnyFlippedByteIsRefused) {
  Keyring k(key_of(1));
  std::string bin = payload(k.encrypt("person.id_number", "370102198001011234"));
  ASSERT_GT(bin.size(), 24u + 16u);
  for (size_t i = 0; i < bin.size(); ++i) {
    std::string bad = bin;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    EXPECT_EQ(k.decrypt("person.id_number", stored_of(bad)), std::nullopt) << "byte " << i;
  }
  EXPECT_EQ(k.decrypt("person.id_number", stored_of(bin.substr(0, bin.size() - 1))), std::nullopt);
  EXPECT_EQ(k.decrypt("person.id_number", stored_of(bin.substr(0, 39))), std::nullopt);
}

TEST(PersonKeyring, ACiphertextMovedToAnotherColumnIsRefused) {
  Keyring k(key_of(1));
  std::string phone = k.encrypt("person.phone", "13812345678");
  EXPECT_EQ(k.decrypt("person.address", phone), std::nullopt);
  EXPECT_EQ(k.decrypt("person.id_number", phone), std::nullopt);
}

TEST(PersonKeyring, AnotherKeyCannotDecrypt) {
  Keyring mine(key_of(1)), other(key_of(2));
  EXPECT_EQ(other.decrypt("person.phone", mine.encrypt("person.phone", "13812345678")), std::nullopt);
}

TEST(PersonKeyring, UnknownFormatsAreRefusedNotGuessed) {
  Keyring k(key_of(1));
  std::string stored = k.encrypt("person.phone", "13812345678");
  EXPECT_EQ(k.decrypt("person.phone", "v2:" + stored.substr(3)), std::nullopt);
  EXPECT_EQ(k.decrypt("person.phone", stored.substr(3)), std::nullopt);
  EXPECT_EQ(k.decrypt("person.phone", "13812345678"), std::nullopt);
  EXPECT_EQ(k.decrypt("person.phone", "v1:%%%%"), std::nullopt);
  EXPECT_EQ(k.decrypt("person.phone", "v1:"), std::nullopt);
  EXPECT_EQ(k.decrypt("person.phone", stored + "AAAA"), std::nullopt);
}

TEST(PersonKeyring, TheBlindIndexIsDeterministicPerKeyAndUnrelatedAcrossKeys) {
  Keyring a(key_of(1)), a_again(key_of(1)), b(key_of(2));
  std::string ia = a.blind_index("id:resident_id", "370102198001011234");
  EXPECT_EQ(ia.size(), 64u);
  EXPECT_EQ(ia, a.blind_index("id:resident_id", "370102198001011234"));
  EXPECT_EQ(ia, a_again.blind_index("id:resident_id", "370102198001011234"));
  EXPECT_NE(ia, b.blind_index("id:resident_id", "370102198001011234"));
  EXPECT_NE(ia, a.blind_index("id:resident_id", "370102198001011235"));
  // The domain separates kinds of value: a passport and an ID card with the same text differ.
  EXPECT_NE(ia, a.blind_index("id:passport", "370102198001011234"));
  EXPECT_NE(a.blind_index("id:a", "b"), a.blind_index("id:", "ab"));
  // Not the plain BLAKE2b of the value: without the key it cannot be recomputed.
  unsigned char plain[32];
  std::string v = "370102198001011234";
  crypto_generichash(plain, sizeof plain, reinterpret_cast<const unsigned char*>(v.data()), v.size(), nullptr, 0);
  char plain_hex[65];
  sodium_bin2hex(plain_hex, sizeof plain_hex, plain, sizeof plain);
  EXPECT_NE(ia, std::string(plain_hex));
}

TEST(PersonKeyring, TheFingerprintNamesTheKeyWithoutRevealingIt) {
  Keyring a(key_of(1)), a_again(key_of(1)), b(key_of(2));
  EXPECT_EQ(a.fingerprint(), a_again.fingerprint());
  EXPECT_NE(a.fingerprint(), b.fingerprint());
  char master_hex[65];
  sodium_bin2hex(master_hex, sizeof master_hex, key_of(1).data(), 32);
  EXPECT_EQ(std::string(master_hex).find(a.fingerprint()), std::string::npos);
}

TEST(PersonKeyring, AKeyIsExactlySixtyFourHexCharacters) {
  std::string good(64, 'a');
  EXPECT_EQ(parse_key_hex(good)[0], 0xaa);
  EXPECT_EQ(parse_key_hex("  " + good + "\n")[31], 0xaa);
  EXPECT_THROW(parse_key_hex(std::string(63, 'a')), KeyError);
  EXPECT_THROW(parse_key_hex(std::string(66, 'a')), KeyError);
  EXPECT_THROW(parse_key_hex(std::string(63, 'a') + "g"), KeyError);
  EXPECT_THROW(parse_key_hex(std::string(32, 'a') + " " + std::string(31, 'a')), KeyError);
}

TEST(PersonKeyring, AMissingKeyFileIsCreatedPrivateWithARandomKeyAndSaidSo) {
  auto path = temp_path("created.key");
  ::testing::internal::CaptureStderr();
  MasterKey first = load_or_create_key_file(path.string());
  std::string said = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(said.find(path.string()), std::string::npos) << said;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_NE(first, MasterKey{});
  // The second start reads the same key, silently.
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(load_or_create_key_file(path.string()), first);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(read_key_file(path.string()), first);
  // Another new file gets another key.
  auto other = temp_path("created-2.key");
  ::testing::internal::CaptureStderr();
  EXPECT_NE(load_or_create_key_file(other.string()), first);
  ::testing::internal::GetCapturedStderr();
  std::filesystem::remove(path);
  std::filesystem::remove(other);
}

TEST(PersonKeyring, AKeyFileOthersCanReadOrThatHoldsNoKeyIsRefused) {
  auto path = temp_path("open.key");
  std::ofstream(path) << std::string(64, 'b') << "\n";
  ::chmod(path.c_str(), 0644);
  EXPECT_THROW(read_key_file(path.string()), KeyError);
  EXPECT_THROW(load_or_create_key_file(path.string()), KeyError);
  ::chmod(path.c_str(), 0600);
  EXPECT_EQ(read_key_file(path.string())[0], 0xbb);
  std::ofstream(path) << "not a key\n";
  EXPECT_THROW(read_key_file(path.string()), KeyError);
  std::filesystem::remove(path);
  EXPECT_THROW(read_key_file(path.string()), KeyError);
}

TEST(PersonKeyring, TheEnvironmentKeyComesBeforeTheKeyFileAndAnExplicitFileBeforeBoth) {
  auto file = temp_path("env.key");
  std::ofstream(file) << std::string(64, 'c') << "\n";
  ::chmod(file.c_str(), 0600);
  {
    EnvVar k("YILIAN_DATA_KEY", std::string(64, 'd').c_str()), f("YILIAN_KEY_FILE", file.c_str());
    EXPECT_EQ(key_from_environment()->at(0), 0xdd);
    auto explicit_file = temp_path("explicit.key");
    std::ofstream(explicit_file) << std::string(64, 'e') << "\n";
    ::chmod(explicit_file.c_str(), 0600);
    EXPECT_EQ(resolve_master_key(explicit_file.string(), "")[0], 0xee);
    EXPECT_EQ(resolve_master_key("", "/nonexistent/never.key")[0], 0xdd);
    std::filesystem::remove(explicit_file);
  }
  {
    EnvVar k("YILIAN_DATA_KEY", nullptr), f("YILIAN_KEY_FILE", file.c_str());
    EXPECT_EQ(key_from_environment()->at(0), 0xcc);
  }
  {
    EnvVar k("YILIAN_DATA_KEY", "tooshort"), f("YILIAN_KEY_FILE", nullptr);
    EXPECT_THROW(key_from_environment(), KeyError);
  }
  {
    EnvVar k("YILIAN_DATA_KEY", nullptr), f("YILIAN_KEY_FILE", nullptr);
    EXPECT_EQ(key_from_environment(), std::nullopt);
    EXPECT_THROW(resolve_master_key("", ""), KeyError);
  }
  std::filesystem::remove(file);
}

}  // namespace yilian::person
