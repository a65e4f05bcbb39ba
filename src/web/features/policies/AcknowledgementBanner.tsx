import { Alert, Anchor, List, Text } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { useMyPendingAgreement } from "../agreement";
import { useMyPendingPolicies } from "./api";

/**
 * On every signed-in page while the viewer has something to acknowledge: the working agreement's
 * current version and any policy's. Hidden on the page that offers the acknowledgement itself.
 */
export function AcknowledgementBanner() {
  const { pathname } = useLocation();
  const agreement = useMyPendingAgreement();
  const policies = useMyPendingPolicies();
  const lines: { key: string; to: string; text: string }[] = [];
  if (agreement.data && pathname !== "/agreement") {
    const { version } = agreement.data;
    lines.push({
      key: "agreement",
      to: "/agreement#acknowledge",
      text:
        version === 1
          ? "Please read the working agreement (version 1) and acknowledge it"
          : `The working agreement changed (version ${version}) — read and acknowledge`,
    });
  }
  for (const policy of policies.data ?? []) {
    const to = `/agreement/policies/${policy.id}`;
    if (pathname === to) continue;
    lines.push({
      key: policy.id,
      to: `${to}#acknowledge`,
      text:
        policy.version === 1
          ? `New policy: ${policy.title} — read and acknowledge`
          : `${policy.title} changed (version ${policy.version}) — read and acknowledge`,
    });
  }
  if (lines.length === 0) return null;
  return (
    <Alert role="region" aria-label="Waiting for your acknowledgement" color="yellow" mb="md" variant="light">
      {lines.length === 1 ? (
        <Text size="sm">
          <Anchor component={Link} to={lines[0]?.to ?? "/agreement"} inherit underline="always" fw={600}>
            {lines[0]?.text}
          </Anchor>
        </Text>
      ) : (
        <>
          <Text size="sm" fw={600} mb={4}>
            Waiting for your acknowledgement:
          </Text>
          <List size="sm">
            {lines.map((line) => (
              <List.Item key={line.key}>
                <Anchor component={Link} to={line.to} inherit underline="always">
                  {line.text}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
