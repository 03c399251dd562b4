import type ts from 'typescript';
import { messageText } from '../../typescript/source-files.ts';

/**
 * Diagnostics that only say "a package is not installed". Before `npm install` every import of
 * a package fails to resolve, so these carry no information about the generated code.
 */
const MISSING_PACKAGE_CODES = new Set([
  2688, // Cannot find type definition file for 'node'.
  2792, // Cannot find module 'x'. Did you mean to set the 'moduleResolution' option...
  7016, // Could not find a declaration file for module 'x'.
  2580, 2591, // Cannot find name 'process' / 'require'. Do you need to install type definitions for node?
  2582, 2593, // Cannot find name 'describe' / 'it'. Do you need to install type definitions for a test runner?
  7026, // JSX element implicitly has type 'any' because no interface 'JSX.IntrinsicElements' exists.
  2875, // This JSX tag requires the module path 'react/jsx-runtime' to exist.
]);

const CANNOT_FIND_MODULE = 2307;
const CANNOT_FIND_NAMESPACE = 2503;
/** Namespaces that only a package's type declarations provide (NodeJS comes with @types/node). */
const PACKAGE_NAMESPACES = new Set(['NodeJS', 'React', 'JSX']);

/**
 * "Implicitly has an 'any' type" is mostly a consequence of a missing package: a callback passed
 * to an untyped Hono or React API gets no parameter types. While any package is missing these
 * are dropped; in a project that needs none they are real errors.
 */
const IMPLICIT_ANY_CODES = new Set([7005, 7006, 7008, 7010, 7011, 7019, 7031, 7034]);

/** Imports of files that only a bundler or a package's type declarations make importable. */
const ASSET = /\.(css|scss|sass|less|styl|svg|png|jpe?g|gif|webp|avif|ico|bmp|woff2?|ttf|otf|eot|mp3|mp4|webm|wav|ogg|wasm|html|md|txt|glsl)(\?.*)?$|\?(raw|url|inline|worker|react)$/i;

export type PreInstallKind = 'missing-package' | 'implicit-any' | 'other';

export function preInstallKind(diagnostic: ts.Diagnostic): PreInstallKind {
  if (MISSING_PACKAGE_CODES.has(diagnostic.code)) return 'missing-package';
  if (IMPLICIT_ANY_CODES.has(diagnostic.code)) return 'implicit-any';
  if (diagnostic.code === CANNOT_FIND_NAMESPACE) {
    const namespace = /namespace '([^']+)'/.exec(messageText(diagnostic))?.[1] ?? '';
    return PACKAGE_NAMESPACES.has(namespace) ? 'missing-package' : 'other';
  }
  if (diagnostic.code === CANNOT_FIND_MODULE) {
    const specifier = /module '([^']+)'/.exec(messageText(diagnostic))?.[1] ?? '';
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
    // A relative import of code that is missing means the generator forgot a file: a real error.
    return !relative || ASSET.test(specifier) ? 'missing-package' : 'other';
  }
  return 'other';
}

/**
 * Without React's types a component's `key` prop is "not assignable", and every intrinsic element
 * is `any`. These few global declarations stand in for them before install, so prop errors in
 * generated components are still found (a misspelt prop is), without the false ones.
 */
export const JSX_STAND_IN = {
  path: '.qlayer/jsx-pre-install.d.ts',
  content: `declare namespace JSX {
  type Element = any;
  interface IntrinsicElements { [name: string]: any }
  interface IntrinsicAttributes { key?: string | number | bigint | null | undefined }
  interface ElementChildrenAttribute { children: {} }
}
`,
};
