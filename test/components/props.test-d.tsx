import { useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentProps, ComponentRef, MouseEventHandler } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import {
  AppCard,
  AppList,
  AuthForm,
  ConfigForm,
  ConnectButton,
  ConnectDialog,
  ConnectionStatus,
  DisconnectButton,
  ExecutionList,
  createRefoldQueries,
  refoldQueries,
  useConfigDraft,
} from '../../src/index.js';
import type {
  Application,
  ConfigDraft,
  RefoldClient,
  RefoldError,
  RefoldQueries,
  UpdateConfigInput,
} from '../../src/index.js';

describe('component refs and props', () => {
  it('forwards each ref to its root element', () => {
    expectTypeOf<ComponentRef<typeof AppList>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof AppCard>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof ConnectionStatus>>().toEqualTypeOf<HTMLElement>();
    expectTypeOf<ComponentRef<typeof AuthForm>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof ConnectButton>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof DisconnectButton>>().toEqualTypeOf<HTMLDivElement>();
    expectTypeOf<ComponentRef<typeof ConnectDialog>>().toEqualTypeOf<HTMLDialogElement>();
    expectTypeOf<ComponentRef<typeof ConfigForm>>().toEqualTypeOf<HTMLFormElement>();
    expectTypeOf<ComponentRef<typeof ExecutionList>>().toEqualTypeOf<HTMLDivElement>();
  });

  it('takes the root element’s attributes beside its own props, own ones winning', () => {
    expectTypeOf<ComponentProps<typeof ConnectButton>>()
      .toHaveProperty('onClick')
      .toEqualTypeOf<MouseEventHandler<HTMLDivElement> | undefined>();
    expectTypeOf<ComponentProps<typeof AppCard>>().toHaveProperty('aria-label');
    expectTypeOf<ComponentProps<typeof ConfigForm>>().toHaveProperty('onSubmit');
    expectTypeOf<ComponentProps<typeof ConnectDialog>>().toHaveProperty('onKeyDown');
    // AppList's own onSelect (an app was picked) replaces the DOM's `select` event handler.
    expectTypeOf<ComponentProps<typeof AppList>>()
      .toHaveProperty('onSelect')
      .toEqualTypeOf<((app: Application) => void) | undefined>();
    expectTypeOf<ComponentProps<typeof AuthForm>>().not.toHaveProperty('children');
  });

  it('makes dialogs controlled or uncontrolled', () => {
    for (const props of [
      {} as ComponentProps<typeof ConnectDialog>,
      {} as ComponentProps<typeof DisconnectButton>,
    ]) {
      expectTypeOf(props.open).toEqualTypeOf<boolean | undefined>();
      expectTypeOf(props.defaultOpen).toEqualTypeOf<boolean | undefined>();
      expectTypeOf(props.onOpenChange).toEqualTypeOf<((open: boolean) => void) | undefined>();
    }
  });

  it('types the headless config draft', () => {
    expectTypeOf(useConfigDraft).returns.toEqualTypeOf<ConfigDraft>();
    expectTypeOf<ConfigDraft['body']>().returns.toEqualTypeOf<UpdateConfigInput>();
  });
});

describe('query factories', () => {
  const context = { client: {} as RefoldClient, scope: 'customer', queryClient: {} as QueryClient };

  it('carry the data and error types into useSuspenseQuery and the cache', () => {
    const options = refoldQueries.applications(context);
    expectTypeOf(useSuspenseQuery(options).data).toEqualTypeOf<Application[]>();
    expectTypeOf(useSuspenseQuery(options).error).toEqualTypeOf<RefoldError | null>();
    expectTypeOf(context.queryClient.getQueryData(options.queryKey)).toEqualTypeOf<
      Application[] | undefined
    >();
  });

  it('bind the context: the same factories without it, plus the QueryClient', () => {
    const refold = createRefoldQueries(context);
    expectTypeOf(refold).toEqualTypeOf<RefoldQueries>();
    expectTypeOf(refold.application).parameters.toEqualTypeOf<[slug: string]>();
    expectTypeOf(refold.config({ slug: 'hubspot' })).toEqualTypeOf<ReturnType<typeof refoldQueries.config>>();
    expectTypeOf(refold.queryClient).toEqualTypeOf<QueryClient>();
  });
});
