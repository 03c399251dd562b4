import { AppSpecSchema, type AppKind, type AppSpec } from '../parser/spec.ts';
import { fullstackFiles } from '../../templates/fullstack/render.ts';
import { reactSpaFiles } from '../../templates/react-spa/render.ts';
import { restApiFiles } from '../../templates/rest-api/render.ts';
import { checkFiles, GenerateError, type GeneratedFile } from './files.ts';

const GENERATORS: Partial<Record<AppKind, (spec: AppSpec) => GeneratedFile[]>> = {
  fullstack: fullstackFiles,
  'react-spa': reactSpaFiles,
  'rest-api': restApiFiles,
};

/**
 * Renders a complete project for a spec: sources, tests, README, package.json with pinned
 * versions. Pure apart from reading the template files; every path is checked to stay inside
 * the project folder.
 */
export function generateApp(spec: AppSpec): GeneratedFile[] {
  const checked = AppSpecSchema.safeParse(spec);
  if (!checked.success) {
    throw new GenerateError('generate_invalid_spec', 'the app spec is invalid', {
      issues: checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const generator = GENERATORS[checked.data.kind];
  if (generator === undefined) throw new GenerateError('generate_invalid_spec', `no generator for kind ${checked.data.kind}`);
  return checkFiles(generator(checked.data));
}
