import { Group, Text } from "@mantine/core";
import { MIN_GROUP_SIZE } from "../../../contracts/checkins";
import { LockIcon } from "../../components/LockIcon";
import { usePrivacy } from "./api";

/**
 * Beside every pulse item: nobody but its author sees a pulse answer, and groups are summarised only
 * from the organisation's minimum size (the contract's floor until the setting has loaded).
 */
export function PulseLockNote(props: { answering?: boolean }) {
  const privacy = usePrivacy();
  const n = privacy.data?.minGroupSize ?? MIN_GROUP_SIZE;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <LockIcon />
      <Text size="sm" c="dimmed">
        {props.answering
          ? `Your answer is private: only you see it. Others see only aggregates for groups of ${n} or more.`
          : `Answers are private: only aggregates for groups of ${n} or more are shown.`}
      </Text>
    </Group>
  );
}
