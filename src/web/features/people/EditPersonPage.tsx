import { Anchor, Stack, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { Loading } from "../../components/Loading";
import { usePerson } from "../../lib/resources";
import { ProfileEditor } from "./ProfileEditor";

/** An admin or hr editing someone else's profile, pattern, absences and travel. */
export function EditPersonPage() {
  const { id = "" } = useParams();
  const person = usePerson(id);
  return (
    <Stack>
      <Anchor component={Link} to={`/team/people/${id}`} size="sm">
        ← Back to {person.data?.name ?? "person"}
      </Anchor>
      <Title order={1} size="h2">
        Edit {person.data?.name ?? ""}
      </Title>
      {person.data ? <ProfileEditor person={person.data} /> : <Loading error={person.error} />}
    </Stack>
  );
}
