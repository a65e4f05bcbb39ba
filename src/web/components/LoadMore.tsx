import { Button, Group } from "@mantine/core";

/** "Load more" under a paged list, while there is more. */
export function LoadMore(props: { hasMore: boolean; loading: boolean; onMore(): void }) {
  if (!props.hasMore) return null;
  return (
    <Group justify="center">
      <Button variant="default" loading={props.loading} onClick={props.onMore}>
        Load more
      </Button>
    </Group>
  );
}
