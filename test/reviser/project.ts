import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { TEMPLATES_GENERATOR } from '../../plugins/generator-templates/identity.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';
import { manifestFiles } from '../../plugins/reviser/manifest.ts';

/** A project as the packager writes it for the offline generator: files plus qlayer.json and .qlayer/base.json. */
export function withManifest(spec: AppSpec) {
  const files = generateApp(spec);
  return [...files, ...manifestFiles(spec, TEMPLATES_GENERATOR, files)].sort((a, b) => (a.path < b.path ? -1 : 1));
}
