import type { Role } from '../../../shared/roles';
import type { User } from '../../../shared/contract';
import type { Db } from '../db/open-database';

interface UserRow {
  id: string;
  name: string;
  display_name: string;
  roles: string;
  auto_lock_minutes: number;
  must_change_passphrase: number;
  created_hlc: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  displayName: r.display_name,
  roles: JSON.parse(r.roles) as Role[],
  autoLockMinutes: r.auto_lock_minutes,
  mustChangePassphrase: r.must_change_passphrase === 1,
  createdAt: new Date(Number(r.created_hlc.slice(0, 15))).toISOString(),
});

export function findLiveUser(db: Db, id: string): User | null {
  const row = db.prepare('SELECT * FROM users WHERE id = ? AND deleted_hlc IS NULL').get(id) as
    UserRow | undefined;
  return row ? toUser(row) : null;
}

export function findLiveUserByName(db: Db, name: string): User | null {
  const row = db.prepare('SELECT * FROM users WHERE name = ? AND deleted_hlc IS NULL').get(name) as
    UserRow | undefined;
  return row ? toUser(row) : null;
}

export function listLiveUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users WHERE deleted_hlc IS NULL ORDER BY name').all() as UserRow[]).map(
    toUser,
  );
}

export function insertUser(
  db: Db,
  u: { id: string; name: string; displayName: string; roles: Role[]; originOffice: string; hlc: string },
): void {
  db.prepare(
    `INSERT INTO users (id, origin_office, created_hlc, updated_hlc, name, display_name, roles)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(u.id, u.originOffice, u.hlc, u.hlc, u.name, u.displayName, JSON.stringify(u.roles));
}

export function updateUserRoles(db: Db, id: string, roles: Role[], hlc: string): void {
  db.prepare('UPDATE users SET roles = ?, updated_hlc = ? WHERE id = ?').run(JSON.stringify(roles), hlc, id);
}

export function updateAutoLock(db: Db, id: string, minutes: number, hlc: string): void {
  db.prepare('UPDATE users SET auto_lock_minutes = ?, updated_hlc = ? WHERE id = ?').run(minutes, hlc, id);
}

export function setMustChangePassphrase(db: Db, id: string, value: boolean, hlc: string): void {
  db.prepare('UPDATE users SET must_change_passphrase = ?, updated_hlc = ? WHERE id = ?').run(
    value ? 1 : 0,
    hlc,
    id,
  );
}

export function tombstoneUser(db: Db, id: string, hlc: string): void {
  db.prepare('UPDATE users SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?').run(hlc, hlc, id);
}

export function countLiveWithRole(db: Db, role: Role): number {
  return listLiveUsers(db).filter((u) => u.roles.includes(role)).length;
}
