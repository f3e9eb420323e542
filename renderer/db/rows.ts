/** Stored row shapes live in shared/io/records.ts: the export format validates the same records. */
export * from '../../shared/io/records';
