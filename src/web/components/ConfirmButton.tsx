import { Button, type ButtonProps, Group, Modal, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";

/** A destructive action that asks once before it runs. */
export function ConfirmButton(
  props: ButtonProps & {
    question: string;
    confirmLabel: string;
    onConfirm(): void;
    children: ReactNode;
    "aria-label"?: string;
  },
) {
  const { question, confirmLabel, onConfirm, children, ...button } = props;
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button color="red" variant="subtle" size="compact-sm" {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title="Are you sure?" centered>
        <Text mb="md">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep it
          </Button>
          <Button
            color="red"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
