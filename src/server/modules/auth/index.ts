export { installAuth } from "./auth.hook";
export { registerAuthRoutes, setSessionCookie } from "./auth.routes";
export { createSession } from "./sessions";
