import { Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { BlockerView } from "../../../contracts/checkins";
import type { TeamView } from "../../../contracts/teams";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useBlockers } from "./api";
import { BlockerList } from "./digest/BlockerList";

/**
 * `/checkins/blockers`: open blockers waiting on me, the ones I raised, and, for each team I lead,
 * its open blockers. Resolving one refreshes every list (they share the "blockers" key).
 */
export function BlockersPage() {
  const viewer = useViewer();
  const teams = useTeams();
  const led = (teams.data ?? []).filter((t) =>
    t.members.some((m) => m.personId === viewer.person.id && m.role === "lead"),
  );
  const waiting = useBlockers({ assignee: "me", status: "open" });
  // The contract has no "raised by me" filter: the viewer's visible open blockers, narrowed here.
  const open = useBlockers({ status: "open" });
  const mine = open.data?.filter((b) => b.author.id === viewer.person.id);
  return (
    <Stack>
      <Title order={1}>Blockers</Title>
      <Text c="dimmed">
        What stops people from moving on, raised in check-ins. Whoever is named to unblock is told at once; a
        blocker stays here until it is resolved.
      </Text>
      <SectionCard
        id="waiting-on-me"
        title="Waiting on me"
        intro="Blockers that name you as the one who can unblock."
      >
        <Blockers result={waiting.data} error={waiting.error} empty="Nobody is waiting on you right now." />
      </SectionCard>
      <SectionCard id="raised-by-me" title="Mine" intro="Blockers you raised that are still open.">
        <Blockers
          result={mine}
          error={open.error}
          empty="You have no open blockers. Answer a check-in's blocker question to raise one."
        />
      </SectionCard>
      {led.map((team) => (
        <TeamBlockers key={team.id} team={team} />
      ))}
    </Stack>
  );
}

function TeamBlockers({ team }: { team: TeamView }) {
  const blockers = useBlockers({ teamId: team.id, status: "open" });
  return (
    <SectionCard
      id={`team-${team.id}`}
      title={`${team.name}: open blockers`}
      intro="You lead this team: its members' open blockers, whoever can unblock them."
    >
      <Blockers
        result={blockers.data}
        error={blockers.error}
        empty="Nobody in this team is blocked."
        leadOf
      />
    </SectionCard>
  );
}

function Blockers(props: { result?: BlockerView[]; error: unknown; empty: ReactNode; leadOf?: boolean }) {
  if (!props.result) return <Loading error={props.error} />;
  if (props.result.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    );
  return <BlockerList blockers={props.result} leadOf={props.leadOf} showRitual />;
}
