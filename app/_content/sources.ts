/** The published sources the site's factual claims rest on; every claim about Zoom links one of these. */
export const SOURCES = {
  citizenLab: {
    title: 'Move Fast and Roll Your Own Crypto: A Quick Look at the Confidentiality of Zoom Meetings',
    publisher: 'The Citizen Lab (Bill Marczak, John Scott-Railton)',
    date: '3 April 2020',
    url: 'https://citizenlab.ca/2020/04/move-fast-roll-your-own-crypto-a-quick-look-at-the-confidentiality-of-zoom-meetings/',
  },
  zoomApril22: {
    title: '90-Day Security Plan Progress Report: April 22 (Zoom 5.0 with AES 256-bit GCM)',
    publisher: 'Zoom blog',
    date: '22 April 2020',
    url: 'https://blog.zoom.us/90-day-security-plan-progress-report-april-22/',
  },
  zoomMay27: {
    title: '90-Day Security Plan Progress Report: May 27 (GCM enabled system-wide on May 30)',
    publisher: 'Zoom blog',
    date: '27 May 2020',
    url: 'https://blog.zoom.us/90-day-security-plan-progress-report-may-27/',
  },
  zoomE2ee: {
    title: 'E2E Encryption for Zoom Meetings (cryptographic design whitepaper)',
    publisher: 'Zoom, on GitHub',
    date: 'first draft 22 May 2020',
    url: 'https://github.com/zoom/zoom-e2e-whitepaper',
  },
  sp80038a: {
    title: 'NIST SP 800-38A: Recommendation for Block Cipher Modes of Operation',
    publisher: 'NIST',
    date: 'December 2001',
    url: 'https://csrc.nist.gov/pubs/sp/800/38/a/final',
  },
  sp80038d: {
    title: 'NIST SP 800-38D: Recommendation for Block Cipher Modes of Operation: GCM and GMAC',
    publisher: 'NIST',
    date: 'November 2007',
    url: 'https://csrc.nist.gov/pubs/sp/800/38/d/final',
  },
} as const;

export type SourceId = keyof typeof SOURCES;
