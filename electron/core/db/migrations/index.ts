import { migration0001 } from './0001-core-records-and-audit';
import { migration0002 } from './0002-user-settings';
import { migration0003 } from './0003-reference-and-cases';
import { migration0004 } from './0004-search-index';
import { migration0005 } from './0005-intake-leads-records';
import { migration0006 } from './0006-work-records-attachments';
import { migration0007 } from './0007-office-identity-trust';
import { migration0008 } from './0008-replication-state';
import { migration0009 } from './0009-transfer-registers';
import { migration0010 } from './0010-encrypted-file-store';
import type { Migration } from './migration';

/** Every shipped migration, in order. Never edit one that has shipped: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];
