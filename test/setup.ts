/*
 * Runs before every test file (jest `setupFiles`, in .projenrc.ts).
 *
 * aws-cdk-lib validates every synthesized template against CloudFormation's schemas and rules
 * (`@aws/cloudformation-validate`) unless `CDK_VALIDATION=false`. Loading that engine costs seconds
 * in each test file (each jest worker file is a fresh module registry), about half of the suite's
 * CPU. Unit suites assert on templates, not on that report, so it is off here; the canonical
 * assemblies (stacks and nested templates) are validated once, with one instance of the same
 * engine, in test/cfn-validation.test.ts. Run every suite with validation at synth:
 * `CDK_VALIDATION=true npx jest`.
 */
if (process.env.CDK_VALIDATION === undefined) {
  process.env.CDK_VALIDATION = 'false';
}

/*
 * Every `CfnElement` records the stack trace of its creation as construct metadata
 * (`aws:cdk:creationStack`) unless the context key `aws:cdk:disable-creation-stack-traces` is set.
 * Under jest each trace goes through source-map-support (every frame mapped back to TypeScript):
 * about 20 % of a platform's synth CPU (bench/own-cost.ts profile, N = 1,000). No test reads that
 * metadata, so every `App` of the suite gets the key, through the environment variable `App` reads
 * context from (`CDK_CONTEXT_JSON`, which takes precedence over an app's own `context`). Set
 * `CDK_CONTEXT_JSON` yourself (`{}`) to run the suite with the traces.
 */
if (process.env.CDK_CONTEXT_JSON === undefined) {
  process.env.CDK_CONTEXT_JSON = JSON.stringify({ 'aws:cdk:disable-creation-stack-traces': true });
}
