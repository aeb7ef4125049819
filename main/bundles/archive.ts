import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import yazl from 'yazl';
import { BUNDLE_ERRORS } from '../../shared/bundles';
import { CodedError } from '../../shared/errors';

/** One file inside the archive, as bytes. */
export interface ArchiveFile {
  path: string;
  bytes: Buffer;
}

/** How much an archive may unpack to; past any of these it is refused before it is read. */
export interface UnpackLimits {
  /** The archive file itself. */
  maxArchiveBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = {
  maxArchiveBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

/** Packs files into a zip (deflated, one fixed time so the same members give the same bytes). */
export function packArchive(files: readonly ArchiveFile[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(file.bytes, file.path, { mtime, compress: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const fromBuffer = promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer);

function refused(code: string, message: string, detail?: unknown): CodedError {
  return new CodedError(code, message, detail);
}

/** yauzl's own name checks, as our codes: its messages start with these words. */
function classifyYauzlError(error: Error): CodedError {
  const message = error.message;
  if (/^(absolute path|invalid relative path|invalid characters in fileName)/.test(message))
    return refused(
      BUNDLE_ERRORS.pathEscape,
      `The bundle holds a file whose path leads outside it (${message}); it was refused and nothing was unpacked.`,
    );
  if (/too many bytes|not enough bytes/.test(message))
    return refused(
      BUNDLE_ERRORS.malformed,
      `A file in the bundle is not the size the archive says (${message}): the bundle is damaged.`,
    );
  return refused(
    BUNDLE_ERRORS.malformed,
    `This file is not a readable bundle: it may be cut short or not a zip (${message}).`,
  );
}

function readEntryBytes(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(classifyYauzlError(error));
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        // yauzl already holds the stream to the declared size; this is the second fence.
        if (total > limit) {
          stream.destroy();
          reject(tooLarge(`${entry.fileName} unpacks past ${limit} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError: Error) => reject(classifyYauzlError(streamError)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

function tooLarge(what: string): CodedError {
  return refused(
    BUNDLE_ERRORS.tooLarge,
    `The bundle is too large to open (${what}); a support bundle is far smaller, so it was refused and nothing was unpacked.`,
  );
}

/**
 * Reads every file of a zip held in memory, refusing (with a typed error, before reading
 * any content) paths that leave the archive and sizes past the limits. Writes nothing.
 */
export async function unpackArchive(
  archive: Buffer,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): Promise<ArchiveFile[]> {
  if (archive.length > limits.maxArchiveBytes)
    throw tooLarge(`the file is ${archive.length} bytes, over ${limits.maxArchiveBytes}`);
  let zip: ZipFile;
  try {
    zip = await fromBuffer(archive, {
      lazyEntries: true,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    throw classifyYauzlError(error as Error);
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw tooLarge(`${zip.entryCount} files, over ${limits.maxEntries}`);
    const entries = await listEntries(zip);
    let declared = 0;
    for (const entry of entries) {
      if (entry.uncompressedSize > limits.maxEntryBytes)
        throw tooLarge(`${entry.fileName} would unpack to ${entry.uncompressedSize} bytes`);
      declared += entry.uncompressedSize;
      if (declared > limits.maxTotalBytes)
        throw tooLarge(`the files would unpack to more than ${limits.maxTotalBytes} bytes`);
    }
    const files: ArchiveFile[] = [];
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue; // a folder entry
      files.push({
        path: entry.fileName,
        bytes: await readEntryBytes(zip, entry, limits.maxEntryBytes),
      });
    }
    return files;
  } finally {
    zip.close();
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(classifyYauzlError(error)));
    zip.readEntry();
  });
}
