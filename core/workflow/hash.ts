/** Hex SHA-256 of UTF-8 text, with Web Crypto so it runs unchanged on Node, Deno and Bun. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
