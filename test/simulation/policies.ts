import { CfnResource, CfnTemplate, resourcesOf } from './cfn-model';

/** Where a policy statement lives: the resource type, its logical id and which document. */
export interface StatementLocation {
  readonly type: string;
  readonly logicalId: string;
  readonly document: 'KeyPolicy' | 'PolicyDocument' | 'AssumeRolePolicyDocument' | 'Policies';
}

/**
 * Rewrites or drops a statement before it is evaluated: returns the statement to keep (possibly
 * changed) or undefined to remove it. Lets a test take one statement out of the synthesized
 * templates and watch its delivery path turn Denied.
 */
export type StatementEdit = (location: StatementLocation, statement: any) => any | undefined;

/** A role: its name, trust policy and every identity policy attached to it. */
export interface RoleModel {
  readonly name: string;
  readonly trust: PolicyDocument;
  readonly identityPolicies: { name: string; policy: PolicyDocument }[];
}

/** A resolved policy document. */
export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: any[];
}

/** The resolved resource policies and identity policies of a set of templates. */
export class PolicyModel {
  private readonly cache = new Map<string, unknown>();

  constructor(
    public readonly templates: CfnTemplate[],
    private readonly edit: StatementEdit = (_, s) => s,
    /** Policies of keys outside the templates (an imported key), by key id. */
    private readonly externalKeyPolicies: Record<string, PolicyDocument> = {},
  ) {}

