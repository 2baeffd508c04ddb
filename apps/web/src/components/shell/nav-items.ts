/** One destination of the main navigation; `count` shows a number beside it (pending approvals). */
export type NavItem = { href: string; label: string; count?: number };
