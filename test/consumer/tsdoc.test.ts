// TSDoc on every export of every published entry, and on every member of the exported interfaces (a
// description or a tag such as `@deprecated`): what users see in their editor.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENTRIES = [
  'src/index.ts',
  'src/core/index.ts',
  'src/testing/index.ts',
  'src/testing/mock.ts',
  'src/testing/mock-refold/msw.ts',
  'src/testing/mock-refold/node.ts',
  'src/testing/render.tsx',
  ...['en', 'es', 'fr', 'de', 'ja'].map((locale) => `src/i18n/locales/${locale}.ts`),
];

const documented = (symbol: ts.Symbol, checker: ts.TypeChecker) =>
  symbol.getDocumentationComment(checker).length > 0 || symbol.getJsDocTags(checker).length > 0;

describe('the published API', () => {
  it('documents every export and every member of an exported interface', () => {
    const program = ts.createProgram(ENTRIES, {
      strict: true,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const undocumented: string[] = [];
    let exports = 0;
    for (const entry of ENTRIES) {
      const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
      for (const exported of checker.getExportsOfModule(module)) {
        exports += 1;
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        if (!documented(symbol, checker)) undocumented.push(`${entry}: ${exported.name}`);
        if (!(symbol.flags & ts.SymbolFlags.Interface)) continue;
        for (const member of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
          const source = member.declarations?.[0]?.getSourceFile().fileName ?? '';
          if (source.includes('/node_modules/') || documented(member, checker)) continue;
          undocumented.push(`${entry}: ${exported.name}.${member.name}`);
        }
      }
    }
    expect(exports).toBeGreaterThan(100);
    expect(undocumented).toEqual([]);
  }, 60_000);
});
