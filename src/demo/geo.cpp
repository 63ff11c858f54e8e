#include "demo/geo.h"

#include <map>

#include "demo/random.h"

namespace yilian::demo {
namespace {

struct City {
  double latitude, longitude;
  const char* area_code;
};

const std::map<std::string, City>& shandong_cities() {
  static const std::map<std::string, City> m = {
      {"370100", {36.651, 117.121, "0531"}}, {"370200", {36.067, 120.383, "0532"}},
      {"370300", {36.813, 118.055, "0533"}}, {"370400", {34.810, 117.323, "0632"}},
      {"370500", {37.434, 118.675, "0546"}}, {"370600", {37.464, 121.448, "0535"}},
      {"370700", {36.707, 119.162, "0536"}}, {"370800", {35.415, 116.587, "0537"}},
      {"370900", {36.200, 117.087, "0538"}}, {"371000", {37.513, 122.121, "0631"}},
      {"371100", {35.417, 119.527, "0633"}}, {"371300", {35.105, 118.356, "0539"}},
      {"371400", {37.436, 116.359, "0534"}}, {"371500", {36.457, 115.985, "0635"}},
      {"371600", {37.382, 117.971, "0543"}}, {"371700", {35.234, 115.481, "0530"}},
  };
  return m;
}

// Provincial capitals, for provinces other than 山东.
const std::map<std::string, GeoPoint>& capitals() {
  static const std::map<std::string, GeoPoint> m = {
      {"11", {39.904, 116.407}}, {"12", {39.125, 117.190}}, {"13", {38.042, 114.514}}, {"14", {37.870, 112.549}},
      {"15", {40.842, 111.749}}, {"21", {41.805, 123.431}}, {"22", {43.817, 125.323}}, {"23", {45.803, 126.535}},
      {"31", {31.230, 121.474}}, {"32", {32.060, 118.797}}, {"33", {30.274, 120.155}}, {"34", {31.821, 117.227}},
      {"35", {26.075, 119.296}}, {"36", {28.683, 115.858}}, {"37", {36.651, 117.121}}, {"41", {34.747, 113.625}},
      {"42", {30.593, 114.305}}, {"43", {28.228, 112.939}}, {"44", {23.129, 113.264}}, {"45", {22.817, 108.366}},
      {"46", {20.044, 110.199}}, {"50", {29.563, 106.551}}, {"51", {30.572, 104.066}}, {"52", {26.647, 106.630}},
      {"53", {25.038, 102.718}}, {"54", {29.652, 91.172}},  {"61", {34.341, 108.940}}, {"62", {36.061, 103.834}},
      {"63", {36.617, 101.778}}, {"64", {38.487, 106.231}}, {"65", {43.826, 87.617}},
  };
  return m;
}

// 莒南县人民政府 (十字路街道): the default county is drawn where it really is.
const std::map<std::string, GeoPoint>& known_counties() {
  static const std::map<std::string, GeoPoint> m = {{"371327", {35.175, 118.835}}};
  return m;
}

}  // namespace

GeoPoint point_near(const GeoPoint& centre, const std::string& code, int radius_km) {
  Random rng(0, "geo:" + code);
  // One degree of latitude is about 111 km; work in micro-degrees so the result is exact.
  int64_t reach = static_cast<int64_t>(radius_km) * 1000000 / 111;
  int64_t dlat = rng.between(-reach, reach), dlon = rng.between(-reach, reach);
  int64_t lat = static_cast<int64_t>(centre.latitude * 1e6 + 0.5) + dlat;
  int64_t lon = static_cast<int64_t>(centre.longitude * 1e6 + 0.5) + dlon * 5 / 4;  // ≈1/cos(36°)
  return {static_cast<double>(lat) / 1e6, static_cast<double>(lon) / 1e6};
}

GeoPoint city_centre(const std::string& city_code) {
  auto it = shandong_cities().find(city_code);
  if (it != shandong_cities().end()) return {it->second.latitude, it->second.longitude};
  auto cap = capitals().find(city_code.substr(0, 2));
  GeoPoint base = cap != capitals().end() ? cap->second : GeoPoint{34.0, 110.0};
  return point_near(base, city_code, 150);
}

GeoPoint county_centre(const std::string& county_code) {
  auto it = known_counties().find(county_code);
  if (it != known_counties().end()) return it->second;
  return point_near(city_centre(county_code.substr(0, 4) + "00"), county_code, 45);
}

std::string telephone_area_code(const std::string& city_code) {
  auto it = shandong_cities().find(city_code);
  return it != shandong_cities().end() ? it->second.area_code : "";
}

}  // namespace yilian::demo
