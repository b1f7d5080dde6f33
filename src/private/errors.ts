import { IConstruct } from 'constructs';

/**
 * An error raised at synth for bad input, naming the construct that received it.
 *
 * aws-cdk-lib's own `ValidationError` is internal, so we prefix the construct path the same way.
 */
export function validationError(scope: IConstruct, message: string): Error {
  const error = new Error(`${message}\n    (at ${scope.node.path})`);
  error.name = 'ValidationError';
  return error;
}
