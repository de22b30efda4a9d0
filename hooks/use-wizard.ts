// Joins the wizard reducer to the service: when the reducer reaches `submitting`, send the request;
// the answer (with its one-time secret) is kept in component state, and held in the
// unsaved-secrets registry from the moment it arrives until the secret screen releases it.
import { useEffect, useReducer, useRef, useState } from 'react';
import type { AppContext } from '../src/app-context.js';
import type { Credential } from '../src/model/credential.js';
import type { Organisation } from '../src/identity/types.js';
import { initialWizard, wizardReducer, ownerOf } from '../src/tui/wizard-state.js';
import { currentHmacOf, submissionOf } from '../src/tui/wizard-submit.js';
import { describeFailure } from '../src/tui/wizard-failure.js';
import { holdOneTimeSecret, type OneTimeSecret } from '../src/tui/wizard-secret.js';

export function useWizard(ctx: AppContext, organisation: Organisation, prefill: Credential | undefined) {
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialWizard(organisation, ctx.now(), prefill));
  const [created, setCreated] = useState<OneTimeSecret | null>(null);
  const sending = useRef(false);
  const release = useRef<() => void>(() => {});

  useEffect(() => {
    if (state.step !== 'submitting' || sending.current) return;
    sending.current = true;
    const sub = submissionOf(state, ctx.now());
    const ownerName = ownerOf(state).userName;
    const staleProfiles = currentHmacOf(state)?.profiles ?? [];
    const request = sub.kind === 'hmac'
      ? ctx.service.generateHmac(sub.userId).then((g): OneTimeSecret => ({
          kind: 'hmac', id: g.apiId, secret: g.apiSecret, name: null, ownerName: g.owner.userName || ownerName, expiresAt: g.expiresAt, staleProfiles,
        }))
      : ctx.service.createOAuthClient(sub.input).then((r): OneTimeSecret => ({
          kind: 'oauth', id: r.client.id || r.secret.clientId, secret: r.secret.clientSecret, secretId: r.secret.secretId,
          name: r.client.name ?? sub.input.name, ownerName: r.client.owner.userName || ownerName, expiresAt: r.secret.expiresAt ?? r.client.expiresAt,
        }));
    // No abort on unmount: once sent, the answer holds a secret that exists nowhere else.
    request.then(
      (secret) => {
        release.current = holdOneTimeSecret(secret);
        sending.current = false;
        setCreated(secret);
      },
      (err: unknown) => { sending.current = false; dispatch({ type: 'failed', failure: describeFailure(err) }); },
    );
  }, [state.step]); // sends once, on entering the submitting step (the draft is final by then)

  return { state, dispatch, created, release: () => release.current() };
}
