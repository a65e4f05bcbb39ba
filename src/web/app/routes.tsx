import type { ReactNode } from "react";
import { HomePage } from "../features/home/HomePage";

export interface AppRoute {
  path: string;
  element: ReactNode;
}

/** Every signed-in page; the navigation in Layout links to the top-level ones. */
export const appRoutes: AppRoute[] = [{ path: "/", element: <HomePage /> }];
