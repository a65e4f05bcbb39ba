import { Alert, Button, Text } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { SSO_ERRORS } from "../../../contracts/sso";
import { get } from "../../lib/api";

type Lookup = { organisationId: string | null };

/**
 * "Sign in with SSO": finds the organisation that signs in the typed email's domain with single
 * sign-on and goes to its provider. A refused SSO sign-in comes back here with `?sso_error=`, shown
 * as a sentence.
 */
export function SsoSignIn({ email }: { email: string }) {
  const [params] = useSearchParams();
  const [note, setNote] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const code = params.get("sso_error");
  const returned = code ? (SSO_ERRORS[code as keyof typeof SSO_ERRORS] ?? SSO_ERRORS.failed) : null;
  const start = async () => {
    if (!email.includes("@")) {
      setNote("Enter your work email first, then choose Sign in with SSO.");
      return;
    }
    setPending(true);
    try {
      const found = await get<Lookup>(`/auth/sso/lookup?email=${encodeURIComponent(email.trim())}`);
      if (!found.organisationId) {
        setNote("Single sign-on is not set up for that email's domain: sign in with your password.");
        return;
      }
      window.location.assign(`/api/v1/auth/sso/start?organisationId=${found.organisationId}`);
    } catch {
      setNote("Tandem could not check single sign-on just now; try again.");
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      {returned && (
        <Alert color="red" title="Single sign-on did not sign you in">
          {returned}
        </Alert>
      )}
      <Button variant="default" onClick={start} loading={pending}>
        Sign in with SSO
      </Button>
      {note && (
        <Text size="sm" role="status">
          {note}
        </Text>
      )}
    </>
  );
}
