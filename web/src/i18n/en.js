// English interface texts. Field labels default to the server's Chinese labels; the
// ones below translate them (fields.<entity>.<name>, or fields.common.<name>).
export default {
  app: { name: 'Yilian', fullName: 'Yilian · County Medical Alliance', subtitle: 'County medical alliance and support management' },
  lifecycle: {
    reasonPrompt: 'Reason for “{action}”', reason: 'Reason', reasonRequired: 'A reason is required',
    confirm: '{action} this record?', done: '{action}: done',
  },
  common: {
    yes: 'Yes', no: 'No', save: 'Save', cancel: 'Cancel', confirm: 'OK', edit: 'Edit', create: 'New',
    deactivate: 'Deactivate', back: 'Back', refresh: 'Refresh', detail: 'Details', loading: 'Loading…', all: 'All',
    show: 'Show', hide: 'Hide', none: 'None',
    importSheet: 'Import sheet', importProblems: 'Import not done', importNothingWritten: 'The sheet has these problems; nothing was written. Correct it and import again.',
    importRow: 'Row', importField: 'Column', importMessage: 'Problem', imported: 'Imported: {created} new, {updated} updated, {unchanged} unchanged',
  },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password',
    expired: 'Your session has expired, please sign in again', unauthorized: 'Your session is no longer valid, please sign in again',
    loggedOut: 'Signed out',
  },
  header: {
    user: 'User', role: 'Role', scope: 'Scope', language: 'Language', logout: 'Sign out', menu: 'Menu',
    toggleMenu: 'Open menu', allRegions: 'All regions',
  },
  menu: {
    home: 'Home', registry: 'Registry', regions: 'Regions', institutions: 'Institutions',
    myInstitution: 'My institution', departments: 'Departments', villages: 'Villages', staff: 'Staff',
    system: 'System', users: 'Users', audit: 'Audit log', phone: 'Mobile', console: 'Console',
    myInfo: 'My info', phoneHome: 'Home', mine: 'Me',
    support: 'Counterpart support', supportReports: 'Reports & compliance', relationships: 'Support relationships',
    alliances: 'Alliances', assignments: 'Dispatched staff', presenceConfirm: 'Confirm presence', activities: 'Work records',
    evaluations: 'Appraisals', trainees: 'Trainees', equipment: 'Equipment ledger', operatingStats: 'Monthly statistics',
    leadership: 'Leading group', promotionLedger: 'Promotion ledger', feeStatements: 'Fee statements',
    annualSummary: 'Annual summary', compliance: 'Compliance check', policies: 'Policies', fieldCheckin: 'Check in today',
    fieldActivity: 'Log work', fieldRecords: 'My records', fieldCheckinTab: 'Check in', fieldRecordsTab: 'Records',
    presenceConfirmTab: 'Confirm',
    rounds: 'Village rounds', roundsTeams: 'Rounds teams', roundsGrid: 'Village grid', roundsSeniors: 'Senior doctors', roundsNeeds: 'Village needs',
    roundsPlanner: 'Round planner', roundsVisits: 'Visits', roundsWeekly: 'Weekly report', roundsMonthly: 'Monthly view', roundsRecord: 'Record a visit',
  },
  table: { search: 'Search name or code', searchButton: 'Search', actions: 'Actions', empty: 'No data', export: 'Export', exportXlsx: 'Export all filtered records (xlsx)', region: 'Region', filters: 'Filters' },
  form: {
    choose: 'Choose', search: 'Type to search', required: '{label} is required', saved: 'Saved',
    fixErrors: 'Please correct the fields marked below', reload: 'Reload',
    deactivateConfirm: 'Deactivate “{name}”? It will no longer be listed; the audit log keeps its history.',
    deactivated: 'Deactivated',
  },
  hints: {
    regionCode: '6 digits for province, city and county (GB/T 2260); 12 digits for townships and villages',
    institutionRegion: 'Hospitals at county level or above, health centres in a township (12 digits), village clinics in a village',
    idNumber: 'With an ID number, the birth date and sex are checked against it',
    username: "3 to 32 letters, digits or _.{'@'}-",
  },
  noAccess: { title: 'No access, or the record does not exist', page: 'Your account may not open this page', notFound: 'Page not found' },
  dashboard: {
    title: 'Home', region: 'Region', townships: 'Townships', villages: 'Villages', institutions: 'Institutions',
    beds: 'Beds', staff: 'Staff', byKind: 'Institutions by kind', byTitle: 'Staff by title level', count: 'Count',
    noData: 'No data',
    coverage: 'Coverage', details: 'Details', gridCoverage: 'Villages with a team', gridNote: 'Rural villages assigned to a rounds team',
    monthCoverage: 'Villages visited ({month})', monthNote: 'Villages to serve that had a visit this month', supportCoverage: 'Counterpart support (county units)',
    supportNote: 'County-level institutions with a support relationship in force', pickCounty: 'Pick a county or township to see rounds coverage',
    pickRegion: 'Pick a county or higher region', compliance: 'Findings by rule', complianceTotal: '{year}: {total} findings, {errors} non-compliant',
    noFindings: 'No findings', severityError: 'Non-compliant', severityWarning: 'Warning', trend: 'Rounds, last 10 weeks', week: 'Week',
    patients: 'Patients seen', coveredVillages: 'Villages covered',
  },
  registry: {
    regionTree: 'Region tree', children: 'Sub-regions', root: 'Top level', selectRegion: 'Pick a region on the left to see its sub-regions',
    newRegion: 'New region', editRegion: 'Edit region', newInstitution: 'New institution', editInstitution: 'Edit institution',
    newDepartment: 'New department', editDepartment: 'Edit department', newVillage: 'New village', editVillage: 'Edit village',
    newStaff: 'New staff member', editStaff: 'Edit staff member', basicInfo: 'Details', subordinate: 'Subordinate units',
    population: 'Population', level: 'Level',
  },
  users: {
    title: 'Users', newUser: 'New account', editUser: 'Edit account', resetPassword: 'Reset password', unlock: 'Unlock',
    password: 'Initial password', newPassword: 'New password', locked: 'Locked', normal: 'Active', status: 'Status', scope: 'Scope',
    resetPrompt: 'New password for “{name}” (8+ characters, letters and digits)', resetDone: 'Password reset; the user must sign in again',
    unlocked: 'Unlocked', passwordRule: 'At least 8 characters with letters and digits',
  },
  audit: {
    title: 'Audit log', at: 'Time', user: 'User', action: 'Action', entity: 'Object', entityId: 'Record', remote: 'From',
    region: 'Region', from: 'From', to: 'To', field: 'Field', before: 'Before', after: 'After', noChange: 'No field data',
    username: 'Username',
    actions: {
      create: 'Create', update: 'Update', delete: 'Deactivate', login: 'Sign in', login_failed: 'Failed sign-in',
      logout: 'Sign out', password: 'Set password', unlock: 'Unlock',
    },
    entities: { region: 'Region', institution: 'Institution', department: 'Department', village: 'Village', staff: 'Staff', app_user: 'Account' },
  },
  mobile: {
    hello: 'Hello, {name}', tiles: 'Shortcuts', myInfo: 'My info', account: 'Account', staffRecord: 'Staff record',
    changePassword: 'Change password', oldPassword: 'Current password', newPassword: 'New password',
    passwordChanged: 'Password changed, please sign in again', noStaff: 'This account has no staff record',
    online: 'Online', offline: 'Offline', comingSoon: 'Visit records are coming soon', pendingBadge: '{n} to sync',
  },
  roles: {
    admin: 'Administrator', bureau: 'Health bureau', hospital: 'Hospital', township: 'Township health centre',
    doctor: 'Dispatched doctor', village_doctor: 'Village doctor',
  },
  fields: {
    system: { id: 'ID', version: 'Version', active: 'Active', created_at: 'Created', updated_at: 'Updated' },
    common: {
      code: 'Code', name: 'Name', region_code: 'Region', institution_id: 'Institution', latitude: 'Latitude',
      longitude: 'Longitude', phone: 'Phone', active: 'Active', region_name: 'Region', institution_name: 'Institution',
    },
    region: { code: 'Region code', level: 'Level', parent_code: 'Parent code', urban_rural: 'Urban/rural code' },
    institution: {
      kind: 'Kind', level: 'Hospital level', grade: 'Grade', ownership: 'Ownership', beds: 'Beds',
      parent_id: 'Parent institution', address: 'Address',
    },
    department: { code: 'Department code', name: 'Department' },
    village: {
      region_code: 'Village code', name: 'Village', township_name: 'Township', population: 'Population',
      village_doctor_count: 'Village doctors', has_fixed_doctor: 'Resident doctor', is_relocation_site: 'Relocation site',
    },
    staff: {
      department_id: 'Department', department_name: 'Department', sex: 'Sex', birth_date: 'Birth date', id_number: 'ID number',
      phone: 'Mobile', profession: 'Profession', title_code: 'Title', title_level: 'Title level', promotion_year: 'Promotion year',
    },
    app_user: {
      username: 'Username', display_name: 'Full name', role: 'Role', region_code: 'Region', staff_id: 'Staff record',
      scope_region: 'Scope region', locked_until: 'Locked until',
    },
  },
}
