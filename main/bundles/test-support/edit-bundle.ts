import { createHash } from 'node:crypto';
import { MANIFEST_PATH } from '../../../shared/bundles';
import { packArchive, unpackArchive } from '../archive';

/** Changes one member and re-signs the manifest, as someone editing a bundle by hand would. */
export async function editBundleMember(
  archive: Buffer,
  path: string,
  change: (text: string) => string,
): Promise<Buffer> {
  const files = await unpackArchive(archive);
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`the bundle has no ${path}`);
  file.bytes = Buffer.from(change(file.bytes.toString('utf8')));
  const manifestFile = files.find((f) => f.path === MANIFEST_PATH)!;
  const manifest = JSON.parse(manifestFile.bytes.toString('utf8'));
  const member = manifest.members.find((m: { path: string }) => m.path === path);
  member.sha256 = createHash('sha256').update(file.bytes).digest('hex');
  member.bytes = file.bytes.length;
  manifestFile.bytes = Buffer.from(JSON.stringify(manifest));
  return packArchive(files, new Date());
}

/** The recorded read-back of a switch's first operation, with its voice VLAN changed to 30. */
export function editVoiceVlanReadBack(text: string): string {
  const record = JSON.parse(text);
  record.operations[0].result.actualConfig = record.operations[0].result.actualConfig.map(
    (line: string) => line.replace('switchport voice vlan 20', 'switchport voice vlan 30'),
  );
  return JSON.stringify(record);
}
