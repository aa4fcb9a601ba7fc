import { randomUUID } from 'node:crypto';
import type { Access, Channel, foundationContract, SessionInfo, User } from '../../shared/contract';
import type { PathRequest } from '../../shared/contracts/transfer';
import { isSystemRole, rolesAreSeparated, type Role } from '../../shared/roles';
import { createDemoHandlers } from './demo/demo-seed';
import { createIntakeLeadsHandlers } from './intake-leads/handlers';
import { createLedgerPageHandlers } from './intake-leads/ledger-page-handlers';
import { createReferenceHandlers } from './reference/handlers';
import { createSearchHandlers } from './search/handlers';
import { createAttachmentHandlers } from './attachments/handlers';
import { tidyFileStore } from './attachments/blob-store';
import { clearAllStaging } from './transfer/staging';
import { createWorkRecordHandlers } from './work-records/handlers';
import { createOfficesHandlers } from './offices/handlers';
import { createTransferHandlers } from './transfer/handlers';
import { createConflictHandlers } from './replication/handlers';
import { ensureOfficeIdentity, hasOfficeIdentity } from './offices/identity';
import type { HandlersFor, ServiceContext } from './service-context';
import { appendAudit, listAudit, type AuditInput } from './audit/audit-log';
import { HybridLogicalClock } from './clock/hlc';
import type { Db } from './db/open-database';
import { AppError } from './errors';
import { lastHlc, readMeta, writeMeta } from './office-meta';
import { readPreferences, writeLanguage } from './preferences';
import type { ActiveSession } from './session';
import {
  countLiveWithRole,
  findLiveUser,
  findLiveUserByName,
  insertUser,
  listLiveUsers,
  setMustChangePassphrase,
  tombstoneUser,
  updateAutoLock,
  updateUserRoles,
} from './users/user-repo';
import { vaultPresence } from './vault/data-dir';
import {
  createVault,
  readVaultUserNames,
  unlockVault,
  unlockVaultWithRecoveryCode,
  type OpenVault,
  type VaultOptions,
} from './vault/vault';

export interface CoreOptions extends VaultOptions {
  dataDir: string;
  /** The operating system's locale, e.g. "zh-CN"; the default language follows it. */
  osLocale: string;
  /**
   * The host's file dialog (the desktop shell's; none in the test host): a path the
   * user picked, or null when they cancelled.
   */
  choosePath?: (request: PathRequest) => Promise<string | null>;
}

type Handlers = HandlersFor<Channel>;

/**
 * The application core behind the contract: the session (who is signed in, the
 * unlocked vault) and one handler per channel. Transport-neutral: Electron's IPC
 * and the test host's WebSocket both reach it through `createRouter`.
 */
export class MingjingCore {
  private session: ActiveSession | null = null;
  private readonly now: () => number;

  /** Per record type: may the signed-in user see this record? (Sealed leads, for one.) */
  private readonly visibility = new Map<string, (id: string) => boolean>();

  /** What domain handlers use: the session, the database, audited writes. */
  readonly context: ServiceContext;
  readonly handlers: Handlers;

  constructor(readonly options: CoreOptions) {
    this.now = options.now ?? Date.now;
    this.context = {
      options,
      now: () => this.now(),
      session: () => this.requireSession(),
      user: () => this.currentUser(this.requireSession()),
      db: () => this.requireSession().vault.db,
      files: () => this.requireSession().vault.files,
      write: (audit, change) => this.write(this.requireSession(), audit, change),
      registerVisibility: (entityType, visible) => this.visibility.set(entityType, visible),
      canSee: (entityType, entityId) => this.visibility.get(entityType)?.(entityId) ?? true,
    };
    this.handlers = {
      ...this.foundationHandlers,
      ...createReferenceHandlers(this.context),
      ...createIntakeLeadsHandlers(this.context),
      ...createLedgerPageHandlers(this.context),
      ...createSearchHandlers(this.context),
      ...createWorkRecordHandlers(this.context),
      ...createAttachmentHandlers(this.context),
      ...createOfficesHandlers(this.context),
      ...createTransferHandlers(this.context),
      ...createConflictHandlers(this.context),
      ...createDemoHandlers(this, (userId, work) => this.actAs(userId, work)),
    };
  }

