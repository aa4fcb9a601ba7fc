/**
 * Identifiers (not user-visible text) used in the reference screens' JSX: catalog
 * branches of enum labels, record types for history, form field names, test ids.
 */
export const BRANCH = {
  unitTypes: 'reference.unitTypes',
  levels: 'reference.levels',
  genders: 'reference.genders',
  backgrounds: 'reference.backgrounds',
  availability: 'reference.availability',
  relationTypes: 'reference.relationTypes',
  phases: 'reference.phases',
  groupRoles: 'reference.groupRoles',
} as const;

export const ENTITY = { unit: 'unit', person: 'person', inspector: 'inspector', kase: 'case' } as const;

export const GENDERS = ['male', 'female'] as const;

export const NEW = 'new' as const;

export const CHECKED = 'checked';

export const SEARCH_BY_LABEL = { optionFilterProp: 'label' } as const;

export const TREE_FIELDS = { label: 'title', value: 'key' } as const;

export const FIELD = {
  fromDate: 'fromDate',
  startDate: 'startDate',
  plannedStart: 'plannedStart',
  actualStart: 'actualStart',
  plannedEnd: 'plannedEnd',
  actualEnd: 'actualEnd',
  relatedUnitId: 'relatedUnitId',
  inspectorId: 'inspectorId',
  groupRole: 'groupRole',
} as const;

const submitId = (form: string) => ({ 'data-testid': `${form}-form-submit` });

/** Test ids of modal OK buttons (set through okButtonProps). */
export const SUBMIT = {
  unit: submitId('unit'),
  person: submitId('person'),
  inspector: submitId('inspector'),
  round: submitId('round'),
  kase: submitId('case'),
} as const;

export const RULE_KEYS = {
  deadlines: 'deadlines',
  warnings: 'warnings',
  calendar: 'calendar',
  disciplines: 'disciplines',
  leadTags: 'leadTags',
  recusal: 'recusal',
} as const;
