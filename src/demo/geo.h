// Synthetic but plausible coordinates and telephone area codes. The CSVs carry no
// geography, so points are scattered deterministically around known city centres;
// they depend on the region code only, so every seed draws the same map.
#pragma once
#include <string>

namespace yilian::demo {

struct GeoPoint {
  double latitude = 0;
  double longitude = 0;
};

// Centre of a city: the real one for 山东's sixteen cities, otherwise a point near the
// provincial capital.
GeoPoint city_centre(const std::string& city_code);
// Centre of a county: the real one for the default county, otherwise near its city.
GeoPoint county_centre(const std::string& county_code);
// A point within `radius_km` (roughly) of `centre`, fixed by `code`.
GeoPoint point_near(const GeoPoint& centre, const std::string& code, int radius_km);

// Long-distance area code of a city ("0539"), or "" when not known.
std::string telephone_area_code(const std::string& city_code);

}  // namespace yilian::demo
