#include "calendar/date.h"

#include <gtest/gtest.h>

namespace yilian::calendar {

TEST(CalendarDate, DayNumbersAndWeekdays) {
  EXPECT_EQ(day_number("1970-01-01"), 0);
  EXPECT_EQ(date_from_day_number(day_number("2026-11-23")), "2026-11-23");
  EXPECT_EQ(weekday("2026-11-23"), 1);  // a Monday
  EXPECT_EQ(weekday("2026-11-29"), 7);
  EXPECT_EQ(add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(days_between("2026-01-01", "2026-12-31"), 364);
}

TEST(CalendarDate, IsoWeeksAcrossYearBoundaries) {
  EXPECT_EQ(iso_week("2026-01-01").label(), "2026-W01");  // a Thursday
  EXPECT_EQ(iso_week("2021-01-03").label(), "2020-W53");
  EXPECT_EQ(iso_week("2024-12-30").label(), "2025-W01");
  EXPECT_EQ(iso_week("2023-07-03").label(), "2023-W27");  // the seed's weekly table: 7月3日起
  IsoWeek w;
  ASSERT_TRUE(parse_iso_week("2026-W28", w));
  EXPECT_EQ(w.monday(), "2026-07-06");
  EXPECT_EQ(w.sunday(), "2026-07-12");
  EXPECT_TRUE(parse_iso_week("2020-W53", w));
  EXPECT_TRUE(parse_iso_week("2026-W53", w));  // 2026 starts on a Thursday
  EXPECT_FALSE(parse_iso_week("2025-W53", w));
  EXPECT_FALSE(parse_iso_week("2026-28", w));
}

TEST(CalendarDate, MonthsBetweenCountsWholeTerms) {
  EXPECT_NEAR(months_between("2026-01-01", "2026-06-30"), 5.95, 0.05);
  EXPECT_NEAR(months_between("2026-01-01", "2026-12-31"), 12.0, 0.05);
}

}  // namespace yilian::calendar
