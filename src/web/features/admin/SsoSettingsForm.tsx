import { Checkbox, Code, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { SsoView } from "../../../contracts/sso";
import { FormSection } from "../../components/FormSection";
import { errorUnder, fieldErrors, useAction } from "../../lib/action";
import { saveSsoSettings, ssoKey } from "./sso-api";

const CALLBACK = "/api/v1/auth/sso/callback";

/**
 * Admins: the organisation's OpenID Connect provider. The client secret is never shown again once
 * saved; leaving the field empty keeps it. "Required" turns passwords off for everyone but owners.
 */
export function SsoSettingsForm({ sso }: { sso: SsoView | null }) {
  const [issuer, setIssuer] = useState(sso?.issuer ?? "");
  const [clientId, setClientId] = useState(sso?.clientId ?? "");
  const [secret, setSecret] = useState("");
  const [domains, setDomains] = useState((sso?.domains ?? []).join(", "));
  const [required, setRequired] = useState(sso?.required ?? false);
  const [justInTime, setJustInTime] = useState(sso?.justInTime ?? false);
  const save = useAction(saveSsoSettings, {
    refresh: [ssoKey],
    done: "Single sign-on settings saved",
    onDone: () => setSecret(""),
  });
  const errors = fieldErrors(save.error);
  const submit = {
    isPending: save.isPending,
    error: save.error,
    mutate: () =>
      save.mutate({
        issuer,
        clientId,
        ...(secret ? { clientSecret: secret } : {}),
        domains: domains
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        required,
        justInTime,
      }),
  };
  return (
    <FormSection
      id="sso"
      title="Single sign-on"
      intro="Let people sign in with your organisation's identity provider (OpenID Connect)."
      action="Save single sign-on"
      save={submit}
    >
      <Stack gap="sm">
        <Text size="sm">
          Register this redirect address with your provider:{" "}
          <Code>{sso?.redirectUri ?? `${window.location.origin}${CALLBACK}`}</Code>
        </Text>
        <TextInput
          label="Issuer"
          description="The provider's address, such as https://login.example.org"
          required
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
          error={errors.issuer}
        />
        <TextInput
          label="Client ID"
          required
          value={clientId}
          onChange={(e) => setClientId(e.currentTarget.value)}
          error={errors.clientId}
        />
        <PasswordInput
          label="Client secret"
          description={
            sso?.hasSecret
              ? "Saved — enter a new one to replace it; leave empty to keep it"
              : "Kept encrypted and never shown again"
          }
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={errors.clientSecret}
        />
        <TextInput
          label="Email domains"
          description="Separated by commas, such as example.org, example.com"
          value={domains}
          onChange={(e) => setDomains(e.currentTarget.value)}
          error={errorUnder(errors, "domains")}
        />
        <Checkbox
          label="Create accounts just in time"
          description="Someone of these domains without a Tandem account gets one (role member) on first sign-in; otherwise only invited people can sign in"
          checked={justInTime}
          onChange={(e) => setJustInTime(e.currentTarget.checked)}
        />
        <Checkbox
          label="Require single sign-on"
          description="Turns passwords off for everyone except owners, who keep theirs as a way in if the provider fails"
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
      </Stack>
    </FormSection>
  );
}
