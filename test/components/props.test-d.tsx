import { useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentProps, ComponentRef, MouseEventHandler } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import { createRefoldQueries, refoldQueries, useConfigDraft } from '../../src/index.js';
import type * as Refold from '../../src/index.js';

describe('component refs and props', () => {
  it('forwards each ref to its root element', () => {
    expectTypeOf<ComponentRef<typeof Refold.AppList>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof Refold.AppCard>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof Refold.ConnectionStatus>>().toEqualTypeOf<HTMLElement>();
    expectTypeOf<ComponentRef<typeof Refold.AuthForm>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof Refold.ConnectButton>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof Refold.DisconnectButton>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof Refold.ConnectDialog>>().toEqualTypeOf<HTMLDialogElement>();
    expectTypeOf<ComponentRef<typeof Refold.ConfigForm>>().toEqualTypeOf<HTMLFormElement>();
    expectTypeOf<ComponentRef<typeof Refold.ExecutionList>>().toEqualTypeOf<HTMLDivElement>();
  });

  it('takes the root element’s attributes beside its own props, own ones winning', () => {
    expectTypeOf<ComponentProps<typeof Refold.ConnectButton>>()
      .toHaveProperty('onClick')
      .toEqualTypeOf<MouseEventHandler<HTMLDivElement> | undefined>();
    expectTypeOf<ComponentProps<typeof Refold.AppCard>>().toHaveProperty('aria-label');
    expectTypeOf<ComponentProps<typeof Refold.ConfigForm>>().toHaveProperty('onSubmit');
    expectTypeOf<ComponentProps<typeof Refold.ConnectDialog>>().toHaveProperty('onKeyDown');
    // AppList's own onSelect (an app was picked) replaces the DOM's `select` event handler.
    expectTypeOf<ComponentProps<typeof Refold.AppList>>()
      .toHaveProperty('onSelect')
      .toEqualTypeOf<((app: Refold.Application) => void) | undefined>();
    expectTypeOf<ComponentProps<typeof Refold.AuthForm>>().not.toHaveProperty('children');
  });

  it('makes dialogs controlled or uncontrolled', () => {
    for (const props of [
      {} as ComponentProps<typeof Refold.ConnectDialog>,
      {} as ComponentProps<typeof Refold.DisconnectButton>,
    ]) {
      expectTypeOf(props.open).toEqualTypeOf<boolean | undefined>();
      expectTypeOf(props.defaultOpen).toEqualTypeOf<boolean | undefined>();
      expectTypeOf(props.onOpenChange).toEqualTypeOf<((open: boolean) => void) | undefined>();
    }
  });

  it('types the headless config draft', () => {
    expectTypeOf(useConfigDraft).returns.toEqualTypeOf<Refold.ConfigDraft>();
    expectTypeOf<Refold.ConfigDraft['body']>().returns.toEqualTypeOf<Refold.UpdateConfigInput>();
  });
});

describe('query factories', () => {
  const context = { client: {} as Refold.RefoldClient, scope: 'customer', queryClient: {} as QueryClient };

  it('carry the data and error types into useSuspenseQuery and the cache', () => {
    const options = refoldQueries.applications(context);
    expectTypeOf(useSuspenseQuery(options).data).toEqualTypeOf<Refold.Application[]>();
    expectTypeOf(useSuspenseQuery(options).error).toEqualTypeOf<Refold.RefoldError | null>();
    expectTypeOf(context.queryClient.getQueryData(options.queryKey)).toEqualTypeOf<
      Refold.Application[] | undefined
    >();
  });

  it('bind the context: the same factories without it, plus the QueryClient', () => {
    const refold = createRefoldQueries(context);
    expectTypeOf(refold).toEqualTypeOf<Refold.RefoldQueries>();
    expectTypeOf(refold.application).parameters.toEqualTypeOf<[slug: string]>();
    expectTypeOf(refold.config({ slug: 'hubspot' })).toEqualTypeOf<ReturnType<typeof refoldQueries.config>>();
    expectTypeOf(refold.queryClient).toEqualTypeOf<QueryClient>();
  });
});
