'use strict';
/*
 * The jest runtime of this suite (`runtime` in the jest config, from .projenrc.ts): jest-runtime
 * itself, with one change in how a worker compiles modules.
 *
 * Each test file gets a fresh module registry, so every worker compiles aws-cdk-lib, cdk-nag and
 * src/ again for each of its ~43 files. jest-runtime compiles with `vm.compileFunction`, which on
 * Node 20 uses neither V8's compilation cache nor a code cache: in a CPU profile of the whole suite
 * (`node --cpu-prof node_modules/.bin/jest -i --coverage=false`) that compilation was 9.4 % of the
 * CPU. Here a module's code is compiled as a `vm.Script` (the module wrapper function, as jest 29
 * did), and the second time the same file with the same code is compiled in the worker, V8 gets
 * the code cache of the first compilation, taken after it ran (so the functions it compiled lazily
 * are in it). The code runs exactly as before: same function, same context, same strictness; a
 * changed file is a different source and is compiled anew. `npx jest --coverage=false` on the
 * whole suite, same code, one run each on the 2-core machine: with JEST_CODE_CACHE=false 123.7 s
 * wall and 224.6 s user CPU, with the cache 116.9 s and 211.2 s.
 *
 * Plain JavaScript: jest requires the runtime before any transform. Set JEST_CODE_CACHE=false to
 * compile as jest-runtime does.
 */
const vm = require('vm');

if (process.env.JEST_CODE_CACHE !== 'false') {
  const compileFunction = vm.compileFunction;
  /** Per file name: the wrapped source last compiled, its script, and its code cache once taken. */
  const compiled = new Map();

  vm.compileFunction = function compileFunctionWithCodeCache(code, params = [], options = {}) {
    // Only the calls jest-runtime makes (a module of a file, in the test's context).
    if (!options.filename || !options.parsingContext || options.contextExtensions || options.cachedData || options.produceCachedData) {
      return compileFunction.apply(this, arguments);
    }
    // On the code's first line, so every line keeps its number; columnOffset keeps line 1's columns.
    const prefix = `(function (${params.join(', ')}) {`;
    const source = `${prefix}${code}\n})`;
    const previous = compiled.get(options.filename);
    const cachedData = previous && previous.source === source
      ? (previous.data = previous.data || previous.script.createCachedData())
      : undefined;
    const script = new vm.Script(source, {
      filename: options.filename,
      columnOffset: -prefix.length,
      importModuleDynamically: options.importModuleDynamically,
      cachedData,
    });
    if (!cachedData) compiled.set(options.filename, { source, script });
    return script.runInContext(options.parsingContext);
  };
}

module.exports = require('jest-runtime');
