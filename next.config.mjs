/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keeps `next dev` from writing AGENTS.md into the repo.
  agentRules: false,
  reactStrictMode: true,
  poweredByHeader: false,
  // The sandbox and CLI are never part of the deployed app.
  outputFileTracingExcludes: { "*": ["sandbox/**", "cli/**", "bench/**", "tests/**"] },
  experimental: {
    // Keeps `next build` from asking the registry for a newer Next.js.
    agentUpgrade: false,
  },
};

export default nextConfig;
