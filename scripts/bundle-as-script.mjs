// Builds a bundle as a classic script holding one async function, instead of an ES module, so
// that src/start.ts can compile it with node:vm and keep V8's code cache of it. Node's own
// compile cache (module.enableCompileCache) stores only what V8 compiled before a module first
// ran, about a quarter of what a drill's first frame needs; vm.Script.createCachedData(), called
// after the run, also holds every function compiled lazily on the way.
//
// The script is `(async function (require, __prepUrl, __prepImport) { ...bundle... })`:
// - Node's built-in modules come through `require` (a script cannot `import`);
// - `import.meta.url` is `__prepUrl`, the bundle file's URL;
// - the dynamic imports of the other bundles (`import("./prep-authoring.js")`) call
//   `__prepImport`, the loader's own import(): inside a vm script, import() needs a flag or
//   prints an experimental warning;
// - top-level await stays legal inside the async function.
import { builtinModules, createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import vm from 'node:vm';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const requireHere = createRequire(import.meta.url);

/**
 * A built-in module as an ES module over `require(name)`: the module itself as its default
 * export, and each of its properties (as the building Node has them) as a named export, read
 * once when the module is first run. A CommonJS stub (`module.exports = require(name)`) would
 * work too, but then every module importing it runs esbuild's interop, which copies every
 * property of the built-in onto a new object as a getter: node:fs alone is imported by 26 of
 * the bundle's modules, node:process (hundreds of properties) by 14. Each named export is a
 * call marked pure, so esbuild drops those that nothing imports; a property is read only when
 * something imports it (reading all would run lazy getters such as fs.promises, which loads a
 * module of its own). A name this Node's module lacks fails the build ("No matching export").
 */
export function builtinAsModule(name, requireName = 'require') {
  const lines = [`var m = ${requireName}(${JSON.stringify(name)});`, 'var g = (k) => m[k];', 'export default m;'];
  Object.getOwnPropertyNames(requireHere(name)).forEach((key, i) => {
    if (key === 'default' || !/^[A-Za-z_$][\w$]*$/.test(key)) return;
    lines.push(`var x${i} = /* @__PURE__ */ g(${JSON.stringify(key)});`, `export { x${i} as ${key} };`);
  });
  return lines.join('\n');
}

/**
 * `import x from 'node:fs'` (or a dynamic import of it) reads a `require('node:fs')` (see
 * builtinAsModule), through the function named `requireName`.
 */
export const builtinsThrough = (requireName) => ({
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!builtins.has(args.path) || args.kind === 'require-call') return undefined;
      // A dynamic import needs the module's namespace, which would hold every name (and read
      // each property as the module first runs): it gets the CommonJS stub, as a module of its own.
      return { path: args.path, namespace: args.kind === 'dynamic-import' ? 'builtin-dynamic' : 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: builtinAsModule(args.path, requireName), loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-dynamic' }, (args) => ({ contents: `module.exports = ${requireName}(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
});
const builtinsByRequire = builtinsThrough('require');

/** The dynamic imports the bundle may keep: the other bundles, next to it. */
const SIBLING_IMPORT = /\bimport\("(\.\/prep-[a-z-]+\.js)"\)/g;

/** Runs esbuild's `build` with `options` (an ES module bundle's), and writes the bundle as a script. */
export async function asScript(build, options) {
  const result = await build({
    ...options,
    write: false,
    banner: undefined,
    plugins: [builtinsByRequire, ...options.plugins],
    define: { ...options.define, 'import.meta.url': '__prepUrl' },
  });
  const code = result.outputFiles[0].text.replace(SIBLING_IMPORT, '__prepImport("$1")');
  // Anything else a module may do and a script may not fails the build, not a user's start.
  if (/\bimport\s*\(|\bimport\.meta\b/.test(code)) {
    throw new Error(`${options.outfile}: an import() or import.meta that a script cannot run is left in the bundle`);
  }
  const script = `(async function(require,__prepUrl,__prepImport){"use strict";${code}\n})`;
  new vm.Script(script, { filename: options.outfile });
  writeFileSync(options.outfile, script);
}
