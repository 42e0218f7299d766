/** @type {import('next').NextConfig} */
const nextConfig = {
  // natural's root entry pulls in database clients; keep it and sentiment out of the server bundle.
  serverExternalPackages: ['natural', 'sentiment', 'pg'],
  poweredByHeader: false,
  outputFileTracingIncludes: { '/**': ['./corpus/**/*'] },
  // Every answer, static files included; the page CSP (with its nonce) is set per render in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
