/**
 * Lets webpack tree-shake zod in the app bundles.
 *
 * Schemas are written `z.object(...)`, `z.string()`, with `z` the namespace re-exported by
 * types/zod.ts. Webpack 5 treats a *call* through a namespace member (`z.string()`) as a use of the
 * whole namespace, because the callee could read `this` (HarmonyImportSpecifierDependency
 * #getReferencedExports: `call && !directImport` drops the last id). When the schema modules and
 * zod end up in different chunks — as Taro's mini-program split puts them (common vs vendors) —
 * webpack must then build zod's full namespace object, dragging in every export: all ~50 locales,
 * JSON-schema conversion, the code generator. That is ~460 KB in the weapp main package.
 *
 * Rewriting the call to `(0, z.string)(...)` makes it a plain property read, which webpack tracks
 * export by export. zod's top-level exports are ordinary functions that never use `this`, so the
 * call means the same thing.
 *
 * Applies only to identifiers imported from a module named `zod` (the package or types/zod.ts).
 */
const ZOD_SOURCE = /(^|\/)zod(\.ts|\.js)?$/

module.exports = function zodNamespaceCalls({ types: t }) {
  return {
    name: 'zod-namespace-calls',
    visitor: {
      CallExpression(path) {
        const callee = path.node.callee
        if (!t.isMemberExpression(callee) || !t.isIdentifier(callee.object)) return
        const binding = path.scope.getBinding(callee.object.name)
        if (!binding || binding.kind !== 'module') return
        const decl = binding.path.parentPath
        if (!decl || !decl.isImportDeclaration() || !ZOD_SOURCE.test(decl.node.source.value)) return
        path.node.callee = t.sequenceExpression([t.numericLiteral(0), callee])
      },
    },
  }
}
