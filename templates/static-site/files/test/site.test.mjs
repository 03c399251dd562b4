import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build, fileOf } from '../build.mjs';
import { createSiteServer } from '../serve.mjs';

const root = join(import.meta.dirname, '..');
const site = JSON.parse(readFileSync(join(root, 'site.json'), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'site-'));
const read = (file) => readFileSync(join(out, file), 'utf8');

before(async () => {
  await build({ root, out });
});
after(() => rmSync(out, { recursive: true, force: true }));

describe('pages', () => {
  it('writes one HTML file per page and the stylesheet', () => {
    for (const page of site.pages) assert.ok(existsSync(join(out, fileOf(page))), `${fileOf(page)} is missing`);
    assert.ok(existsSync(join(out, 'styles.css')));
    assert.ok(existsSync(join(out, 'index.html')), 'there is no home page');
  });

  for (const page of site.pages) {
    it(`${fileOf(page)} has a title, one h1, the stylesheet and the shared navigation`, () => {
      const html = read(fileOf(page));
      assert.match(html, /^<!doctype html>/);
      assert.match(html, new RegExp(`<html lang="${site.lang}">`));
      assert.match(html, /<title>[^<]+<\/title>/);
      assert.equal(html.match(/<h1[\s>]/g)?.length, 1, 'expected exactly one h1');
      assert.match(html, /<link rel="stylesheet" href="styles.css" \/>/);
      for (const other of site.pages) assert.ok(html.includes(`href="${fileOf(other)}"`), `no link to ${fileOf(other)}`);
      assert.match(html, new RegExp(`href="${fileOf(page)}" aria-current="page"`));
    });
  }

  it('links only to pages that exist (or to mail, phone and the web)', () => {
    for (const page of site.pages) {
      for (const [, href] of read(fileOf(page)).matchAll(/href="([^"]+)"/g)) {
        if (/^(mailto:|tel:|https?:)/.test(href)) continue;
        assert.ok(existsSync(join(out, href.split('#')[0])), `${fileOf(page)} links to missing ${href}`);
      }
    }
  });
});

describe('server', () => {
  let server;
  let base;
  before(async () => {
    server = createSiteServer(out);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  it('serves every page and the stylesheet', async () => {
    for (const file of ['', ...site.pages.map(fileOf), 'styles.css']) {
      const response = await fetch(`${base}/${file}`);
      assert.equal(response.status, 200, `/${file}`);
    }
  });

  it('answers 404 for a missing page and never serves files outside dist', async () => {
    assert.equal((await fetch(`${base}/nope.html`)).status, 404);
    const escape = await fetch(`${base}/%2e%2e/package.json`);
    assert.notEqual(escape.status, 200);
  });
});
