import type { Executor } from '../../db/connect.ts';

export interface ArtifactInfo {
  runId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export async function putArtifact(
  db: Executor,
  a: { runId: string; name: string; contentType: string; sha256: string; content: Uint8Array },
): Promise<void> {
  // Hex keeps the bytes out of the drivers' differing bytea encodings.
  await db.query(
    `insert into artifacts (run_id, name, content_type, size, sha256, content) values ($1, $2, $3, $4, $5, decode($6, 'hex'))
     on conflict (run_id, name) do update set content_type = excluded.content_type, size = excluded.size,
       sha256 = excluded.sha256, content = excluded.content, created_at = now()`,
    [a.runId, a.name, a.contentType, a.content.length, a.sha256, toHex(a.content)],
  );
}

export async function listArtifacts(db: Executor, runId: string): Promise<ArtifactInfo[]> {
  const rows = await db.query<Omit<ArtifactInfo, 'createdAt'> & { createdAt: number }>(
    `select run_id::text as "runId", name, content_type as "contentType", size, sha256,
            (extract(epoch from created_at) * 1000)::float8 as "createdAt"
     from artifacts where run_id = $1 order by name`,
    [runId],
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function getArtifact(db: Executor, runId: string, name: string): Promise<(ArtifactInfo & { content: Uint8Array }) | undefined> {
  const rows = await db.query<Omit<ArtifactInfo, 'createdAt'> & { createdAt: number; hex: string }>(
    `select run_id::text as "runId", name, content_type as "contentType", size, sha256,
            (extract(epoch from created_at) * 1000)::float8 as "createdAt", encode(content, 'hex') as hex
     from artifacts where run_id = $1 and name = $2`,
    [runId, name],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { hex, ...info } = row;
  return { ...info, createdAt: new Date(row.createdAt), content: fromHex(hex) };
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
