// The few React APIs web/graphiql/main.ts uses. @types/react is not among the project's packages,
// so these declarations stand in for it; at run time the real react@19 and react-dom@19 are bundled.
declare module 'react' {
  export type ReactElement = { readonly type: unknown; readonly props: unknown };
  export function createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): ReactElement;
  export const StrictMode: unknown;
}

declare module 'react-dom/client' {
  import type { ReactElement } from 'react';
  export function createRoot(container: Element): { render(element: ReactElement): void; unmount(): void };
}

declare module 'graphiql' {
  export const GraphiQL: { Logo: unknown; Toolbar: unknown; Footer: unknown };
}

declare module '*.css';
