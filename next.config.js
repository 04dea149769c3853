/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets parallel local builds (e.g. a second checkout's tests) keep apart; `.next` by default.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
