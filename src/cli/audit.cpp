// yilian audit verify --db URL: walks the audit trail's hash chain (audit/chain.h) and
// names the first row whose link or content does not hold. Exit 0 when the chain holds,
// 1 when it is broken.
#include <iostream>

#include "audit/chain.h"
#include "cli/commands.h"

namespace yilian::cli {

int cmd_audit(const Args& a) {
  if (a.positional.empty() || a.positional[0] != "verify") {
    std::cerr << "usage: yilian audit verify --db URL\n";
    return 2;
  }
  auto db = open_migrated(db_url(a));
  audit::ChainReport r = audit::verify_chain(*db);
  if (r.broken_at) {
    std::cout << "审计哈希链断裂: " << r.problem << "\n";
    std::cout << "(已核对" << r.rows << "条,其中" << r.unchained << "条早于哈希链)\n";
    return 1;
  }
  std::cout << "审计哈希链完整: 共" << r.rows << "条记录";
  if (r.unchained) std::cout << ",其中" << r.unchained << "条早于哈希链(升级前写入,未纳入校验)";
  std::cout << "\n";
  if (r.last_id)
    std::cout << "链尾: 第" << r.last_id << "条 " << r.last_hash << "\n"
              << "(请把链尾记在数据库之外;日后核对时链尾之前的记录若被删改即可发现)\n";
  return 0;
}

}  // namespace yilian::cli
