import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACCOUNT_ID } from '../private/account-identifiers';
import { validationError } from '../private/errors';
import { checkIdentifier } from '../private/identifiers';
import { checkNonEmptyString } from '../private/input-checks';

/*
 * Checks of the `account` / `region` of monitored resources in other (source) accounts. Not part
 * of the public API.
 */

/** A monitored resource that may be in another account or Region. */
export interface Located {
  readonly account?: string;
  readonly region?: string;
}

// AWS General Reference, "AWS Regions": codes such as eu-west-1, us-gov-west-1, ap-southeast-5.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Throws unless `account` is a 12-digit ID and `region` a Region code (each when set; tokens pass). */
export function checkLocation(scope: IConstruct, propName: string, resource: Located): void {
  if (resource.account !== undefined) checkIdentifier(scope, `${propName}.account`, resource.account, ACCOUNT_ID);
  if (resource.region !== undefined) {
    checkNonEmptyString(scope, `${propName}.region`, resource.region, 'Region code');
    if (!Token.isUnresolved(resource.region) && !REGION.test(resource.region)) {
      throw validationError(scope, `${propName}.region ${JSON.stringify(resource.region)} is not a Region code (e.g. "eu-west-1"): `
        + 'metrics are read from that Region, so its graphs and alarms would never see data.');
    }
  }
}

/** `<account>/<region>/` of a resource in another account or Region (for duplicate checks), or ''. */
export function locationKey(resource: Located): string {
  return resource.account !== undefined || resource.region !== undefined ? `${resource.account ?? ''}/${resource.region ?? ''}/` : '';
}
