#include "demo/names.h"

#include <vector>

namespace yilian::demo {
namespace {

struct Surname {
  const char* text;
  int weight;  // share in the population, per 10,000 (2020 household-register statistics, rounded)
};

const std::vector<Surname>& surnames() {
  static const std::vector<Surname> s = {
      {"王", 712}, {"李", 710}, {"张", 684}, {"刘", 538}, {"陈", 453}, {"杨", 308}, {"黄", 231}, {"赵", 229},
      {"吴", 200}, {"周", 192}, {"徐", 167}, {"孙", 154}, {"马", 152}, {"朱", 142}, {"胡", 133}, {"郭", 131},
      {"何", 121}, {"林", 118}, {"高", 117}, {"罗", 116}, {"郑", 106}, {"梁", 101}, {"谢", 91},  {"宋", 88},
      {"唐", 84},  {"许", 81},  {"韩", 80},  {"冯", 77},  {"邓", 76},  {"曹", 75},  {"彭", 72},  {"曾", 69},
      {"肖", 66},  {"田", 65},  {"董", 63},  {"袁", 63},  {"潘", 62},  {"于", 60},  {"蒋", 59},  {"蔡", 58},
      {"余", 56},  {"杜", 56},  {"叶", 55},  {"程", 54},  {"苏", 53},  {"魏", 52},  {"吕", 51},  {"丁", 50},
      {"任", 50},  {"沈", 49},  {"姚", 47},  {"卢", 47},  {"姜", 46},  {"崔", 45},  {"钟", 44},  {"谭", 43},
      {"陆", 42},  {"汪", 41},  {"范", 40},  {"金", 39},  {"石", 38},  {"廖", 37},  {"贾", 37},  {"夏", 36},
      {"韦", 35},  {"付", 35},  {"方", 34},  {"白", 33},  {"邹", 33},  {"孟", 32},  {"熊", 32},  {"秦", 31},
      {"邱", 31},  {"江", 30},  {"尹", 30},  {"薛", 29},  {"闫", 29},  {"段", 28},  {"雷", 28},  {"侯", 27},
      {"龙", 27},  {"史", 26},  {"陶", 25},  {"黎", 25},  {"贺", 25},  {"顾", 24},  {"毛", 24},  {"郝", 23},
      {"龚", 23},  {"邵", 22},  {"万", 22},  {"钱", 21},  {"严", 21},  {"武", 20},  {"戴", 20},  {"孔", 19},
      {"向", 18},  {"汤", 18},  {"常", 18},  {"温", 18},  {"牛", 17},  {"葛", 17},  {"庄", 17},  {"颜", 14},
      {"臧", 10},  {"鞠", 6},   {"隋", 6},   {"宫", 5},   {"逄", 3},   {"欧阳", 4}, {"诸葛", 1}, {"司马", 1},
  };
  return s;
}

const std::vector<int>& surname_weights() {
  static const std::vector<int> w = [] {
    std::vector<int> out;
    for (const auto& s : surnames()) out.push_back(s.weight);
    return out;
  }();
  return w;
}

const std::vector<const char*>& male_characters() {
  static const std::vector<const char*> c = {
      "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫",
      "波", "宁", "凯", "建", "国", "庆", "峰", "海", "亮", "林", "东", "文", "志", "俊", "健", "晨", "浩",
      "宇", "博", "帅", "洋", "龙", "阳", "森", "旭", "振", "立", "新", "成", "中", "家", "德", "兴", "福",
      "永", "春", "生", "广", "忠", "瑞", "松", "良", "荣", "贵", "祥", "昊", "泽", "然", "睿", "航", "哲",
  };
  return c;
}

const std::vector<const char*>& female_characters() {
  static const std::vector<const char*> c = {
      "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "燕", "玲", "丹", "萍", "红", "婷", "雪", "琳",
      "洁", "梅", "莉", "慧", "颖", "倩", "晶", "欣", "悦", "琪", "璐", "佳", "露", "月", "兰", "凤", "英",
      "翠", "美", "云", "桂", "荣", "蕾", "楠", "薇", "雯", "瑶", "怡", "婧", "妍", "晓", "春", "琴", "华",
  };
  return c;
}

// Characters used in names of either sex, common as the first of two.
const std::vector<const char*>& shared_characters() {
  static const std::vector<const char*> c = {"晓", "文", "海", "春", "红", "小", "立", "建", "子", "思",
                                             "雨", "金", "玉", "清", "安", "嘉", "梓", "一", "若", "心"};
  return c;
}

const char* pick(Random& rng, const std::vector<const char*>& pool) { return pool[rng.below(pool.size())]; }

}  // namespace

std::string chinese_name(Random& rng, const std::string& sex) {
  const auto& own = sex == "1" ? male_characters() : female_characters();
  std::string name = surnames()[rng.weighted(surname_weights())].text;
  // About a quarter of people have a one-character given name.
  if (rng.chance(250)) return name + pick(rng, own);
  name += rng.chance(300) ? pick(rng, shared_characters()) : pick(rng, own);
  std::string second;
  do second = pick(rng, own);
  while (name.size() >= second.size() && name.compare(name.size() - second.size(), second.size(), second) == 0);
  return name + second;
}

}  // namespace yilian::demo
