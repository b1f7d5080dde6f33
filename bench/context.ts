// The feature flags of every benchmark app, in a module of its own: the cold-start child process
// of the empty stack reads them without loading the library (bench/cold-synth.ts).

/** The feature flags the README tells users to set (the tests use them too). */
export const BENCH_CONTEXT = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/** The benchmark's account and region. */
export const BENCH_STACK_ENV = { account: '123456789012', region: 'eu-west-1' };
