import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_BUILTINS = new Set(builtinModules);

/**
 * The plugin crash guard (AsyncLocalStorage and process-wide handlers), reached through the
 * workflow compiler's import of core/plugin/registry.ts. Deno runs it (see deno.db.test.ts);
 * it is listed so that it stays the only one.
 */
const KNOWN_CORE_EXCEPTIONS = new Set(['node:async_hooks (from core/plugin/guard.ts)', 'node:process (from core/plugin/guard.ts)']);

/** Specifiers a module loads when it runs: type-only imports and exports are erased. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.importClause?.namedBindings;
      const allTypes = !node.importClause?.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!allTypes) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      const allTypes = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!allTypes) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every module api/app.ts loads at run time (type-only imports erase), and the packages they name. */
function runtimeGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    files.push(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else packages.add(`${spec} (from ${file.slice(ROOT.length + 1)})`);
    }
  }
  return { files, packages };
}

describe('api/app.ts is Web-standard', () => {
  it('loads no Node-only module, directly or through core', () => {
    const { files, packages } = runtimeGraph('api/app.ts');
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('core/workflow/index.ts'))).toBe(true);
    const nodeOnly = [...packages].filter((p) => p.startsWith('node:') || NODE_BUILTINS.has(p.split(' ')[0]!));
    // The API's own modules import nothing of Node's.
    expect(nodeOnly.filter((p) => p.includes('(from api/')), 'Node-only imports in api/').toEqual([]);
    // Known exceptions in core, which Deno provides as node: modules; any new one fails here.
    expect(nodeOnly.filter((p) => !KNOWN_CORE_EXCEPTIONS.has(p)), 'Node-only imports reachable from api/app.ts').toEqual([]);
    expect(files.some((f) => f.endsWith('core/runner/runner.ts')), 'the runner (node:os) must stay a type-only import').toBe(false);
  });

  it('the checker itself notices a Node import', () => {
    const { packages } = runtimeGraph('api/node.ts');
    expect([...packages].some((p) => p.startsWith('node:url '))).toBe(true);
  });
});
