/**
 * A component's props: its own, plus every attribute of its root element (`Attributes`, e.g.
 * `HTMLAttributes<HTMLDivElement>`) that it does not define itself. The extra attributes are spread on the
 * root; children are the component's own. @internal
 */
export type WithRootProps<Own, Attributes> = Own & Omit<Attributes, keyof Own | 'children'>;
