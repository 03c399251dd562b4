// Writes test/api/generated/openapi.ts from the document a real server serves.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiFixture } from './helpers.ts';
import { GENERATED_FILE, renderClientTypes } from './client-types.ts';

const fx = await apiFixture();
try {
  const document: unknown = await (await fetch(`${fx.url}/api/openapi.json`)).json();
  mkdirSync(new URL('.', GENERATED_FILE), { recursive: true });
  writeFileSync(GENERATED_FILE, await renderClientTypes(document));
  console.log(`wrote ${fileURLToPath(GENERATED_FILE)}`);
} finally {
  await fx.close();
}
