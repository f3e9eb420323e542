import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { envelopeJson } from '../../../shared/io/envelope';
import { readImport, unrestorableReason } from '../../../shared/io/read-import';
import { sampleProjectEnvelope } from '../../../shared/samples/sample-export';
import { ENTRY_NAME, packEnvelope } from '../../../renderer/backup/files';
import { loadSample } from '../../helpers/sample';

const decode = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);

/**
 * Every file the app writes restores (DATA-14; review of issue 12): the import counts a file's
 * JSON before parsing it (at most 128 MB, 64 MB inflated from a zip under 1 MB, 1,000,000
 * values). A backup past those limits used to be written anyway and then refused on restore.
 */
describe('a backup the import would refuse is never written', () => {
  it('refuses to pack a workspace whose JSON a small zip would inflate past the limit, with a Japanese reason', () => {
    const envelope = sampleProjectEnvelope(loadSample(), '0.1.0', '2027-04-01T00:00:00.000Z');
    // 70 MB of typed text that compresses to almost nothing (as long pasted prose with repeats can).
    const huge = { ...envelope, data: { ...envelope.data, projects: envelope.data.projects.map((p) => ({ ...p, memo: ' '.repeat(70 * 1024 * 1024) })) } };
    // What the app wrote before: a zip under 1 MB that the import refuses.
    const before = zipSync({ [ENTRY_NAME]: new TextEncoder().encode(envelopeJson(huge)) }, { level: 6 });
    expect(before.byteLength).toBeLessThan(1024 * 1024);
    const read = readImport(before, decode);
    expect(read.ok ? 'restored' : read.code).toBe('zip-too-large');
    expect(() => packEnvelope(huge)).toThrow(/データが大きすぎるため保存しませんでした（展開後 70\.\d MB、このファイルの上限 64\.0 MB）/);
  });

  it('names too many items, before anything is written', () => {
    const json = new TextEncoder().encode(`[${'0,'.repeat(1_000_000)}0]`);
    expect(unrestorableReason(json)).toContain('項目の数が上限 1,000,000 個を超えています');
  });

  it('packs an ordinary project file, and that file restores with every value', () => {
    const envelope = sampleProjectEnvelope(loadSample(), '0.1.0', '2027-04-01T00:00:00.000Z');
    const zip = packEnvelope(envelope);
    expect(Object.keys(unzipSync(zip))).toEqual([ENTRY_NAME]);
    const read = readImport(zip, decode);
    expect(read.ok && read.envelope.data).toEqual(envelope.data);
  });
});
