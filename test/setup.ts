/*
 * Runs before every test file (jest `setupFiles`, in .projenrc.ts).
 *
 * aws-cdk-lib validates every synthesized template against CloudFormation's schemas and rules
 * (`@aws/cloudformation-validate`) unless `CDK_VALIDATION=false`. Loading that engine costs seconds
 * in each test file (each jest worker file is a fresh module registry), about half of the suite's
 * CPU. Unit suites assert on templates, not on that report, so it is off here; the canonical
 * assemblies (stacks and nested templates) are validated once, in test/cfn-validation.test.ts,
 * which turns it back on. Run every suite with validation: `CDK_VALIDATION=true npx jest`.
 */
if (process.env.CDK_VALIDATION === undefined) {
  process.env.CDK_VALIDATION = 'false';
}
