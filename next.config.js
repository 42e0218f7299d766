/** @type {import('next').NextConfig} */
const nextConfig = {
  // natural's root entry pulls in database clients; keep it and sentiment out of the server bundle.
  serverExternalPackages: ['natural', 'sentiment'],
  poweredByHeader: false,
  outputFileTracingIncludes: { '/**': ['./corpus/**/*'] },
};

module.exports = nextConfig;
