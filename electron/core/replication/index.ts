/**
 * Replication (docs/transfers.md §2): the replication state of every record, capture
 * of local changes, export of record envelopes, the deterministic convergent merge and
 * the conflicts a person resolves. electron/core/transfer calls this surface.
 */
export type { RecordEnvelope } from './envelope';
export { parseEnvelope, ENVELOPE_VERSION } from './envelope';
export { captureLocalChanges } from './capture';
export type { ExportQuery } from './export-scope';
export type { ExportPlan } from './export-records';
export { planExport, exportRecords } from './export-records';
export type { MergePreview } from './merge';
export { previewMerge, applyMerge, bundleKey } from './merge';
export { RECORD_TYPES, TYPE_BY_NAME } from './record-types';
