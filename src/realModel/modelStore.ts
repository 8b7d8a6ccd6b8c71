/**
 * Models fetched from an address, kept in the browser so that the app works with them offline. Files a
 * person opens from disk are never copied here (they already have them).
 *
 * Storage: the Origin Private File System (navigator.storage.getDirectory()), a folder `models/` with
 * `<id>.gguf` and its description `<id>.json`. Chosen over Cache Storage because a model is a file of
 * hundreds of megabytes: OPFS streams a download to disk chunk by chunk (createWritable), and getFile()
 * returns a disk-backed File that wllama reads slice by slice, with nothing held in JavaScript memory; a
 * cancelled or failed write is discarded by the browser (the writable is abort()ed, its swap file
 * dropped). Cache Storage would work too but ties the file to a Response and a URL; OPFS is plain files.
 * The description is written after the data, so a model is listed only once its file is complete.
 * Both count against the origin's quota (navigator.storage.estimate()).
 */
import { CodedError, InputError } from '../core/errors.ts';

export interface StoredModel {
  id: string;
  /** The file name, from the address's last path segment. */
  name: string;
  url: string;
  sizeBytes: number;
  /** When the download finished (ISO 8601). */
  storedAt: string;
}

export interface StorageFigures {
  usageBytes: number;
  quotaBytes: number;
}

const FOLDER = 'models';
const DATA = '.gguf';
const DESCRIPTION = '.json';

async function folder(): Promise<FileSystemDirectoryHandle> {
  if (!navigator.storage?.getDirectory) throw new CodedError('storage.unavailable', {});
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(FOLDER, { create: true });
  } catch {
    throw new CodedError('storage.unavailable', {});
  }
}

const isQuotaError = (error: unknown) => error instanceof DOMException && error.name === 'QuotaExceededError';

/** A stored model's id: the first 16 bytes of SHA-256 of its address, so fetching it again replaces it. */
export async function storedModelId(url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(url));
  return Array.from(new Uint8Array(digest).slice(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );
}

export async function listStoredModels(): Promise<StoredModel[]> {
  const directory = await folder();
  const models: StoredModel[] = [];
  for await (const [name, handle] of directory.entries()) {
    if (handle.kind !== 'file' || !name.endsWith(DESCRIPTION)) continue;
    try {
      const text = await (await (handle as FileSystemFileHandle).getFile()).text();
      models.push(JSON.parse(text) as StoredModel);
    } catch {
      // A description that cannot be read describes nothing usable; deleteStoredModel can still remove it.
    }
  }
  return models.sort((a, b) => a.storedAt.localeCompare(b.storedAt));
}

/** The stored file (read from disk as it is used, not into memory). */
export async function openStoredModel(id: string): Promise<File> {
  const directory = await folder();
  try {
    await directory.getFileHandle(`${id}${DESCRIPTION}`);
    return await (await directory.getFileHandle(`${id}${DATA}`)).getFile();
  } catch {
    throw new InputError('storage.notFound', { id });
  }
}

export async function deleteStoredModel(id: string): Promise<void> {
  const directory = await folder();
  for (const suffix of [DESCRIPTION, DATA]) {
    await directory.removeEntry(`${id}${suffix}`).catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    });
  }
}

/** The origin's storage use and quota, or null where the browser does not say. */
export async function storageFigures(): Promise<StorageFigures | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage, quota } = await navigator.storage.estimate();
  return usage === undefined || quota === undefined ? null : { usageBytes: usage, quotaBytes: quota };
}

export interface StoredModelWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Closes the file and lists it; `check` may refuse the complete file (the stored copy is then removed). */
  commit(check: (file: File) => Promise<void>): Promise<StoredModel>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

/** Starts writing a model's file; it is listed only after commit. */
export async function startStoredModel(
  description: Omit<StoredModel, 'id' | 'storedAt' | 'sizeBytes'>,
): Promise<StoredModelWriter> {
  const directory = await folder();
  const id = await storedModelId(description.url);
  // A previous copy of the same address stops being listed at once: it is being replaced.
  await directory.removeEntry(`${id}${DESCRIPTION}`).catch(() => {});
  const handle = await directory.getFileHandle(`${id}${DATA}`, { create: true });
  const writable = await handle.createWritable();
  let written = 0;
  const refuseQuota = (error: unknown) => {
    if (isQuotaError(error)) throw new CodedError('storage.full', { megabytes: written / (1024 * 1024) });
    throw error;
  };
  return {
    async write(chunk) {
      written += chunk.byteLength;
      await writable.write(chunk as Uint8Array<ArrayBuffer>).catch(refuseQuota);
    },
    async commit(check) {
      await writable.close().catch(refuseQuota);
      const file = await handle.getFile();
      try {
        await check(file);
      } catch (error) {
        await directory.removeEntry(`${id}${DATA}`).catch(() => {});
        throw error;
      }
      const stored: StoredModel = {
        ...description,
        id,
        sizeBytes: file.size,
        storedAt: new Date().toISOString(),
      };
      const descriptionHandle = await directory.getFileHandle(`${id}${DESCRIPTION}`, { create: true });
      const descriptionWritable = await descriptionHandle.createWritable();
      await descriptionWritable.write(JSON.stringify(stored));
      await descriptionWritable.close().catch(refuseQuota);
      return stored;
    },
    async abort() {
      await writable.abort().catch(() => {});
      await directory.removeEntry(`${id}${DATA}`).catch(() => {});
    },
  };
}
