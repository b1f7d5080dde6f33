import { IConstruct } from 'constructs';

// Constructs a part creates outside its own subtree, in another stack of the app (the log groups
// of a function defined in another stack live under that stack: LogGroupPlacement.FUNCTION_STACK),
// registered by the part that owns them so that what counts a part's resources (the synth summary)
// finds them too.

/** Per app root: each detached scope and the construct that owns it. */
const DETACHED = new WeakMap<IConstruct, Array<{ owner: IConstruct; scope: IConstruct }>>();

/** Records that `owner` created `scope` outside its own subtree. */
export function registerDetachedScope(owner: IConstruct, scope: IConstruct): void {
  const root = owner.node.root;
  const list = DETACHED.get(root) ?? [];
  DETACHED.set(root, list);
  list.push({ owner, scope });
}

/** The scopes created outside their subtree by `scope` or any construct below it. */
export function detachedScopesBelow(scope: IConstruct): IConstruct[] {
  const below = (owner: IConstruct) => owner === scope || owner.node.scopes.includes(scope);
  return (DETACHED.get(scope.node.root) ?? []).filter((d) => below(d.owner)).map((d) => d.scope);
}
