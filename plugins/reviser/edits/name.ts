import { kebabCase } from '../../parser/names.ts';
import { RevisionError } from '../errors.ts';
import type { Revision } from './revision.ts';

/** "rename the app to Grocery Buddy": the title as written, the package name in kebab-case. */
export function renameApp(revision: Revision, title: string): void {
  const text = title.trim().replace(/^["'“]|["'”.]$/g, '').trim();
  const pkg = kebabCase(text).slice(0, 60).replace(/-+$/, '');
  if (text === '' || text.length > 80 || !/^[a-z]/.test(pkg)) {
    throw new RevisionError('revision_impossible', `"${title}" cannot name the app: it needs a letter first and at most 80 characters`, { request: revision.request });
  }
  const { name } = revision.spec;
  if (name.title === text && name.package === pkg) throw new RevisionError('revision_impossible', `the app is already called ${text}`, { request: revision.request });
  revision.changes.push(`renamed the app from ${name.title} (${name.package}) to ${text} (${pkg})`);
  revision.spec.name = { package: pkg, title: text };
}
