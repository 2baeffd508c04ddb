import type { Metadata } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

// Served from the npm package: next/font/google needs the internet at build time.
const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Toolgate", template: "%s · Toolgate" },
  description: "Policy gateway for MCP tool calls.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request renders every page per request, so each gets the nonce of its CSP (src/proxy.ts).
  await headers();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