  /** Throws unless the caller may use a channel with this access rule. */
  authorize(access: Access, channel: Channel): void {
    if (access === 'public') return;
    const s = this.requireSession();
    const user = this.currentUser(s);
    if (user.mustChangePassphrase && channel !== 'session:changePassphrase') {
      throw new AppError('PASSPHRASE_CHANGE_REQUIRED');
    }
    if (access === 'unlocked') return;
    if (!user.roles.some((r) => access.includes(r))) throw new AppError('ROLE_FORBIDDEN');
  }

  get isUnlocked(): boolean {
    return this.session !== null;
  }

  /** Locks the vault if the user has been idle past their auto-lock time. */
  enforceIdleLock(): boolean {
    const s = this.session;
    if (!s) return false;
    const user = findLiveUser(s.vault.db, s.userId);
    const limitMs = (user?.autoLockMinutes ?? 10) * 60_000;
    if (this.now() - s.lastActivityMs <= limitMs) return false;
    this.lock('idle');
    return true;
  }

  lock(reason: 'manual' | 'idle' | 'shutdown'): void {
    const s = this.session;
    if (!s) return;
    try {
      this.write(
        s,
        { action: 'session.lock', entityType: 'session', entityId: null, details: { reason } },
        () => {},
      );
    } finally {
      s.vault.close();
      this.session = null;
    }
  }

