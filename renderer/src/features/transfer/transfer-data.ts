import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { call } from '../../api/client';
import { i18n } from '../../i18n/i18n';

/** Query keys of the transfer screens, under one root (dropped on lock: PROTECTED_QUERY_KEYS). */
export const transferKeys = {
  root: ['transfer'] as const,
  registers: ['transfer', 'registers'] as const,
};

export const REGISTER_LIMIT = 200;

export function useRegisters() {
  return useQuery({
    queryKey: transferKeys.registers,
    queryFn: () => call('transfer:registers', { limit: REGISTER_LIMIT }),
    staleTime: 0,
  });
}

/**
 * The Chinese (or zh-TW / English) name of a bundle record type ("lead" → 问题线索).
 * A type this version has no name for is shown as it is in the bundle.
 */
export function recordTypeName(t: TFunction, type: string): string {
  const key = `transfer.types.${type}`;
  // Checked first: a missing key is reported as an error (the end-to-end tests fail on it).
  return i18n.exists(key) ? t(key) : type;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A byte count for people: 1 decimal above a kilobyte (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${UNITS[0]}` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** The file name of a path, whichever separator the system uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
