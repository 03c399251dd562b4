import ts from 'typescript';
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

/**
 * "Implicitly has an 'any' type" is often a consequence of a missing package (a callback passed
 * to an untyped express or React API) and sometimes a real omission; before install we cannot
 * tell which, so these become warnings instead of errors.
 */
const IMPLICIT_ANY_CODES = new Set([7005, 7006, 7008, 7010, 7011, 7019, 7031, 7034]);

/** Imports of files that only a bundler or a package's type declarations make importable. */
const ASSET = /\.(css|scss|sass|less|styl|svg|png|jpe?g|gif|webp|avif|ico|bmp|woff2?|ttf|otf|eot|mp3|mp4|webm|wav|ogg|wasm|html|md|txt|glsl)(\?.*)?$|\?(raw|url|inline|worker|react)$/i;

export type PreInstallVerdict = 'ignore' | 'warning' | 'error';

export function preInstallVerdict(diagnostic: ts.Diagnostic): PreInstallVerdict {
  if (MISSING_PACKAGE_CODES.has(diagnostic.code)) return 'ignore';
  if (IMPLICIT_ANY_CODES.has(diagnostic.code)) return 'warning';
  if (diagnostic.code === CANNOT_FIND_MODULE) {
    const specifier = /module '([^']+)'/.exec(messageText(diagnostic))?.[1] ?? '';
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
    // A relative import of code that is missing means the generator forgot a file: a real error.
    return !relative || ASSET.test(specifier) ? 'ignore' : 'error';
  }
  return diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning';
}