  private readonly foundationHandlers: HandlersFor<keyof typeof foundationContract> = {
    'vault:status': () => {
      const present = vaultPresence(this.options.dataDir) === 'present';
      return {
        state: this.session ? 'unlocked' : present ? 'locked' : 'uninitialized',
        officeName: this.session?.office.name ?? null,
        userNames: present ? readVaultUserNames(this.options.dataDir) : [],
      };
    },

    'vault:setup': async (input) => {
      assertNotTrivial(input.passphrase, input.userName);
      const userId = randomUUID();
      const { vault, recoveryCode } = await createVault(
        this.options.dataDir,
        { userId, userName: input.userName, passphrase: input.passphrase },
        this.options,
      );
      const officeId = randomUUID();
      const session = this.startSession(vault, userId, { id: officeId, name: input.officeName });
      this.write(session, { action: 'vault.create', entityType: 'office', entityId: officeId }, (db, hlc) => {
        writeMeta(db, 'office_id', officeId);
        writeMeta(db, 'office_name', input.officeName);
        writeMeta(db, 'vault_id', vault.vaultId);
        // The office's keys and key card are born with the vault, in the same transaction.
        ensureOfficeIdentity(db, hlc, input.officeName, new Date(this.now()));
      });
      this.write(
        session,
        {
          action: 'user.create',
          entityType: 'user',
          entityId: userId,
          details: { roles: ['security_admin'] },
        },
        (db, hlc) =>
          insertUser(db, {
            id: userId,
            name: input.userName,
            displayName: input.displayName,
            roles: ['security_admin'],
            originOffice: officeId,
            hlc,
          }),
      );
      return { recoveryCode, session: this.sessionInfo(session) };
    },

    'session:unlock': async ({ userName, passphrase }) => {
      this.lock('manual');
      const { vault, userId } = await unlockVault(this.options.dataDir, userName, passphrase, this.options);
      const session = this.openSessionFor(vault, userId);
      this.write(session, { action: 'session.unlock', entityType: 'session', entityId: null }, () => {});
      return this.sessionInfo(session);
    },

    'session:recover': async ({ userName, recoveryCode, newPassphrase }) => {
      this.lock('manual');
      assertNotTrivial(newPassphrase, userName);
      const vault = await unlockVaultWithRecoveryCode(this.options.dataDir, recoveryCode, this.options);
      const user = findLiveUserByName(vault.db, userName);
      if (!user) {
        vault.close();
        throw new AppError('USER_NOT_FOUND');
      }
      await vault.setUserSlot(user.id, user.name, newPassphrase);
      const nextCode = await vault.rotateRecoveryCode();
      const session = this.openSessionFor(vault, user.id);
      this.write(session, { action: 'session.recover', entityType: 'user', entityId: user.id }, (db, hlc) =>
        setMustChangePassphrase(db, user.id, false, hlc),
      );
      return { session: this.sessionInfo(session), recoveryCode: nextCode };
    },

    'session:current': () => {
      if (this.enforceIdleLock() || !this.session) return null;
      return this.sessionInfo(this.session);
    },

    'session:lock': () => {
      this.lock('manual');
      return null;
    },

    // The router has already marked the activity; nothing else to do.
    'session:touch': () => null,

    'session:changePassphrase': async ({ current, next }) => {
      const s = this.requireSession();
      const user = this.currentUser(s);
      if (!(await s.vault.verifyPassphrase(user.id, current))) throw new AppError('VAULT_BAD_CREDENTIALS');
      assertNotTrivial(next, user.name);
      await s.vault.setUserSlot(user.id, user.name, next);
      this.write(s, { action: 'user.passphrase_change', entityType: 'user', entityId: user.id }, (db, hlc) =>
        setMustChangePassphrase(db, user.id, false, hlc),
      );
      return null;
    },

    'prefs:get': () => readPreferences(this.options.dataDir, this.options.osLocale),

    'prefs:setLanguage': ({ language }) => {
      writeLanguage(this.options.dataDir, language);
      return readPreferences(this.options.dataDir, this.options.osLocale);
    },

    'settings:setAutoLock': ({ minutes }) => {
      const s = this.requireSession();
      const before = this.currentUser(s).autoLockMinutes;
      this.write(
        s,
        {
          action: 'user.auto_lock',
          entityType: 'user',
          entityId: s.userId,
          details: { from: before, to: minutes },
        },
        (db, hlc) => updateAutoLock(db, s.userId, minutes, hlc),
      );
      return this.currentUser(s);
    },

    'users:list': () => listLiveUsers(this.requireSession().vault.db),

    'users:create': async (input) => {
      const s = this.requireSession();
      assertSeparated(input.roles);
      // The system administrator opens accounts; only the security administrator grants system roles.
      if (input.roles.some(isSystemRole) && !this.currentUser(s).roles.includes('security_admin')) {
        throw new AppError('ROLE_FORBIDDEN');
      }
      assertNotTrivial(input.passphrase, input.name);
      if (findLiveUserByName(s.vault.db, input.name)) throw new AppError('USER_EXISTS');
      const id = randomUUID();
      // Slot first: if the database write then fails, the orphan slot unlocks no user.
      await s.vault.setUserSlot(id, input.name, input.passphrase);
      try {
        this.write(
          s,
          {
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            details: { name: input.name, roles: input.roles },
          },
          (db, hlc) => {
            insertUser(db, {
              id,
              name: input.name,
              displayName: input.displayName,
              roles: input.roles,
              originOffice: s.office.id,
              hlc,
            });
            // The administrator knows this passphrase; the user replaces it at first sign-in.
            setMustChangePassphrase(db, id, true, hlc);
          },
        );
      } catch (err) {
        s.vault.removeUserSlot(id);
        throw err;
      }
      return findLiveUser(s.vault.db, id)!;
    },

    'users:setRoles': ({ userId, roles }) => {
      const s = this.requireSession();
      assertSeparated(roles);
      const target = findLiveUser(s.vault.db, userId);
      if (!target) throw new AppError('USER_NOT_FOUND');
      this.assertKeepsSecurityAdmin(s.vault.db, target, roles);
      this.write(
        s,
        {
          action: 'user.roles',
          entityType: 'user',
          entityId: userId,
          details: { from: target.roles, to: roles },
        },
        (db, hlc) => updateUserRoles(db, userId, uniqueRoles(roles), hlc),
      );
      return findLiveUser(s.vault.db, userId)!;
    },

    'users:remove': ({ userId }) => {
      const s = this.requireSession();
      if (userId === s.userId) throw new AppError('USER_SELF_REMOVE');
      const target = findLiveUser(s.vault.db, userId);
      if (!target) throw new AppError('USER_NOT_FOUND');
      this.assertKeepsSecurityAdmin(s.vault.db, target, []);
      this.write(
        s,
        { action: 'user.remove', entityType: 'user', entityId: userId, details: { name: target.name } },
        (db, hlc) => tombstoneUser(db, userId, hlc),
      );
      s.vault.removeUserSlot(userId);
      return null;
    },

    'audit:list': (filter) => listAudit(this.requireSession().vault.db, filter),

    'records:history': ({ entityType, entityId }) => {
      const s = this.requireSession();
      const visible = this.visibility.get(entityType);
      if (visible && !visible(entityId)) throw new AppError('RECORD_NOT_FOUND');
      return listAudit(s.vault.db, { limit: 500, entityType, entityId });
    },
  };

