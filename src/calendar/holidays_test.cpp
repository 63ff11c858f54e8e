#include "calendar/holidays.h"

#include <gtest/gtest.h>

#include "calendar/date.h"

namespace yilian::calendar {
namespace {

TEST(HolidayNotices, TheShippedNoticesOf2025And2026ParseWithTheirHolidaysAndTiaoxiuDays) {
  const auto& notices = shipped_notices();
  ASSERT_GE(notices.size(), 2u);
  EXPECT_EQ(notices[0].year, 2025);
  EXPECT_EQ(notices[0].number, "国办发明电〔2024〕12号");
  EXPECT_EQ(notices[1].year, 2026);
  int rest = 0, work = 0;
  for (const auto& d : notices[1].days) (d.working ? work : rest) += 1;
  EXPECT_EQ(rest, 3 + 9 + 3 + 5 + 3 + 3 + 7);  // 元旦 … 国庆, as the notice counts them
  EXPECT_EQ(work, 6);
  EXPECT_FALSE(shipped_working_day("2026-10-01"));
  EXPECT_TRUE(shipped_working_day("2026-10-10"));  // 调休 Saturday
  EXPECT_TRUE(shipped_working_day("2026-10-09"));
  EXPECT_FALSE(shipped_working_day("2026-10-11"));
}

TEST(HolidayNotices, EveryShippedYearHasAMigrationVersionOfTheCalendarModule) {
  for (const auto& m : shipped_notice_migrations()) {
    EXPECT_GE(m.version, 152);
    EXPECT_LE(m.version, 159);
  }
  EXPECT_EQ(notice_migration_version(2026), 153);
}

TEST(HolidayNotices, AMalformedNoticeListsEveryProblemWithItsLine) {
  try {
    parse_notice("[notice]\nyear = 2030\ntitle = \"x\"\nissued = \"2029-11-01\"\n[[holiday]]\nname = \"国庆节\"\n"
                 "rest = [\"2030-10-01..2030-10-07\", \"2030-10-07\"]\ndays = 9\nwork = [\"2030-10-09\"]\nclause = \"x\"\n",
                 "t.toml");
    FAIL() << "accepted";
  } catch (const NoticeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("2030-10-07 重复出现"), std::string::npos) << m;
    EXPECT_NE(m.find("共9天"), std::string::npos) << m;
    EXPECT_NE(m.find("不是周六或周日"), std::string::npos) << m;
    EXPECT_NE(m.find("t.toml:7"), std::string::npos) << m;
  }
  EXPECT_THROW(parse_notice("[notice]\nyear = 2030\n", "t.toml"), NoticeError);
  EXPECT_THROW(parse_notice("not toml [", "t.toml"), NoticeError);
}

}  // namespace
}  // namespace yilian::calendar
