/**
 * Export and import of transfer bundles (docs/transfers.md §3): registers, staging,
 * preview, apply. The file format is electron/core/bundle; merge is electron/core/replication.
 */
export { createTransferHandlers } from './handlers';
export { exportBundle, previewExport } from './export-service';
export { ImportService } from './import-service';
