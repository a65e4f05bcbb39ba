import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link, Navigate } from "react-router";
import { Loading } from "../../components/Loading";
import { api } from "../../lib/api";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { mayPublish, useAgreementCompliance } from "./api";
import { ComplianceReport } from "./ComplianceReport";

/** Admin, hr and owners: who has acknowledged the current version of the agreement, and when. */
export function CompliancePage() {
  const viewer = useViewer();
  const allowed = mayPublish(viewer.person.role);
  const compliance = useAgreementCompliance(allowed);
  const people = usePeople();
  if (!allowed) return <Navigate to="/agreement" replace />;
  return (
    <Stack>
      <Anchor component={Link} to="/agreement" size="sm">
        ← Working agreement
      </Anchor>
      <Title order={1} size="h2">
        Acknowledgements
      </Title>
      <Text c="dimmed">
        Who has read and acknowledged the current working agreement. Times are in your zone ({viewer.zone}). A
        change to a team's rules asks that team again. Each policy has its own list on{" "}
        <Anchor component={Link} to="/agreement/policies" inherit underline="always">
          its page
        </Anchor>
        .
      </Text>
      {compliance.data && people.data ? (
        <ComplianceReport
          compliance={compliance.data}
          people={people.data}
          zone={viewer.zone}
          what="the working agreement"
          remind={(input) => api<{ reminded: number }>("POST", "/agreement/compliance/remind", input)}
        />
      ) : (
        <Loading error={compliance.error ?? people.error} />
      )}
    </Stack>
  );
}
