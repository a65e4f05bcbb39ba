import { Alert, Button, Stack, Text } from "@mantine/core";
import { CopyValue } from "../../components/CopyValue";

/** A webhook's signing secret, shown once (at creation or rotation); it lives only in this page's state. */
export function SecretOnce(props: { title: string; secret: string; onDismiss(): void }) {
  return (
    <Alert color="yellow" title={props.title}>
      <Stack gap="xs">
        <Text size="sm">
          Copy it now; it will not be shown again. The receiver uses it to check the X-Tandem-Signature
          header.
        </Text>
        <CopyValue value={props.secret} label="secret" />
        <div>
          <Button variant="default" size="compact-sm" onClick={props.onDismiss}>
            I have copied it
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
