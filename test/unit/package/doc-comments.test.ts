import * as path from 'path';
import * as ts from 'typescript';

const root = path.join(__dirname, '..', '..', '..');
const entries = ['src/index.ts', 'src/testing/index.ts', 'src/services/index.ts'].map((file) =>
  path.join(root, file),
);

function documented(symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  if (ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim()) return true;
  return (symbol.declarations ?? []).some((declaration) => {
    // `export * as v1 from` keeps its comment on the export declaration around the name.
    const node = ts.isNamespaceExport(declaration) ? declaration.parent : declaration;
    return ts.getJSDocCommentsAndTags(node).length > 0;
  });
}

/** Exports (and members of exported interfaces) not generated from the .proto files, without a doc comment. */
function undocumented(): string[] {
  const program = ts.createProgram(entries, {
    strict: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  });
  const checker = program.getTypeChecker();
  const missing = new Set<string>();
  const visit = (symbol: ts.Symbol, name: string): void => {
    const resolved =
      symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declarations = resolved.declarations ?? [];
    if (declarations.some((d) => d.getSourceFile().fileName.endsWith('.generated.ts'))) return;
    if (declarations.some((d) => ts.isModuleDeclaration(d) || ts.isSourceFile(d))) {
      if (!documented(symbol, checker) && !documented(resolved, checker)) missing.add(name);
      for (const inner of checker.getExportsOfModule(resolved))
        visit(inner, `${name}.${inner.name}`);
      return;
    }
    if (!documented(resolved, checker)) missing.add(name);
    if (declarations.some((d) => ts.isInterfaceDeclaration(d))) {
      for (const member of checker.getDeclaredTypeOfSymbol(resolved).getProperties()) {
        const own = (member.declarations ?? []).every(
          (d) => !d.getSourceFile().fileName.includes('node_modules'),
        );
        if (own && !documented(member, checker)) missing.add(`${name}.${member.name}`);
      }
    }
  };
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const symbol of checker.getExportsOfModule(module)) visit(symbol, symbol.name);
  }
  return [...missing].sort();
}

test('every hand-written export, and every member of an exported interface, has a doc comment', () => {
  const list = undocumented();
  expect(list).toEqual([]);
}, 120_000);
