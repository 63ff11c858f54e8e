#include "registry/entities.h"

#include "common/error.h"
#include "codes/codes.h"
#include "person/id_number.h"
#include "common/region_code.h"

namespace yilian::registry {

using common::RegionLevel;
using common::region_level;
using common::parent_region_code;
using person::IdNumberInfo;
using person::check_id_number;
using person::is_valid_phone;
using codes::institution_kinds;
using codes::hospital_levels;
using codes::hospital_grades;
using codes::ownerships;
using codes::titles;
using codes::title_levels;
using codes::professions;
using codes::sexes;
using codes::title_level_of;

namespace {

using api::FieldSpec;
using api::FieldType;
using auth::Role;
using nlohmann::json;

std::string text(const json& row, const char* k) {
  return row.contains(k) && row[k].is_string() ? row[k].get<std::string>() : "";
}

RegionLevel level_in_db(api::Context& ctx, const std::string& code) {
  return region_level(code);  // the code fixes the level; existence is checked by the reference
}

}  // namespace

std::shared_ptr<const api::EntitySpec> region_entity() {
  static auto spec = [] {
    auto s = std::make_shared<api::EntitySpec>();
    s->name = "region";
    s->table = "region";
    s->route = "/api/v1/regions";
    s->label = "行政区划";
    s->tag = "registry";
    s->key = "code";
    s->default_sort = "code";
    s->fields = {
        {.name = "code", .label = "区划代码", .required = true, .immutable = true, .filter = true, .sort = true,
         .search = true, .unique = true, .max_length = 12},
        {.name = "name", .label = "名称", .required = true, .sort = true, .search = true, .max_length = 60},
        {.name = "level", .type = FieldType::integer, .label = "层级", .writable = false, .filter = true,
         .sort = true},
        {.name = "parent_code", .label = "上级区划代码", .filter = true, .max_length = 12},
        {.name = "urban_rural", .label = "城乡分类代码", .max_length = 3},
        {.name = "poverty", .type = FieldType::boolean, .label = "贫困地区(原贫困县、贫困乡镇)", .filter = true},
    };
    s->scope = {.region = "t.code", .personal_sees_region = true};
    s->writers = {Role::admin, Role::bureau};
    s->public_reference = true;  // the published 统计用区划代码
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      std::string code = text(row, "code");
      RegionLevel level = region_level(code);
      if (level == RegionLevel::invalid)
        common::invalid("code", "区划代码无效:省市县为6位GB/T 2260代码,乡镇和村为12位统计用区划代码");
      row["level"] = static_cast<int>(level);
      std::string parent = parent_region_code(code);
      std::string given = text(row, "parent_code");
      if (!given.empty() && given != parent)
        common::invalid("parent_code", "上级区划代码应为" + (parent.empty() ? std::string("空") : parent));
      if (!parent.empty()) {
        auto r = ctx.db.query("SELECT active FROM region WHERE code = ?", {parent});
        if (r.empty()) common::invalid("parent_code", "上级区划" + parent + "不存在,请先建立上级区划");
      }
      row["parent_code"] = parent.empty() ? json(nullptr) : json(parent);
      (void)before;
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const api::EntitySpec> institution_entity() {
  static auto spec = [] {
    auto s = std::make_shared<api::EntitySpec>();
    s->name = "institution";
    s->table = "institution";
    s->route = "/api/v1/institutions";
    s->label = "医疗卫生机构";
    s->tag = "registry";
    s->default_sort = "region_code";
    s->fields = {
        {.name = "code", .label = "机构代码", .required = true, .filter = true, .sort = true, .search = true,
         .unique = true, .max_length = 30},
        {.name = "name", .label = "机构名称", .required = true, .sort = true, .search = true, .max_length = 80},
        {.name = "kind", .label = "机构类别", .required = true, .filter = true, .sort = true, .max_length = 4,
         .choices = institution_kinds()},
        {.name = "level", .label = "医院等级", .filter = true, .max_length = 1, .choices = hospital_levels()},
        {.name = "grade", .label = "医院等次", .filter = true, .max_length = 1, .choices = hospital_grades()},
        {.name = "ownership", .label = "经济类型", .required = true, .filter = true, .max_length = 20,
         .choices = ownerships()},
        {.name = "beds", .type = FieldType::integer, .label = "编制床位", .sort = true, .min = 0, .max = 20000, .unit = "张"},
        {.name = "region_code", .label = "所在区划", .required = true, .filter = true, .sort = true,
         .max_length = 12, .references = "region", .reference_column = "code"},
        {.name = "parent_id", .type = FieldType::integer, .label = "上级(主管)机构", .filter = true,
         .references = "institution"},
        {.name = "address", .label = "地址", .max_length = 120},
        {.name = "phone", .label = "联系电话", .max_length = 20},
        {.name = "latitude", .type = FieldType::real, .label = "纬度", .min = 3, .max = 54, .unit = "度"},
        {.name = "longitude", .type = FieldType::real, .label = "经度", .min = 73, .max = 136, .unit = "度"},
    };
    s->extra_columns = {{"(SELECT r.name FROM region r WHERE r.code = t.region_code)", "region_name"}};
    s->scope = {.region = "t.region_code", .institution = "t.id", .kind = "t.kind", .personal_sees_institution = true};
    s->writers = {Role::admin, Role::bureau};
    // Health institutions are public bodies: any writer may name one (the recipient of a
    // relationship, a trainee's host); which one is allowed is the referring module's rule.
    s->public_reference = true;
    s->prepare = [](api::Context& ctx, json& row, const json*) {
      std::string kind = text(row, "kind");
      RegionLevel level = level_in_db(ctx, text(row, "region_code"));
      if (kind == codes::kVillageClinicKind && level != RegionLevel::village)
        common::invalid("region_code", "村卫生室须位于行政村(12位村级区划代码)");
      if ((kind == "C210" || kind == "C220" || kind == "C100") && level != RegionLevel::township)
        common::invalid("region_code", "乡镇卫生院须位于乡镇(12位乡级区划代码)");
      if (kind[0] == 'A' && level > RegionLevel::township)
        common::invalid("region_code", "医院不能设在村级区划");
      std::string phone = text(row, "phone");
      if (!phone.empty() && !is_valid_phone(phone)) common::invalid("phone", "联系电话格式无效");
      if (row.contains("id") && row["parent_id"].is_number_integer() && row["parent_id"] == row["id"])
        common::invalid("parent_id", "上级机构不能是自身");
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const api::EntitySpec> department_entity() {
  static auto spec = [] {
    auto s = std::make_shared<api::EntitySpec>();
    s->name = "department";
    s->table = "department";
    s->route = "/api/v1/departments";
    s->label = "科室";
    s->tag = "registry";
    s->default_sort = "institution_id";
    s->fields = {
        {.name = "institution_id", .type = FieldType::integer, .label = "所属机构", .required = true,
         .immutable = true, .filter = true, .sort = true, .references = "institution"},
        {.name = "code", .label = "科室代码", .filter = true, .max_length = 10},
        {.name = "name", .label = "科室名称", .required = true, .sort = true, .search = true, .max_length = 40},
    };
    s->joins = "JOIN institution i ON i.id = t.institution_id";
    s->extra_columns = {{"i.name", "institution_name"}};
    s->scope = {.region = "i.region_code", .institution = "t.institution_id", .kind = "i.kind",
                .personal_sees_institution = true};
    s->writers = {Role::admin, Role::bureau, Role::hospital, Role::township};
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      auto r = ctx.db.query("SELECT id FROM department WHERE institution_id = ? AND name = ? AND id <> ?",
                            {row["institution_id"].get<int64_t>(), text(row, "name"),
                             before ? (*before)["id"].get<int64_t>() : 0});
      if (!r.empty()) common::conflict("duplicate", "该机构已有同名科室", "name");
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const api::EntitySpec> village_entity() {
  static auto spec = [] {
    auto s = std::make_shared<api::EntitySpec>();
    s->name = "village";
    s->table = "village";
    s->route = "/api/v1/villages";
    s->label = "行政村";
    s->tag = "registry";
    s->default_sort = "region_code";
    s->fields = {
        {.name = "region_code", .label = "村级区划代码", .required = true, .immutable = true, .filter = true,
         .sort = true, .search = true, .unique = true, .max_length = 12, .references = "region",
         .reference_column = "code"},
        {.name = "population", .type = FieldType::integer, .label = "常住人口", .sort = true, .min = 0,
         .max = 200000, .unit = "人"},
        {.name = "village_doctor_count", .type = FieldType::integer, .label = "村医人数", .sort = true, .min = 0,
         .max = 200, .unit = "人"},
        {.name = "has_fixed_doctor", .type = FieldType::boolean, .label = "有固定村医", .filter = true},
        {.name = "is_relocation_site", .type = FieldType::boolean, .label = "搬迁安置点", .filter = true},
        {.name = "latitude", .type = FieldType::real, .label = "纬度", .min = 3, .max = 54, .unit = "度"},
        {.name = "longitude", .type = FieldType::real, .label = "经度", .min = 73, .max = 136, .unit = "度"},
    };
    s->joins = "JOIN region r ON r.code = t.region_code";
    s->extra_columns = {{"r.name", "name"},
                        {"(SELECT p.name FROM region p WHERE p.code = r.parent_code)", "township_name"}};
    s->scope = {.region = "t.region_code", .personal_sees_region = true};
    s->writers = {Role::admin, Role::bureau, Role::township};
    s->prepare = [](api::Context&, json& row, const json*) {
      if (region_level(text(row, "region_code")) != RegionLevel::village)
        common::invalid("region_code", "须为村级(12位)区划代码");
      if (!row.contains("has_fixed_doctor") || row["has_fixed_doctor"].is_null()) row["has_fixed_doctor"] = true;
      if (!row.contains("is_relocation_site") || row["is_relocation_site"].is_null()) row["is_relocation_site"] = false;
      if (!row.contains("population") || row["population"].is_null()) row["population"] = 0;
      if (!row.contains("village_doctor_count") || row["village_doctor_count"].is_null()) row["village_doctor_count"] = 0;
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const api::EntitySpec> staff_entity() {
  static auto spec = [] {
    auto s = std::make_shared<api::EntitySpec>();
    s->name = "staff";
    s->table = "staff";
    s->route = "/api/v1/staff";
    s->label = "医务人员";
    s->tag = "registry";
    // Creation order lets a page stop after page_size rows instead of sorting the region.
    s->default_sort = "id";
    s->fields = {
        {.name = "institution_id", .type = FieldType::integer, .label = "所属机构", .required = true, .filter = true,
         .sort = true, .references = "institution"},
        {.name = "department_id", .type = FieldType::integer, .label = "科室", .filter = true,
         .references = "department"},
        {.name = "name", .label = "姓名", .required = true, .sort = true, .search = true, .max_length = 30},
        {.name = "sex", .label = "性别", .filter = true, .max_length = 1, .choices = sexes()},
        {.name = "birth_date", .type = FieldType::date, .label = "出生日期", .mask = api::Mask::birth_date},
        {.name = "id_number", .label = "身份证号", .unique = true, .mask = api::Mask::id_number, .max_length = 18},
        {.name = "phone", .label = "手机号", .mask = api::Mask::phone, .max_length = 20},
        {.name = "profession", .label = "专业类别", .required = true, .filter = true, .max_length = 20,
         .choices = professions()},
        {.name = "title_code", .label = "职称", .filter = true, .sort = true, .max_length = 3, .choices = titles()},
        {.name = "title_level", .label = "职称级别", .writable = false, .filter = true, .max_length = 20,
         .choices = title_levels()},
        {.name = "promotion_year", .type = FieldType::integer, .label = "拟申报晋升年度", .filter = true,
         .min = 2000, .max = 2100, .unit = "年"},
    };
    s->joins = "JOIN institution i ON i.id = t.institution_id";
    s->display_joins = "LEFT JOIN department d ON d.id = t.department_id";
    s->extra_columns = {{"i.name", "institution_name"}, {"d.name", "department_name"}};
    s->scope = {.region = "i.region_code", .institution = "t.institution_id", .kind = "i.kind", .staff = "t.id"};
    s->writers = {Role::admin, Role::bureau, Role::hospital, Role::township};
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      std::string id = text(row, "id_number");
      std::string birth = text(row, "birth_date");
      std::string sex = text(row, "sex");
      // On the merged record, for every write path: a birth date or sex written now must
      // agree with the ID number; a new ID number fills in whichever of them was not
      // written. (Unchanged values are not re-judged, so an old record whose fields
      // disagree can still have its other fields edited.)
      for (auto& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      bool id_changed = !before || text(*before, "id_number") != id;
      bool birth_written = !before || text(*before, "birth_date") != birth;
      bool sex_written = !before || text(*before, "sex") != sex;
      if (!id.empty()) {
        row["id_number"] = id;
        IdNumberInfo info = check_id_number(id);
        if (!info.valid && id_changed) common::invalid("id_number", info.problem);
        if (info.valid) {
          if (birth_written && !birth.empty() && birth != info.birth_date)
            common::invalid("birth_date", "出生日期与身份证号不符(身份证为" + info.birth_date + ")");
          if (sex_written && !sex.empty() && sex != info.sex)
            common::invalid("sex", std::string("性别与身份证号不符(身份证为") + (info.sex == "1" ? "男" : "女") + ")");
          if (id_changed || birth.empty()) row["birth_date"] = info.birth_date;
          if (id_changed || sex.empty()) row["sex"] = info.sex;
        }
      }
      if (text(row, "birth_date").empty()) common::invalid("birth_date", "出生日期不能为空(或填写身份证号)");
      if (text(row, "sex").empty()) common::invalid("sex", "性别不能为空(或填写身份证号)");
      std::string phone = text(row, "phone");
      if (!phone.empty() && !is_valid_phone(phone) && (!before || phone != text(*before, "phone")))
        common::invalid("phone", "手机号格式无效");
      std::string title = text(row, "title_code");
      std::string profession = text(row, "profession");
      if (!title.empty()) {
        char series = title[1];
        bool ok = (profession == "clinical" || profession == "village_doctor" || profession == "public_health")
                      ? series == '3'
                  : profession == "pharmacy"   ? series == '4'
                  : profession == "nursing"    ? series == '5'
                  : profession == "technician" ? series == '6'
                                               : true;
        if (!ok) common::invalid("title_code", "职称系列与专业类别不符");
      }
      row["title_level"] = title_level_of(title);
      if (row["department_id"].is_number_integer()) {
        auto r = ctx.db.query("SELECT institution_id FROM department WHERE id = ?", {row["department_id"].get<int64_t>()});
        if (r.empty() || r.scalar().as_int() != row["institution_id"].get<int64_t>())
          common::invalid("department_id", "科室不属于所选机构");
      }
    };
    return s;
  }();
  return spec;
}

}  // namespace yilian::registry
