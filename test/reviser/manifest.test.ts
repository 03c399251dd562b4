import { describe, expect, it } from 'vitest';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { withManifest } from './project.ts';
import { TEMPLATES_GENERATOR } from '../../plugins/generator-templates/identity.ts';
import templates from '../../plugins/generator-templates/plugin.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { ManifestError } from '../../plugins/reviser/errors.ts';
import { BASE_PATH, hashContent, MANIFEST_PATH, readBase, readManifest } from '../../plugins/reviser/manifest.ts';

describe('qlayer.json', () => {
  const { spec } = parsePrompt('Create a todo app with React');
  const files = withManifest(spec);
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  it('is generated at the root with the spec and the generator that wrote the project', () => {
    const manifest = readManifest(byPath.get(MANIFEST_PATH)!);
    expect(manifest.spec).toEqual(spec);
    expect(manifest.generator).toEqual({ name: templates.name, version: templates.version });
    expect(manifest.generator).toEqual(TEMPLATES_GENERATOR);
  });

  it('records a hash of every generated file in .qlayer/base.json', () => {
    const base = readBase(byPath.get(BASE_PATH)!);
    const listed = Object.keys(base.files).sort();
    expect(listed).toEqual(files.map((f) => f.path).filter((p) => p !== MANIFEST_PATH && p !== BASE_PATH));
    expect(base.files['package.json']).toBe(hashContent(byPath.get('package.json')!));
  });

  it('reports a JSON syntax error in a hand-edited file with its line and column', () => {
    const text = '{\n  "format": 1,\n  "generator": { "name": "templates", "version": "0.1.0" },\n}\n';
    const error = (() => {
      try {
        readManifest(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).code).toBe('manifest_invalid');
    expect((error as ManifestError).issues[0]).toMatchObject({ line: 4, column: 1, path: 'qlayer.json:4:1' });
  });

  it('points at the value a schema rejects', () => {
    const manifest = JSON.parse(byPath.get(MANIFEST_PATH)!) as { spec: { entities: Array<{ fields: Array<{ type: string }> }> } };
    manifest.spec.entities[0]!.fields[1]!.type = 'bool';
    const text = JSON.stringify(manifest, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"bool"')) + 1;
    try {
      readManifest(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ManifestError);
      const issue = (error as ManifestError).issues[0]!;
      expect(issue.line).toBe(line);
      expect(issue.column).toBe(text.split('\n')[line - 1]!.indexOf('"bool"') + 1);
      expect(issue.message).toContain('spec.entities.0.fields.1.type');
      expect(issue.message).toContain('boolean');
    }
  });

  it('keeps spec keys this schema does not know, for specs from a newer generator', () => {
    const manifest = JSON.parse(byPath.get(MANIFEST_PATH)!) as { spec: Record<string, unknown> };
    manifest.spec.themes = [{ name: 'dark' }];
    expect(readManifest(JSON.stringify(manifest)).spec).toMatchObject({ themes: [{ name: 'dark' }] });
  });
});
