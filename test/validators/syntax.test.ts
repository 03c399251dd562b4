import { describe, expect, it } from 'vitest';
import { checkSyntax } from '../../plugins/validators/index.ts';
import { contextOf, findingsOf } from './helpers.ts';

const syntax = (files: Record<string, string>) => findingsOf(checkSyntax(contextOf(files)));

describe('syntax check', () => {
  it('passes a clean project of every kind of file', () => {
    const findings = syntax({
      'src/a.ts': 'export const a: number = 1;\n',
      'src/App.tsx': 'export const App = () => <div className="x">{1}</div>;\n',
      'src/b.js': 'module.exports = { b: 2 };\n',
      'src/c.mjs': 'export default 3;\n',
      'src/d.cjs': 'exports.d = 4;\n',
      'src/e.jsx': 'export const E = () => <p>e</p>;\n',
      'package.json': '{ "name": "x", "version": "1.0.0" }\n',
      'tsconfig.json': '{\n  // comments are allowed here\n  "compilerOptions": { "strict": true, },\n}\n',
      'index.html': '<!doctype html>\n<html><head><meta charset="utf-8"><title>x</title></head>\n<body><ul><li>one<li>two</ul><br><img src="a.png"/>\n<script>if (a < b && "</div>") {}</script>\n<svg><path d="M0 0"/></svg>\n</body></html>\n',
      'style.css': '/* { */ a::before { content: "}"; }\n@media (min-width: 1px) { a { color: red; } }\n',
    });
    expect(findings).toEqual([]);
  });

  it('reports a TypeScript parse error with file, line, column and code', () => {
    expect(syntax({ 'src/a.ts': 'export const a = 1;\nconst b = ;\n' })).toEqual([
      { check: 'syntax', severity: 'error', file: 'src/a.ts', line: 2, column: 11, message: 'Expression expected.', rule: 'TS1109' },
    ]);
  });

  it('reports an unclosed JSX element', () => {
    const findings = syntax({ 'src/App.tsx': 'export const App = () => (\n  <div>\n    <span>hi</span>\n);\n' });
    expect(findings[0]).toMatchObject({
      file: 'src/App.tsx',
      line: 2,
      column: 4,
      rule: 'TS17008',
      message: "JSX element 'div' has no corresponding closing tag.",
    });
  });

  it('reports JavaScript syntax errors in .js, .mjs and .cjs files', () => {
    const findings = syntax({ 'a.js': 'function (\n', 'b.mjs': 'export default {\n', 'c.cjs': 'const = 3;\n' });
    expect(findings.map((finding) => finding.file)).toEqual(expect.arrayContaining(['a.js', 'b.mjs', 'c.cjs']));
    expect(findings.every((finding) => finding.severity === 'error' && finding.rule?.startsWith('TS'))).toBe(true);
  });

  it('reports invalid JSON with the line and column of the problem', () => {
    expect(syntax({ 'package.json': '{\n  "name": "x",\n  "version": "1.0.0",\n}\n' })).toEqual([
      {
        check: 'syntax',
        severity: 'error',
        file: 'package.json',
        line: 4,
        column: 1,
        message: 'Expected double-quoted property name in JSON at position 39',
        rule: 'json-parse',
      },
    ]);
  });

  it('reports truncated JSON at its end', () => {
    expect(syntax({ 'data/x.json': '{\n  "a": [1, 2' })[0]).toMatchObject({ file: 'data/x.json', line: 2, column: 13, rule: 'json-parse' });
  });

  it('reports a broken tsconfig.json even though comments are allowed there', () => {
    expect(syntax({ 'tsconfig.json': '{\n  // ok\n  "compilerOptions": { "strict" true }\n}\n' })).toEqual([
      { check: 'syntax', severity: 'error', file: 'tsconfig.json', line: 3, column: 33, message: "':' expected.", rule: 'json-parse' },
    ]);
  });

  it('reports HTML end tags that close the wrong element, close nothing, or never come', () => {
    const findings = syntax({
      'index.html': '<html>\n<body>\n<div><span>a</div>\n</section>\n<main>\n<!-- fine -->\n</body>\n</html>\n',
    });
    expect(findings).toEqual([
      { check: 'syntax', severity: 'error', file: 'index.html', line: 3, column: 6, message: '<span> is not closed before </div>', rule: 'html-unclosed-tag' },
      { check: 'syntax', severity: 'error', file: 'index.html', line: 4, column: 1, message: '</section> closes no open element', rule: 'html-unexpected-close' },
      { check: 'syntax', severity: 'error', file: 'index.html', line: 5, column: 1, message: '<main> is not closed before </body>', rule: 'html-unclosed-tag' },
    ]);
  });

  it('reports an unclosed HTML comment and an unclosed script', () => {
    expect(syntax({ 'a.html': '<p>x</p>\n<!-- never closed\n<div></div>' })).toEqual([
      { check: 'syntax', severity: 'error', file: 'a.html', line: 2, column: 1, message: 'comment is never closed with -->', rule: 'html-unclosed-comment' },
    ]);
    expect(syntax({ 'b.html': '<div>\n<script>\nlet x = 1;\n' })[0]).toMatchObject({ line: 2, column: 1, rule: 'html-unclosed-tag', message: '<script> is never closed' });
  });

  it('reports unbalanced CSS braces, comments and strings', () => {
    expect(syntax({ 'a.css': 'a { color: red;\nb { color: blue; }\n' })).toEqual([
      { check: 'syntax', severity: 'error', file: 'a.css', line: 1, column: 3, message: "'{' is never closed", rule: 'css-unbalanced-brace' },
    ]);
    expect(syntax({ 'b.css': 'a { color: red; }\n}\n' })[0]).toMatchObject({ line: 2, column: 1, message: "'}' closes no block" });
    expect(syntax({ 'c.css': 'a { }\n/* open\n' })[0]).toMatchObject({ line: 2, column: 1, rule: 'css-unclosed-comment' });
    expect(syntax({ 'd.css': 'a { content: "x; }\n' })[0]).toMatchObject({ line: 1, column: 14, rule: 'css-unclosed-string' });
  });

  it('reports file paths that could escape the project', () => {
    expect(syntax({ '../evil.ts': 'export {}', 'ok.ts': 'export {}' })).toEqual([
      {
        check: 'syntax',
        severity: 'error',
        file: '../evil.ts',
        message: `unsafe path "../evil.ts": path contains a '..' segment`,
        rule: 'unsafe-path',
      },
    ]);
  });

  it('ignores installed and built files', () => {
    expect(syntax({ 'node_modules/x/index.js': 'function (', 'dist/a.js': '{{{' })).toEqual([]);
  });
});
