import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract, User } from '../../shared/contract';
import type { AuditInput } from './audit/audit-log';
import type { Db } from './db/open-database';
import type { BlobFiles } from './vault/blob-files';
import type { CoreOptions } from './mingjing-core';
import type { ActiveSession } from './session';

/**
 * What a domain's handlers get from the core: the signed-in session, the database,
 * and `write`, which runs a change and its audit entry in one transaction. Domain
 * modules (electron/core/<domain>/handlers.ts) build their handlers from this.
 */
export interface ServiceContext {
  readonly options: CoreOptions;
  now(): number;
  /** The active session; throws SESSION_LOCKED (or SESSION_IDLE_LOCKED) when there is none. */
  session(): ActiveSession;
  /** The signed-in user, fresh from the database. */
  user(): User;
  db(): Db;
  /** The vault's encrypted file store (attachment contents, import staging). */
  files(): BlobFiles;
  /** Runs `change` and appends its audit entry in one transaction; returns what `change` returns. */
  write<T>(audit: Omit<AuditInput, 'actorId' | 'actorName'>, change: (db: Db, hlc: string) => T): T;
  /**
   * Declares who may see records of one type (checked by `records:history` and any
   * generic reader). Without one, every role allowed on the channel sees the record.
   */
  registerVisibility(entityType: string, visible: (entityId: string) => boolean): void;
  /** Asks the visibility registered for this type (true when none is registered). */
  canSee(entityType: string, entityId: string): boolean;
}

export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** Handlers for a subset of channels (one domain's). */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> };
