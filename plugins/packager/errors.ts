import { QLayerError } from '../../core/errors.ts';

/** Two entries of one project would land on the same file, or a file would sit where a folder must be. */
export class DuplicateEntryError extends QLayerError {
  constructor(path: string, other: string, reason: string) {
    super('duplicate_entry', `entry ${JSON.stringify(path)} collides with ${JSON.stringify(other)}: ${reason}`, {
      details: { path, other, reason },
    });
  }
}

/** Bytes that fflate cannot read as a zip archive. */
export class InvalidZipError extends QLayerError {
  constructor(cause: unknown) {
    super('zip_invalid', `not a readable zip archive: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** An archive that would unpack to more than the allowed size (a zip bomb, or just too big). */
export class ZipTooLargeError extends QLayerError {
  constructor(limitBytes: number) {
    super('zip_too_large', `archive unpacks to more than ${limitBytes} bytes`, { details: { limitBytes } });
  }
}

/** Unpacking would overwrite a file that is already there; unpack into a new or empty folder. */
export class DestinationExistsError extends QLayerError {
  constructor(path: string) {
    super('unpack_destination_exists', `${JSON.stringify(path)} already exists; unpack into a new or empty folder`, { details: { path } });
  }
}
