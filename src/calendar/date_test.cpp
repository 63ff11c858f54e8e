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

TEST(CalendarDate, AddMonthsKeepsTheDayOrTheMonthsEnd) {
  EXPECT_EQ(add_months("2026-01-15", 1), "2026-02-15");
  EXPECT_EQ(add_months("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(add_months("2024-01-31", 1), "2024-02-29");
  EXPECT_EQ(add_months("2024-02-29", 12), "2025-02-28");
  EXPECT_EQ(add_months("2026-11-30", 3), "2027-02-28");
  EXPECT_EQ(add_months("2026-03-31", -1), "2026-02-28");
  EXPECT_EQ(add_months("2026-01-10", -13), "2024-12-10");
}

TEST(CalendarDate, ServedMonthsCountsWholeCalendarMonthsBothDaysIncluded) {
  EXPECT_EQ(served_months("2026-01-01", "2026-06-30"), 6);  // D3: half a year
  EXPECT_EQ(served_months("2026-01-01", "2026-06-29"), 5);  // a day short
  EXPECT_EQ(served_months("2026-01-01", "2026-12-31"), 12);
  // From a month's end, one month later is the next month's end (clamped): 01-31 + 1 = 02-28,
  // so one month is served on 02-27, as the D3 term rule counts it.
  EXPECT_EQ(served_months("2026-01-31", "2026-02-26"), 0);
  EXPECT_EQ(served_months("2026-01-31", "2026-02-27"), 1);
  EXPECT_EQ(served_months("2026-03-15", "2026-09-14"), 6);
  EXPECT_EQ(served_months("2026-03-15", "2026-09-13"), 5);
  EXPECT_EQ(served_months("2024-02-29", "2025-02-26"), 11);
  EXPECT_EQ(served_months("2024-02-29", "2025-02-27"), 12);
  EXPECT_EQ(served_months("2026-05-01", "2026-04-30"), 0);
  // Agrees with the term rule's boundary: the term is met exactly when served ≥ n.
  for (const char* start : {"2026-01-31", "2026-02-28", "2024-02-29", "2026-08-31"})
    for (int n = 1; n <= 14; ++n) {
      std::string needed_end = add_days(add_months(start, n), -1);
      EXPECT_GE(served_months(start, needed_end), n) << start << " " << n;
      EXPECT_LT(served_months(start, add_days(needed_end, -1)), n) << start << " " << n;
    }
}

TEST(CalendarDate, AgeGoesUpOnTheBirthdayNotBefore) {
  EXPECT_EQ(age_on("1981-07-10", "2026-07-09"), 44);  // the day before: still 44 (D1 max_age 45 holds)
  EXPECT_EQ(age_on("1981-07-10", "2026-07-10"), 45);
  EXPECT_EQ(age_on("1980-07-10", "2026-07-09"), 45);  // days/365 said 46 here
  EXPECT_EQ(age_on("1980-07-10", "2026-07-10"), 46);
  EXPECT_EQ(age_on("2000-02-29", "2026-02-28"), 25);  // 29 February: the birthday is 1 March
  EXPECT_EQ(age_on("2000-02-29", "2026-03-01"), 26);
  EXPECT_EQ(age_on("2000-02-29", "2028-02-29"), 28);
  EXPECT_EQ(age_on("2000-12-31", "2001-12-30"), 0);
  EXPECT_EQ(age_on("2000-12-31", "2000-12-30"), -1);
}

}  // namespace yilian::calendar
