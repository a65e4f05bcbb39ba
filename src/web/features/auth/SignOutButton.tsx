import { Button } from "@mantine/core";
import { useNavigate } from "react-router";
import { api } from "../../lib/api";
import { useSessionChanged } from "../../lib/session";

export function SignOutButton() {
  const changed = useSessionChanged();
  const navigate = useNavigate();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      onClick={async () => {
        await api("POST", "/auth/logout");
        await changed();
        navigate("/login");
      }}
    >
      Sign out
    </Button>
  );
}
