import { AppSpecSchema, type AppKind, type AppSpec } from '../parser/spec.ts';
import { cliFiles } from '../../templates/cli/render.ts';
import { fullstackFiles } from '../../templates/fullstack/render.ts';
import { reactSpaFiles } from '../../templates/react-spa/render.ts';
import { restApiFiles } from '../../templates/rest-api/render.ts';
import { staticSiteFiles } from '../../templates/static-site/render.ts';
import { checkFiles, GenerateError, type GeneratedFile } from './files.ts';

const GENERATORS: Record<AppKind, (spec: AppSpec) => GeneratedFile[]> = {
  cli: cliFiles,
  fullstack: fullstackFiles,
  'react-spa': reactSpaFiles,
  'rest-api': restApiFiles,
  'static-site': staticSiteFiles,
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
  return checkFiles(GENERATORS[checked.data.kind](checked.data));
}
