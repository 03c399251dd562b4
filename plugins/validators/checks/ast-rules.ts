import ts from 'typescript';
import type { CheckName, Finding, Severity } from '../report.ts';
import { positionOf, type SourceFiles } from '../typescript/source-files.ts';

export interface RuleFile {
  path: string;
  source: ts.SourceFile;
}

export interface RuleHit {
  /** Where the finding points: the start of this node, or of `at` when given. */
  node: ts.Node;
  message: string;
}

/**
 * One syntax-tree rule, in the manner of an ESLint rule: `create` sees the file first (to skip
 * it, or to collect imports) and returns a visitor that is called for every node.
 */
export interface AstRule {
  id: string;
  severity: Severity;
  create(file: RuleFile): ((node: ts.Node) => RuleHit | undefined) | undefined;
}

/** Walks every code file once, calling all rules on each node. */
export function runAstRules(check: CheckName, rules: readonly AstRule[], sources: SourceFiles): Finding[] {
  const findings: Finding[] = [];
  for (const { file, source } of sources.code()) {
    const active = rules.flatMap((rule) => {
      const visit = rule.create({ path: file.path, source });
      return visit === undefined ? [] : [{ rule, visit }];
    });
    if (active.length === 0) continue;
    const walk = (node: ts.Node): void => {
      for (const { rule, visit } of active) {
        const hit = visit(node);
        if (hit !== undefined) {
          findings.push({
            check,
            severity: rule.severity,
            file: file.path,
            ...positionOf(source, hit.node.getStart(source)),
            message: hit.message,
            rule: rule.id,
          });
        }
      }
      ts.forEachChild(node, walk);
    };
    walk(source);
  }
  return findings.sort(byPosition);
}

/** File (by code point, so the order is the same in every locale), then line, then column. */
export function byPosition(a: Finding, b: Finding): number {
  const fileA = a.file ?? '';
  const fileB = b.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
