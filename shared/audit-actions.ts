/**
 * Every action the audit log records. The core writes only these; each has a
 * translation under `audit.actions.<name>` in every catalog (a test checks).
 */
const FOUNDATION = [
  'vault.create',
  'user.create',
  'user.roles',
  'user.remove',
  'user.auto_lock',
  'user.passphrase_change',
  'session.unlock',
  'session.lock',
  'session.recover',
] as const;

// One list per domain, so parallel work on two domains never edits the same lines.
const REFERENCE = [
  'unit.create',
  'unit.update',
  'unit.remove',
  'person.create',
  'person.update',
  'person.remove',
  'person.post_add',
  'person.post_remove',
  'inspector.create',
  'inspector.update',
  'inspector.remove',
  'inspector.relation_add',
  'inspector.relation_remove',
  'inspector.appraisal',
  'round.create',
  'round.update',
  'case.create',
  'case.update',
  'case.member_add',
  'case.member_override',
  'case.member_remove',
  'case.member_link',
  'office_rules.update',
] as const;
const INTAKE_LEADS = [
  'intake.create',
  'intake.update',
  'intake.reply',
  'lead.create',
  'lead.transition',
  'ledger.export',
  'intake.edit',
  'intake.remove',
  'lead.update',
  'lead.seal',
  'lead.remove',
] as const;
const SEARCH = [] as const;
const DEMO = ['demo.seed'] as const;
const WORK_RECORDS = [
  'work_record.create',
  'work_record.update',
  'work_record.remove',
  'work_record.link',
  'work_record.unlink',
] as const;
const ATTACHMENTS = [
  'attachment.add',
  'attachment.remove',
  'attachment.preview',
  'attachment.export',
] as const;

const OFFICES = [
  'office.identity_create',
  'office.keys_rotate',
  'office.card_export',
  'office.trust',
  'office.rotation_accept',
  'office.revoke',
] as const;

const CONFLICTS = ['conflict.resolve'] as const;

const TRANSFER = [
  'bundle.export',
  'bundle.import_open',
  'bundle.import',
  'bundle.import_refused',
  'bundle.import_discard',
] as const;

export const AUDIT_ACTIONS = [
  ...FOUNDATION,
  ...REFERENCE,
  ...INTAKE_LEADS,
  ...SEARCH,
  ...DEMO,
  ...WORK_RECORDS,
  ...ATTACHMENTS,
  ...TRANSFER,
  ...OFFICES,
  ...CONFLICTS,
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
