import { useConnect } from '../../src/react/useConnect.js';

/** Starts a key-based connect of Zendesk from a button, as a ConnectButton would. */
export function ConnectZendesk() {
  const { connect } = useConnect('zendesk');
  return (
    <button
      type="button"
      onClick={() => void connect({ subdomain: 'acme', email: 'agent@acme.example', api_token: 'secret' })}
    >
      Connect Zendesk
    </button>
  );
}
