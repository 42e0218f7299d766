import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  // Views give absolute preview URLs from the configured public origin (app/_views/meta.ts); this base only
  // resolves the few relative ones Next adds itself (the icon).
  metadataBase: new URL(process.env.FRAMESCOPE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`),
  title: 'Framescope',
  description: 'How news outlets frame the same events through word choice.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