  /** Resolving a policy is the slow part of building thousands of requests: once per model. */
  private cached<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }

  /** The same templates with one more statement edit applied. */
  public withEdit(edit: StatementEdit): PolicyModel {
    return new PolicyModel(this.templates, (loc, st) => {
      const kept = this.edit(loc, st);
      return kept === undefined ? undefined : edit(loc, kept);
    }, this.externalKeyPolicies);
  }

  /** The same templates, with the policy of a key that is not in them (e.g. an imported key). */
  public withExternalKeyPolicy(keyId: string, policy: PolicyDocument): PolicyModel {
    return new PolicyModel(this.templates, this.edit, { ...this.externalKeyPolicies, [keyId]: policy });
  }

  /**
   * Every Allow statement naming a service principal in the resource and trust policies of the
   * templates (and of external keys), with where it lives.
   */
  public serviceStatements(): { location: StatementLocation; statement: any }[] {
    const out: { location: StatementLocation; statement: any }[] = [];
    const collect = (r: CfnResource | { type: string; logicalId: string }, document: StatementLocation['document'], doc: any) => {
      for (const statement of ([] as any[]).concat(doc?.Statement ?? [])) {
        if (statement.Effect === 'Allow' && servicePrincipals(statement).length) out.push({ location: { type: r.type, logicalId: r.logicalId, document }, statement });
      }
    };
    for (const r of this.resources('AWS::KMS::Key')) collect(r, 'KeyPolicy', r.template.props(r.logicalId).KeyPolicy);
    for (const [id, doc] of Object.entries(this.externalKeyPolicies)) collect({ type: 'AWS::KMS::Key', logicalId: id }, 'KeyPolicy', doc);
    for (const type of ['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy']) {
      for (const r of this.resources(type)) collect(r, 'PolicyDocument', r.template.props(r.logicalId).PolicyDocument);
    }
    for (const r of this.resources('AWS::Logs::ResourcePolicy')) {
      const text = r.template.props(r.logicalId).PolicyDocument;
      collect(r, 'PolicyDocument', typeof text === 'string' ? JSON.parse(text) : text);
    }
    for (const r of this.resources('AWS::IAM::Role')) collect(r, 'AssumeRolePolicyDocument', r.template.props(r.logicalId).AssumeRolePolicyDocument);
    return out;
  }

  public resources(type: string): CfnResource[] {
    return resourcesOf(this.templates, type);
  }

  /** The key policy of the key with this ARN (or key id), if the key is in the templates. */
  public keyPolicy(keyArnOrId: string): PolicyDocument | undefined {
    return this.cached(`keyPolicy:${keyArnOrId}`, () => this.keyPolicyUncached(keyArnOrId));
  }

  private keyPolicyUncached(keyArnOrId: string): PolicyDocument | undefined {
    const keyId = keyArnOrId.split('/').pop()!;
    if (this.externalKeyPolicies[keyId]) {
      return this.document({ type: 'AWS::KMS::Key', logicalId: keyId } as CfnResource, 'KeyPolicy', this.externalKeyPolicies[keyId]);
    }
    const key = this.resources('AWS::KMS::Key').find((k) => {
      const arn = k.template.resolve({ 'Fn::GetAtt': [k.logicalId, 'Arn'] });
      return arn === keyArnOrId || arn.endsWith(`/${keyArnOrId}`);
    });
    return key && this.document(key, 'KeyPolicy', key.template.props(key.logicalId).KeyPolicy);
  }

  /** The bucket policy of the bucket with this name. */
  public bucketPolicy(bucketName: string): PolicyDocument | undefined {
    return this.cached(`bucketPolicy:${bucketName}`, () => this.bucketPolicyUncached(bucketName));
  }

  private bucketPolicyUncached(bucketName: string): PolicyDocument | undefined {
    const policy = this.resources('AWS::S3::BucketPolicy').find((p) => p.template.props(p.logicalId).Bucket === bucketName);
    return policy && this.document(policy, 'PolicyDocument', policy.template.props(policy.logicalId).PolicyDocument);
  }

  /** The topic policy covering the topic with this ARN. */
  public topicPolicy(topicArn: string): PolicyDocument | undefined {
    return this.cached(`topicPolicy:${topicArn}`, () => this.topicPolicyUncached(topicArn));
  }

  private topicPolicyUncached(topicArn: string): PolicyDocument | undefined {
    const policy = this.resources('AWS::SNS::TopicPolicy').find((p) => p.template.props(p.logicalId).Topics.includes(topicArn));
    return policy && this.document(policy, 'PolicyDocument', policy.template.props(policy.logicalId).PolicyDocument);
  }

  /**
   * Every CloudWatch Logs resource policy of the account and region, merged: CloudWatch Logs
   * evaluates all of them for a delivery to a log group.
   */
  public logsResourcePolicy(): PolicyDocument {
    return this.cached('logs', () => this.logsResourcePolicyUncached());
  }

  private logsResourcePolicyUncached(): PolicyDocument {
    const statements = this.resources('AWS::Logs::ResourcePolicy').flatMap((p) => {
      const text = p.template.props(p.logicalId).PolicyDocument;
      return this.document(p, 'PolicyDocument', typeof text === 'string' ? JSON.parse(text) : text).Statement;
    });
    return { Version: '2012-10-17', Statement: statements };
  }

  /** A role by its ARN: its trust policy and every identity policy attached to it. */
  public role(roleArn: string): RoleModel {
    return this.cached(`role:${roleArn}`, () => this.roleUncached(roleArn));
  }

  private roleUncached(roleArn: string): RoleModel {
    const role = this.resources('AWS::IAM::Role').find((r) => r.template.resolve({ 'Fn::GetAtt': [r.logicalId, 'Arn'] }) === roleArn);
    if (!role) throw new Error(`no role ${roleArn} in the templates`);
    const props = role.template.props(role.logicalId);
    const name = role.template.resolve({ Ref: role.logicalId });
    const identityPolicies: { name: string; policy: PolicyDocument }[] = [];
    for (const inline of props.Policies ?? []) {
      identityPolicies.push({ name: inline.PolicyName, policy: this.document(role, 'Policies', inline.PolicyDocument) });
    }
    for (const p of this.resources('AWS::IAM::Policy')) {
      const pp = p.template.props(p.logicalId);
      if ((pp.Roles ?? []).includes(name)) identityPolicies.push({ name: p.logicalId, policy: this.document(p, 'PolicyDocument', pp.PolicyDocument) });
    }
    for (const p of this.resources('AWS::IAM::ManagedPolicy')) {
      const pp = p.template.props(p.logicalId);
      const arn = p.template.resolve({ Ref: p.logicalId });
      if ((pp.Roles ?? []).includes(name) || (props.ManagedPolicyArns ?? []).includes(arn)) {
        identityPolicies.push({ name: p.logicalId, policy: this.document(p, 'PolicyDocument', pp.PolicyDocument) });
      }
    }
    return { name, trust: this.document(role, 'AssumeRolePolicyDocument', props.AssumeRolePolicyDocument), identityPolicies };
  }

  /** The policy document of a managed policy of the templates (edits applied). */
  public managedPolicyDocument(policy: CfnResource): PolicyDocument {
    return this.document(policy, 'PolicyDocument', policy.template.props(policy.logicalId).PolicyDocument);
  }

  private document(r: CfnResource, document: StatementLocation['document'], doc: any): PolicyDocument {
    const location = { type: r.type, logicalId: r.logicalId, document };
    const statements = ([] as any[]).concat(doc?.Statement ?? []).map((st) => this.edit(location, st)).filter((st) => st !== undefined);
    return { ...doc, Statement: statements };
  }
}

/** The service principals a statement names. */
export function servicePrincipals(statement: any): string[] {
  return ([] as string[]).concat(statement.Principal?.Service ?? []);
}

/** An edit that removes the statement with this Sid from resources of this type. */
export function withoutSid(type: string, sid: string): StatementEdit {
  return (loc, st) => (loc.type === type && st.Sid === sid ? undefined : st);
}

/**
 * An edit that removes a service principal from every statement of a resource type (and the
 * statement if it was its only principal), e.g. `cloudtrail.amazonaws.com` from a role's trust policy.
 */
export function withoutServicePrincipal(type: string, service: string, document?: StatementLocation['document']): StatementEdit {
  return (loc, st) => {
    if (loc.type !== type || (document && loc.document !== document) || !servicePrincipals(st).includes(service)) return st;
    const rest = servicePrincipals(st).filter((s) => s !== service);
    return rest.length === 0 ? undefined : { ...st, Principal: { ...st.Principal, Service: rest } };
  };
}
