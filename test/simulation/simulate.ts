import { createRequire } from 'module';
import { anonymousPrincipal, runSimulation, Simulation } from '@cloud-copilot/iam-simulate';
import { ENV } from './cfn-model';
import { PolicyDocument } from './policies';

/** The outcome of a request: iam-simulate's three results. */
export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/** One request AWS makes on a delivery path, with the request context it sends. */
export interface PathRequest {
  /** The delivery path it belongs to (what a failure proof removes a statement for). */
  readonly path: string;
  /** What is requested, for failure messages. */
  readonly description: string;
  /** A principal ARN or service principal, or 'anonymous'. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The account owning the resource. */
  readonly resourceAccount?: string;
  readonly context: Record<string, string | string[]>;
  readonly resourcePolicy?: PolicyDocument;
  readonly identityPolicies?: { name: string; policy: PolicyDocument }[];
}

function simulation(req: PathRequest): Simulation {
  return {
    request: {
      principal: req.principal === 'anonymous' ? anonymousPrincipal : req.principal,
      action: req.action,
      resource: { resource: req.resource, accountId: req.resourceAccount ?? ENV.account },
      contextVariables: req.context,
    },
    identityPolicies: req.identityPolicies ?? [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: req.resourcePolicy,
  };
}

/**
 * iam-simulate's core evaluation engine and the classes it takes, loaded from the package's own
 * build (its package exports only the entry points). `runUnsafeSimulation` would be the public
 * way in, but in 0.1.173 it loads the resource policy without a name and then crashes reading it.
 */
const fromSimulate = createRequire(require.resolve('@cloud-copilot/iam-simulate'));
const core = {
  authorize: fromSimulate('./core_engine/CoreSimulatorEngine.js').authorize,
  AwsRequestImpl: fromSimulate('./request/request.js').AwsRequestImpl,
  RequestContextImpl: fromSimulate('./requestContext.js').RequestContextImpl,
  DiscoveryContextKeyConstraints: fromSimulate('./context_keys/discoveryContextKeyConstraints.js').DiscoveryContextKeyConstraints,
  loadPolicy: fromSimulate('@cloud-copilot/iam-policy').loadPolicy,
};

/**
 * Policies loaded by iam-simulate, per policy document and name: the same key or topic policy is
 * met by thousands of requests (three per encrypted log group), and loading it is a large share of
 * a decision. The engine only reads a loaded policy.
 */
const loaded = new WeakMap<object, Map<string, unknown>>();
function load(policy: PolicyDocument, name: string): unknown {
  let byName = loaded.get(policy);
  if (!byName) loaded.set(policy, byName = new Map());
  if (!byName.has(name)) byName.set(name, core.loadPolicy(policy, { name }));
  return byName.get(name);
}

/**
 * Evaluates a request with iam-simulate's core engine, which keeps every context key as given.
 * Its validated entry point (`runSimulation`) drops keys it does not list for the action,
 * `kms:EncryptionContext:*` among them, which would make every encryption-context condition look
 * unmet (see AWS-FACTS.md).
 */
export function decide(req: PathRequest): Decision {
  const sim = simulation(req);
  const analysis = core.authorize({
    request: new core.AwsRequestImpl(sim.request.principal, sim.request.resource, sim.request.action,
      new core.RequestContextImpl(sim.request.contextVariables)),
    sessionPolicy: undefined,
    identityPolicies: sim.identityPolicies.map((p) => load(p.policy, p.name)),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: sim.resourcePolicy ? load(sim.resourcePolicy, 'resource-policy') : undefined,
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new core.DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: { blockPublicAccess: undefined } },
  });
  return analysis.result as Decision;
}

/**
 * Checks what the core engine does not: that the action exists, the resource ARN is of a type the
 * action takes, and the policies are valid IAM (through the validated entry point). A typo in a
 * test's action or ARN must fail the test, not evaluate to a meaningless Denied.
 */
export async function validate(req: PathRequest): Promise<void> {
  const result = await runSimulation(simulation(req), {});
  if (result.resultType === 'error') {
    throw new Error(`${req.description}: iam-simulate rejects the request: ${JSON.stringify(result.errors)}`);
  }
}

/**
 * The resource as far as its type goes: without its last name segment, and for an S3 object
 * without its key (every key of a bucket is the same `object` resource type, and the trail writes
 * under one prefix per Region: 70 shapes of one kind per platform otherwise).
 */
function resourceShape(resource: string): string {
  return resource.startsWith('arn:aws:s3:::') ? resource.replace(/\/.*$/, '/') : resource.replace(/[^:/]+$/, '');
}

/** Validates (once per action, resource shape and policy set) and decides every request. */
export async function decideAll(requests: PathRequest[]): Promise<{ req: PathRequest; decision: Decision }[]> {
  const validated = new Set<string>();
  const out: { req: PathRequest; decision: Decision }[] = [];
  for (const req of requests) {
    const shape = JSON.stringify([req.action, req.principal === 'anonymous', resourceShape(req.resource),
      req.resourcePolicy, req.identityPolicies]);
    if (!validated.has(shape)) {
      await validate(req);
      validated.add(shape);
    }
    out.push({ req, decision: decide(req) });
  }
  return out;
}
