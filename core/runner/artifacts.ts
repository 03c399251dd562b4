import type { Database } from '../db/connect.ts';
import { ValidationError } from '../errors.ts';
import { getArtifact, listArtifacts, putArtifact, type ArtifactInfo } from './sql/artifacts.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
export const MAX_ARTIFACT_BYTES = 50 * 1024 * 1024;

/** Files a run produces for people to download (the packaged zip), stored with the run. */
export class ArtifactStore {
  constructor(private readonly db: Database) {}

  async put(runId: string, name: string, content: Uint8Array, contentType = 'application/octet-stream'): Promise<ArtifactInfo> {
    if (!NAME.test(name)) {
      throw new ValidationError(`artifact name '${name}' must be 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit`);
    }
    if (content.length > MAX_ARTIFACT_BYTES) {
      throw new ValidationError(`artifact '${name}' is ${content.length} bytes; the limit is ${MAX_ARTIFACT_BYTES}`);
    }
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', content as Uint8Array<ArrayBuffer>));
    const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    await putArtifact(this.db, { runId, name, contentType, sha256, content });
    return { runId, name, contentType, size: content.length, sha256, createdAt: new Date() };
  }

  list(runId: string): Promise<ArtifactInfo[]> {
    return listArtifacts(this.db, runId);
  }

  get(runId: string, name: string): Promise<(ArtifactInfo & { content: Uint8Array }) | undefined> {
    return getArtifact(this.db, runId, name);
  }
}
