// Which fields each registry page shows, and how. Labels, types, required flags and
// choice lists come from the server (useEntityMeta); only presentation is here.
const atVillage = { level: 5 }
export const REGION_LEVELS = [
  { value: 1, label: '省' },
  { value: 2, label: '市' },
  { value: 3, label: '县(区)' },
  { value: 4, label: '乡镇(街道)' },
  { value: 5, label: '村(社区)' },
]

export const regionDefs = {
  columns: [
    { name: 'code', sortable: true, width: 150 },
    { name: 'name', sortable: true, minWidth: 160 },
    { name: 'level', sortable: true, width: 110, choices: REGION_LEVELS },
    { name: 'urban_rural', width: 130, phone: false },
  ],
  form: [
    { name: 'code', immutable: true, hintKey: 'hints.regionCode' },
    { name: 'name' },
    { name: 'parent_code', disabled: true },
    { name: 'urban_rural' },
  ],
}

export const institutionDefs = {
  columns: [
    { name: 'code', sortable: true, width: 150, phone: false },
    { name: 'name', sortable: true, minWidth: 200 },
    { name: 'kind', sortable: true, width: 150 },
    { name: 'level', width: 90, phone: false },
    { name: 'grade', width: 90, phone: false },
    { name: 'ownership', width: 90, phone: false },
    { name: 'beds', sortable: true, width: 110 },
    { name: 'region_name', minWidth: 140, phone: false },
  ],
  form: [
    { name: 'code' },
    { name: 'name' },
    { name: 'kind' },
    { name: 'ownership' },
    { name: 'level' },
    { name: 'grade' },
    { name: 'region_code', widget: 'region', hintKey: 'hints.institutionRegion' },
    { name: 'beds' },
    { name: 'parent_id', widget: 'ref', ref: 'institution' },
    { name: 'phone' },
    { name: 'address', full: true },
    { name: 'latitude', step: 0.0001 },
    { name: 'longitude', step: 0.0001 },
  ],
  filters: [{ name: 'kind' }, { name: 'level' }, { name: 'ownership' }, { name: 'region', widget: 'region', queryName: 'region', labelKey: 'table.region' }],
}

export const departmentDefs = {
  columns: [
    { name: 'institution_name', minWidth: 200 },
    { name: 'code', width: 120 },
    { name: 'name', sortable: true, minWidth: 160 },
  ],
  form: [{ name: 'institution_id', widget: 'ref', ref: 'institution', immutable: true }, { name: 'code' }, { name: 'name' }],
  filters: [{ name: 'institution_id', widget: 'ref', ref: 'institution' }],
}

export const villageDefs = {
  columns: [
    { name: 'name', minWidth: 140 },
    { name: 'township_name', minWidth: 140, phone: false },
    { name: 'region_code', sortable: true, width: 150, phone: false },
    { name: 'population', sortable: true, width: 120 },
    { name: 'village_doctor_count', sortable: true, width: 110 },
    { name: 'has_fixed_doctor', type: 'boolean', width: 110 },
    { name: 'is_relocation_site', type: 'boolean', width: 110 },
  ],
  form: [
    { name: 'region_code', widget: 'region', refQuery: atVillage, immutable: true },
    { name: 'population' },
    { name: 'village_doctor_count' },
    { name: 'has_fixed_doctor' },
    { name: 'is_relocation_site' },
    { name: 'latitude', step: 0.0001 },
    { name: 'longitude', step: 0.0001 },
  ],
  filters: [
    { name: 'has_fixed_doctor', widget: 'switch' },
    { name: 'is_relocation_site', widget: 'switch' },
    { name: 'region', widget: 'region', queryName: 'region', labelKey: 'table.region' },
  ],
}

export const staffDefs = {
  columns: [
    { name: 'name', sortable: true, width: 100 },
    { name: 'sex', width: 70 },
    // The birth date is masked in lists with the ID number (the hidden digits are the
    // birth date); it shows in the full record only, so it has no list column.
    { name: 'id_number', width: 190 },
    { name: 'phone', width: 130, phone: false },
    { name: 'institution_name', minWidth: 180 },
    { name: 'department_name', width: 120, phone: false },
    { name: 'profession', width: 100, phone: false },
    { name: 'title_code', sortable: true, width: 120 },
    { name: 'title_level', width: 100, phone: false },
  ],
  form: [
    { name: 'institution_id', widget: 'ref', ref: 'institution' },
    { name: 'department_id', widget: 'ref', ref: 'department', refQuery: (m) => ({ institution_id: m.institution_id || undefined }) },
    { name: 'name' },
    { name: 'id_number', hintKey: 'hints.idNumber' },
    { name: 'sex' },
    { name: 'birth_date' },
    { name: 'phone' },
    { name: 'profession' },
    { name: 'title_code' },
    { name: 'promotion_year' },
  ],
  filters: [
    { name: 'institution_id', widget: 'ref', ref: 'institution' },
    { name: 'profession' },
    { name: 'title_level' },
    { name: 'sex' },
  ],
}