  /** Resolves once no work acting as another account (demo data) is running; the router waits for it. */
  async whenIdle(): Promise<void> {
    while (this.exclusive) await this.exclusive;
  }

  private exclusive: Promise<void> | null = null;

  /**
   * Runs `work` as another account of this vault (demo data is written by its demo
   * leader, not by the administrator who asked for it). Only the demo module gets
   * this; calls arriving meanwhile wait (whenIdle), so none of them runs as that account.
   */
  private async actAs<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const s = this.requireSession();
    if (this.exclusive) throw new AppError('INTERNAL');
    const own = s.userId;
    let release = () => {};
    this.exclusive = new Promise((resolve) => (release = resolve));
    s.userId = userId;
    try {
      return await work();
    } finally {
      s.userId = own;
      this.exclusive = null;
      release();
    }
  }

  /** Marks activity for the idle lock; called by the router on every authorised call. */
  touch(): void {
    if (this.session) this.session.lastActivityMs = this.now();
  }

  /** Runs a change and its audit entry in one transaction. */
  private write<T>(
    s: ActiveSession,
    audit: Omit<AuditInput, 'actorId' | 'actorName'>,
    change: (db: Db, hlc: string) => T,
  ): T {
    const db = s.vault.db;
    const actor = findLiveUser(db, s.userId);
    return db.transaction(() => {
      const hlc = s.clock.now();
      const result = change(db, hlc);
      appendAudit(
        db,
        { hlc, wall: new Date(this.now()) },
        {
          actorId: s.userId,
          actorName: actor?.name ?? null,
          ...audit,
        },
      );
      return result;
    })();
  }

  private startSession(
    vault: OpenVault,
    userId: string,
    office: { id: string; name: string },
  ): ActiveSession {
    const clock = new HybridLogicalClock(office.id.slice(0, 8), this.now, lastHlc(vault.db));
    // Nothing can be under way when a session starts: staged uploads and imports, and
    // files no row names (a crash between a file and its commit), go.
    tidyFileStore(vault.db, vault.files);
    clearAllStaging(vault.db, vault.files);
    this.session = { vault, userId, office, clock, lastActivityMs: this.now() };
    return this.session;
  }

  private openSessionFor(vault: OpenVault, userId: string): ActiveSession {
    const user = findLiveUser(vault.db, userId);
    if (!user) {
      vault.close();
      throw new AppError('VAULT_BAD_CREDENTIALS');
    }
    const office = {
      id: readMeta(vault.db, 'office_id') ?? '',
      name: readMeta(vault.db, 'office_name') ?? '',
    };
    const session = this.startSession(vault, userId, office);
    // A vault created before office identities existed gets its keys on first open.
    if (!hasOfficeIdentity(vault.db)) {
      this.write(
        session,
        { action: 'office.identity_create', entityType: 'office', entityId: office.id },
        (db, hlc) => ensureOfficeIdentity(db, hlc, office.name, new Date(this.now())),
      );
    }
    return session;
  }

  private requireSession(): ActiveSession {
    if (this.enforceIdleLock()) throw new AppError('SESSION_IDLE_LOCKED');
    if (!this.session) throw new AppError('SESSION_LOCKED');
    return this.session;
  }

  private currentUser(s: ActiveSession): User {
    const user = findLiveUser(s.vault.db, s.userId);
    if (!user) {
      this.lock('manual');
      throw new AppError('SESSION_LOCKED');
    }
    return user;
  }

  private sessionInfo(s: ActiveSession): SessionInfo {
    return { user: this.currentUser(s), office: s.office };
  }

  private assertKeepsSecurityAdmin(db: Db, target: User, nextRoles: Role[]): void {
    if (target.roles.includes('security_admin') && !nextRoles.includes('security_admin')) {
      if (countLiveWithRole(db, 'security_admin') <= 1) throw new AppError('USER_LAST_SECURITY_ADMIN');
    }
  }
}

function uniqueRoles(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

function assertSeparated(roles: Role[]): void {
  if (!rolesAreSeparated(roles)) throw new AppError('USER_ROLES_MIXED');
}

/** Length is checked by the schema; this refuses a passphrase that is just the user name. */
function assertNotTrivial(passphrase: string, userName: string): void {
  const p = passphrase.toLowerCase();
  if (p.includes(userName.toLowerCase()) || new Set(p).size < 4) throw new AppError('PASSPHRASE_WEAK');
}
