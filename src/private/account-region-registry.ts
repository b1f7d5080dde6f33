import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * What an unresolved account or Region (an environment-agnostic stack) shares with: every other such
 * stack of the app (`DEPLOY_ACCOUNT`: they are taken to deploy to one account and Region), or none
 * (`OWN_STACK`: each such stack has its own entry).
 */
export enum AgnosticStacks {
  DEPLOY_ACCOUNT = 'deploy-account',
  OWN_STACK = 'own-stack',
}

/**
 * Resources AWS allows once per account and Region (a service log group, a shared resource policy)
 * that the first platform of an app creates and the others there reuse: one entry per app, account,
 * Region and name. The first registration wins. Not part of the public API.
 */
export class AccountRegionRegistry<T> {
  private readonly byApp = new WeakMap<IConstruct, Map<string, T>>();

  constructor(private readonly agnostic: AgnosticStacks) {}

  /** What a platform of this app registered under `name` for the account and Region `scope` deploys to. */
  public get(scope: IConstruct, name: string): T | undefined {
    return this.byApp.get(scope.node.root)?.get(this.key(scope, name));
  }

  /** Records `value` under `name` for the account and Region `scope` deploys to, unless one is there already. */
  public register(scope: IConstruct, name: string, value: T): void {
    const root = scope.node.root;
    const entries = this.byApp.get(root) ?? new Map<string, T>();
    this.byApp.set(root, entries);
    const key = this.key(scope, name);
    if (!entries.has(key)) entries.set(key, value);
  }

  private key(scope: IConstruct, name: string): string {
    const stack = Stack.of(scope);
    const agnostic = Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region);
    if (agnostic && this.agnostic === AgnosticStacks.OWN_STACK) return `stack:${stack.node.path}|${name}`;
    const literal = (v: string) => (Token.isUnresolved(v) ? '<deploy>' : v);
    return `${literal(stack.account)}|${literal(stack.region)}|${name}`;
  }
}
